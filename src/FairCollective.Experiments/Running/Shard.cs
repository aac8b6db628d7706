using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, "2/4"): a deterministic part of a plan's cells that one
/// process runs into its own store; the parts of 1/N ... N/N together hold every cell exactly once
/// (<see cref="RunGrid.ShardOf"/>), and <c>results merge</c> combines their stores.
/// </summary>
/// <param name="Index">Which shard, 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Environment variable of the shard count where the scheduler gives only an index (Kubernetes'
    /// <c>JOB_COMPLETION_INDEX</c>).</summary>
    public const string CountVariable = "FAIRCOLLECTIVE_SHARDS";

    /// <summary>
    /// Reads <c>I/N</c>, or <c>env</c> / <c>env/N</c>: the index from a Slurm job array (<c>SLURM_ARRAY_TASK_ID</c>
    /// less <c>SLURM_ARRAY_TASK_MIN</c>, plus 1; the count <c>SLURM_ARRAY_TASK_COUNT</c>) or a Kubernetes Indexed Job
    /// (<c>JOB_COMPLETION_INDEX</c> plus 1; the count N or <see cref="CountVariable"/>).
    /// </summary>
    /// <param name="text">The option's value.</param>
    /// <param name="environment">Reads an environment variable (null when unset);
    /// <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <exception cref="UserInputException">The text or the environment does not give a shard; the message names the
    /// option or variable.</exception>
    public static Shard Parse(string text, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var parts = text.Split('/');
        if (parts.Length is < 1 or > 2) throw Bad(text);
        if (parts[0] == "env") return FromEnvironment(parts.Length == 2 ? Whole(parts[1], "--shard", text) : null,
            environment);
        if (parts.Length != 2) throw Bad(text);
        return Checked(Whole(parts[0], "--shard", text), Whole(parts[1], "--shard", text), $"--shard {text}");
    }

    private static Shard FromEnvironment(int? count, Func<string, string?> environment)
    {
        if (environment("SLURM_ARRAY_TASK_ID") is { } id)
        {
            int task = Whole(id, "SLURM_ARRAY_TASK_ID", id);
            int min = environment("SLURM_ARRAY_TASK_MIN") is { } m ? Whole(m, "SLURM_ARRAY_TASK_MIN", m) : 0;
            int n = count ?? (environment("SLURM_ARRAY_TASK_COUNT") is { } c ? Whole(c, "SLURM_ARRAY_TASK_COUNT", c)
                : throw new UserInputException("--shard env: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT " +
                    "is not; give the count as --shard env/N"));
            return Checked(task - min + 1, n,
                $"--shard env (SLURM_ARRAY_TASK_ID {task}, SLURM_ARRAY_TASK_MIN {min}, count {n})");
        }
        if (environment("JOB_COMPLETION_INDEX") is { } index)
        {
            int i = Whole(index, "JOB_COMPLETION_INDEX", index);
            int n = count ?? (environment(CountVariable) is { } c ? Whole(c, CountVariable, c)
                : throw new UserInputException($"--shard env: JOB_COMPLETION_INDEX is set but not the shard count; " +
                    $"set {CountVariable} (the Job's completions) or give --shard env/N"));
            return Checked(i + 1, n, $"--shard env (JOB_COMPLETION_INDEX {i}, count {n})");
        }
        throw new UserInputException("--shard env: neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor " +
            "JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard I/N");
    }

    /// <summary>Most shards a sweep may be split into (<see cref="Store.ShardTag.CountLimit"/>), checked before
    /// anything is loaded.</summary>
    public const int CountLimit = Store.ShardTag.CountLimit;

    private static Shard Checked(int index, int count, string what)
    {
        if (count < 1) throw new UserInputException($"{what}: the shard count must be at least 1; got {count}");
        if (count > CountLimit) throw new UserInputException($"{what}: the shard count " +
            $"{count.ToString(CultureInfo.InvariantCulture)} is more than the limit of " +
            $"{CountLimit.ToString("N0", CultureInfo.InvariantCulture)} shards");
        if (index < 1 || index > count) throw new UserInputException($"{what}: shard {index} is outside 1..{count}");
        return new Shard(index, count);
    }

    private static int Whole(string text, string what, string whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v
            : throw new UserInputException($"{what}: '{whole}' is not a whole " +
                $"number{(what == "--shard" ? " (give I/N, e.g. 2/4, or env)" : "")}");

    private static UserInputException Bad(string text) => new($"--shard: '{text}' is not I/N (e.g. 2/4) or env");

    /// <summary>"shard-2-of-4", as run ids and default store names carry it (<see cref="Store.ShardTag"/>).</summary>
    public string Tag => Store.ShardTag.Of(Index, Count);

    /// <summary>"2/4".</summary>
    public override string ToString()
        => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";
}
