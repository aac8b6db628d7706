using System.Globalization;

namespace FairCollective.Experiments.Store;

/// <summary>One run as the store records it.</summary>
/// <param name="RunId">Id of the run ("&lt;experiment&gt;-&lt;start&gt;", ending in its shard's tag for a
/// shard).</param>
/// <param name="Experiment">The experiment it ran.</param>
/// <param name="StartedUtc">Start time (UTC, round-trip format).</param>
/// <param name="SpecJson">The spec it ran, as JSON.</param>
/// <param name="EnvironmentJson">Where it ran (versions, machine), as JSON.</param>
/// <param name="Cells">Cells of its part: the whole plan, or its shard's part.</param>
/// <param name="FinishedUtc">When every cell of its part was committed; null for a run that stopped before (or still
/// runs).</param>
public sealed record StoredRun(string RunId, string Experiment, string StartedUtc, string SpecJson,
    string EnvironmentJson, int Cells, string? FinishedUtc);

/// <summary>A cell a run set out to compute that the store does not hold.</summary>
/// <param name="Experiment">Its experiment.</param>
/// <param name="Key">Its key (the hash of its configuration).</param>
/// <param name="Label">Its configuration in words (<see cref="CellConfig.Describe"/>).</param>
public sealed record MissingCell(string Experiment, string Key, string Label)
{
    /// <summary>"0406d3b8b424 sweep / toy / logistic / seed 1 / ...": the key's first 12 characters and the
    /// label.</summary>
    public override string ToString() => $"{(Key.Length > 12 ? Key[..12] : Key)} {Label}";
}

/// <summary>
/// What a store lacks (<see cref="ResultsStore.Gaps"/>): cells its runs set out to compute and did not commit, and
/// shards of a sharded experiment with no recorded run. Tables and figures of an experiment with gaps cover the cells
/// present only, so every command that shows them says so (<see cref="Warnings"/>).
/// </summary>
/// <param name="Missing">The missing cells, by experiment and label.</param>
/// <param name="MissingShards">Per experiment whose runs were shards of N: the shards ("2/4") no run is recorded
/// of.</param>
public sealed record StoreGaps(IReadOnlyList<MissingCell> Missing, IReadOnlyDictionary<string,
    IReadOnlyList<string>> MissingShards)
{
    /// <summary>True when nothing is missing.</summary>
    public bool IsEmpty => Missing.Count == 0 && MissingShards.Count == 0;

    /// <summary>One line per experiment with missing cells and per experiment with missing shards (without "warning:
    /// "); only <paramref name="experiment"/>'s when given.</summary>
    public IReadOnlyList<string> Warnings(string? experiment = null)
    {
        var lines = Missing.Where(m => experiment is null || m.Experiment == experiment).GroupBy(m
            => m.Experiment).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"experiment '{g.Key}' is incomplete: {g.Count():N0} cells its runs set out to compute are missing (a " +
                $"run stopped before its end or still runs, or unfinished stores were merged with --allow-partial); " +
                $"its tables and figures cover the cells present only"))
            .ToList();
        lines.AddRange(MissingShards.Where(kv => experiment is null || kv.Key == experiment).Select(kv =>
            $"experiment '{kv.Key}' is incomplete: no run of shard {string.Join(", ", kv.Value)} is recorded, so its " +
                "cells are missing; its tables and figures cover the cells present only"));
        return lines;
    }

    /// <summary>Per experiment whose runs name shards of N: the shard numbers ("2/4") none of <paramref name="runs"/>
    /// names.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> MissingShardsOf(IEnumerable<StoredRun> runs)
    {
        var missing = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var byExperiment in runs.GroupBy(r => r.Experiment))
        {
            var shards = byExperiment.Select(r => ShardTag.At(r.RunId)).OfType<(int Index, int Count)>().ToArray();
            var absent = shards.Select(s => s.Count).Distinct().Order().SelectMany(count => Enumerable.Range(1, count)
                    .Except(shards.Where(s => s.Count == count).Select(s => s.Index))
                    .Select(i
                        =>
                        $"{i.ToString(CultureInfo.InvariantCulture)}/{count.ToString(CultureInfo.InvariantCulture)}"))
                .ToArray();
            if (absent.Length > 0) missing[byExperiment.Key] = absent;
        }
        return missing;
    }
}
