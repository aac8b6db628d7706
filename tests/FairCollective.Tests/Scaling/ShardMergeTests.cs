using FairCollective.Common;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Tests.Cli;

namespace FairCollective.Tests.Scaling;

/// <summary>Shards and merges: N shard runs plus a merge export what one process exports, byte for byte but for
/// timings.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class ShardMergeTests
{
    /// <summary>A sweep with two datasets, two seeds and several alphas, so shards get several units each.</summary>
    internal const string Sweep = """
        name: sweep
        datasets: [toy, compas]
        strategies: [RB-prob, Random]
        alphas: [0.1, 0.3, 0.5]
        budgets: {fractions: [0.5, 1]}
        seeds: [0, 1]
        """;

    /// <summary>The CSV export without its timing column: what must be identical between one process and merged
    /// shards.</summary>
    internal static string ExportWithoutTimings(string store, string csv)
    {
        var (exit, _, err) = CliSandbox.Run("results", "export", store, "--csv", csv);
        Assert.True(exit == 0, err);
        var lines = File.ReadAllLines(csv);
        int seconds = Array.IndexOf(lines[0].Split(','), "seconds");
        Assert.True(seconds > 0, "the export has a seconds column");
        // No text field before 'seconds' holds a comma here (names, budgets, rules of this sweep), so splitting is
        // exact.
        return string.Join("\n", lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != seconds))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void ShardsPlusMergeExportWhatOneProcessExports(int shards)
    {
        using var box = new CliSandbox();
        var spec = box.Write("sweep.yaml", Sweep);
        var (exit, _, err) = CliSandbox.Run("run", spec, "--no-report", "--threads", "2");
        Assert.True(exit == 0, err);
        var stores = new List<string>();
        for (int i = 1; i <= shards; i++)
        {
            (exit, var output, err) = CliSandbox.Run("run", spec, "--shard", $"{i}/{shards}", "--threads", "1");
            Assert.True(exit == 0, err);
            Assert.Contains($"shard {i}/{shards} of 'sweep' done", output, StringComparison.Ordinal);
            stores.Add(box.PathOf($"sweep.shard-{i}-of-{shards}.sqlite"));
        }
        Assert.DoesNotContain(box.Files(), f => f.Contains("report",
            StringComparison.Ordinal)); // shards write no partial report
        (exit, var merged, err) = CliSandbox.Run(["results", "merge", box.PathOf("merged.sqlite"), .. stores]);
        Assert.True(exit == 0, err);
        Assert.DoesNotContain("warning", merged, StringComparison.Ordinal);
        Assert.Equal(ExportWithoutTimings(box.PathOf("sweep.sqlite"), box.PathOf("one.csv")),
            ExportWithoutTimings(box.PathOf("merged.sqlite"), box.PathOf("merged.csv")));
        using var m = ResultsStore.Open(box.PathOf("merged.sqlite"), StoreAccess.Read);
        using var one = ResultsStore.Open(box.PathOf("sweep.sqlite"), StoreAccess.Read);
        Assert.Null(m.SettingsOf("sweep")!.FirstDifference(one.SettingsOf("sweep")!));
        Assert.Equal(shards, m.Runs().Count);
    }

    [Fact]
    public void ShardsPartitionTheCellsKeepUnitsTogetherAndBalanceTheirCost()
    {
        var plan = RunGrid.Build(SpecParser.Parse(Sweep));
        var parts = Enumerable.Range(1, 4).Select(i => plan.ShardOf(new Shard(i, 4))).ToArray();
        var keys = parts.SelectMany(p => p.Cells.Select(c => c.Key)).ToArray();
        Assert.Equal(plan.Cells.Select(c => c.Key).Order(StringComparer.Ordinal),
            keys.Order(StringComparer.Ordinal)); // each cell once
        // Every (dataset, seed, m, alpha) of collective cells lies in one shard: they share scores and the base fit.
        var unitShard = parts.SelectMany((p, s) => p.Cells.Where(c => c.Config.IsCollective).Select(c
            => ((c.Config.Dataset.Name, c.Config.Seed, c.Config.MajorityRows, c.Alpha), s)));
        Assert.All(unitShard.GroupBy(u => u.Item1), g => Assert.Single(g.Select(u => u.s).Distinct()));
        // Cost = cells x training rows: the largest shard within one unit's cost of the smallest.
        double Cost(RunGrid p) => p.Cells.Sum(c => (double)p.Splits[(c.Config.Dataset.Name,
            c.Config.Seed)].TrainY.Length);
        double largestUnit = plan.Cells.GroupBy(c => (c.Config.Dataset.Name, c.Config.Seed, c.Config.MajorityRows,
            c.Config.Size is null ? -1 : c.Alpha))
            .Max(g => g.Sum(c => (double)plan.Splits[(c.Config.Dataset.Name, c.Config.Seed)].TrainY.Length));
        Assert.InRange(parts.Max(Cost) - parts.Min(Cost), 0, largestUnit);
        // Deterministic: the same shard of a plan built again holds the same cells.
        Assert.Equal(parts[2].Cells.Select(c => c.Key), RunGrid.Build(SpecParser.Parse(Sweep)).ShardOf(new Shard(3,
            4)).Cells.Select(c => c.Key));
    }

    [Fact]
    public void ShardsComeFromSlurmOrKubernetesEnvironments()
    {
        Dictionary<string, string> env = [];
        string? Env(string name) => env.TryGetValue(name, out var v) ? v : null;
        Assert.Equal(new Shard(2, 4), Shard.Parse("2/4", Env));
        env = new() { ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "5" };
        Assert.Equal(new Shard(3, 5), Shard.Parse("env", Env));
        env = new() { ["SLURM_ARRAY_TASK_ID"] = "0", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_COUNT"] = "2" };
        Assert.Equal(new Shard(1, 2), Shard.Parse("env", Env));
        env = new() { ["JOB_COMPLETION_INDEX"] = "4", [Shard.CountVariable] = "8" };
        Assert.Equal(new Shard(5, 8), Shard.Parse("env", Env));
        Assert.Equal(new Shard(5, 6), Shard.Parse("env/6", Env));
        env = new() { ["JOB_COMPLETION_INDEX"] = "4" };
        Assert.Contains("set FAIRCOLLECTIVE_SHARDS", Assert.Throws<UserInputException>(() => Shard.Parse("env",
            Env)).Message, StringComparison.Ordinal);
        env = [];
        Assert.Contains("neither SLURM_ARRAY_TASK_ID", Assert.Throws<UserInputException>(() => Shard.Parse("env",
            Env)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnfinishedShardIsRefusedUnlessAPartialMergeIsAllowedWhichThenSaysWhatIsMissing()
    {
        using var box = new CliSandbox();
        var spec = box.Write("sweep.yaml", Sweep);
        Assert.Equal(0, CliSandbox.Run("run", spec, "--shard", "1/2", "--threads", "1").Exit);
        // Shard 2 stops after 5 cells, as a killed (or still running) shard leaves its store.
        string s1 = box.PathOf("sweep.shard-1-of-2.sqlite"), s2 = box.PathOf("sweep.shard-2-of-2.sqlite");
        var part = RunGrid.Build(SpecParser.ParseFile(spec)).ShardOf(new Shard(2, 2));
        using (var store = ResultsStore.Open(s2))
            new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = 1, StopAfterCells = 5 },
                SilentProgress.Instance).Run(part, store);
        int committed;
        using (var store = ResultsStore.Open(s2, StoreAccess.Read)) committed = store.Cells().Count;
        int missing = part.CellCount - committed;
        Assert.True(missing > 0);

        var before = box.Files();
        var (exit, _, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), s1, s2);
        Assert.Equal(2, exit);
        Assert.Equal($"error: results merge: store '{s2}' is unfinished: {missing} of the {part.CellCount} cells of " +
            "its run of 'sweep' (shard 2/2) are missing (its run still runs, or stopped before its end); "
                     + "finish it (the same run command again resumes it) or merge with --allow-partial (the merged " +
                         "store then records which cells are missing)", err.Trim());
        Assert.Equal(before, box.Files());

        (exit, var output, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), s1, s2, "--allow-partial");
        Assert.True(exit == 0, err);
        Assert.Contains($"warning: store '{s2}' is unfinished: {missing} of its cells are in no store given", output,
            StringComparison.Ordinal);
        string incomplete =
            $"warning: experiment 'sweep' is incomplete: {missing} cells its runs set out to compute are missing";
        Assert.Contains(incomplete, output, StringComparison.Ordinal);
        Assert.Equal(StoreMergeShown(missing), output.Split('\n').Count(l => l.StartsWith("  missing: ",
            StringComparison.Ordinal)));
        // The list names exactly the cells of shard 2's part that no store holds.
        var listed = File.ReadAllLines(box.PathOf("m.missing.csv")).Skip(1).Select(l
            => l.Split(',')[1]).Order(StringComparer.Ordinal).ToArray();
        using (var store = ResultsStore.Open(s2, StoreAccess.Read))
            Assert.Equal(part.Cells.Select(c => c.Key).Except(store.Cells().Select(c
                => c.Key)).Order(StringComparer.Ordinal), listed);
        // The merged store records it: results show, export and the report say so.
        Assert.Contains(incomplete, CliSandbox.Run("results", "show", box.PathOf("m.sqlite")).Out,
            StringComparison.Ordinal);
        Assert.Contains(incomplete, CliSandbox.Run("results", "export", box.PathOf("m.sqlite"), "--csv",
            box.PathOf("m.csv")).Out, StringComparison.Ordinal);
        Assert.Equal(0, CliSandbox.Run("report", box.PathOf("m.sqlite"), "-o", box.PathOf("report")).Exit);
        Assert.Contains(incomplete["warning: ".Length..], File.ReadAllText(box.PathOf("report/summary.md")),
            StringComparison.Ordinal);
        Assert.Contains($"is incomplete: {missing} cells its runs set out to compute are missing",
            File.ReadAllText(box.PathOf("report/index.html")), StringComparison.Ordinal);

        // Resumed and finished, the shard merges without a word, into what one process writes.
        Assert.Equal(0, CliSandbox.Run("run", spec, "--shard", "2/2", "--threads", "1").Exit);
        (exit, output, err) = CliSandbox.Run("results", "merge", box.PathOf("full.sqlite"), s1, s2);
        Assert.True(exit == 0, err);
        Assert.DoesNotContain("warning", output, StringComparison.Ordinal);
        Assert.Equal(0, CliSandbox.Run("run", spec, "--no-report", "--threads", "2").Exit);
        Assert.Equal(ExportWithoutTimings(box.PathOf("sweep.sqlite"), box.PathOf("one.csv")),
            ExportWithoutTimings(box.PathOf("full.sqlite"), box.PathOf("full.csv")));
    }

    [Fact]
    public void AMergeRemovesTheTemporaryFilesOfKilledMergesButNotOfRunningOnes()
    {
        using var box = new CliSandbox();
        var spec = box.Write("sweep.yaml", Sweep);
        Assert.Equal(0, CliSandbox.Run("run", spec, "--shard", "1/1", "--threads", "1").Exit);
        int dead;
        using (var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true")
        {
            UseShellExecute = false
        })!)
        {
            p.WaitForExit();
            dead = p.Id;
        }
        // What a merge killed mid-write leaves: its store under the temporary name and SQLite's files beside it.
        var killed = new[] { "", "-wal", "-shm", "-journal" }.Select(s
            => box.Write($"out/.m.sqlite.{dead}-0123456789ab.tmp{s}", "partial")).ToArray();
        // A merge still running (this process stands in for it) keeps its file.
        var running = box.Write($"out/.m.sqlite.{Environment.ProcessId}-0123456789ab.tmp", "partial");
        var (exit, _, err) = CliSandbox.Run("results", "merge", box.PathOf("out/m.sqlite"),
            box.PathOf("sweep.shard-1-of-1.sqlite"));
        Assert.True(exit == 0, err);
        Assert.All(killed, f => Assert.False(File.Exists(f), f));
        Assert.True(File.Exists(running));
        Assert.Equal([Path.GetFileName(running), "m.sqlite"],
            Directory.GetFiles(box.PathOf("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static int StoreMergeShown(int missing) => Math.Min(missing,
        FairCollective.Cli.Commands.ResultsCommand.MissingShown);

    [Fact]
    public void AMergeRefusesOtherSettingsConflictingCellsAndAnExistingOutput()
    {
        using var box = new CliSandbox();
        var a = box.Write("a/sweep.yaml", Sweep);
        var b = box.Write("b/sweep.yaml", Sweep.Replace("seeds: [0, 1]", "seeds: [0, 1]\ntest_fraction: 0.25"));
        Assert.Equal(0, CliSandbox.Run("run", a, "--shard", "1/2").Exit);
        Assert.Equal(0, CliSandbox.Run("run", b, "--shard", "2/2").Exit);
        string sa = box.PathOf("a/sweep.shard-1-of-2.sqlite"), sb = box.PathOf("b/sweep.shard-2-of-2.sqlite");
        var (exit, _, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), sa, sb);
        Assert.Equal(2, exit);
        Assert.Matches(@"^error: results merge: store '.*sweep\.shard-2-of-2\.sqlite' holds experiment 'sweep' with " +
            @"other settings than '.*sweep\.shard-1-of-2\.sqlite': test_fraction", err.Trim());
        Assert.False(File.Exists(box.PathOf("m.sqlite")), "nothing written");
        Assert.Single(err.Trim().Split('\n'));

        // A cell whose stored values differ between two copies: one of them is not what its configuration gives.
        File.Copy(sa, box.PathOf("copy.sqlite"));
        using (var db = new
            Microsoft.Data.Sqlite.SqliteConnection($"Data Source={box.PathOf("copy.sqlite")};Pooling=false"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT metrics_json FROM cells ORDER BY rowid LIMIT 1";
            string json = (string)cmd.ExecuteScalar()!;
            var metrics = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            metrics["error"] = 0.123456789;
            cmd.CommandText = "UPDATE cells SET metrics_json = $m WHERE rowid = (SELECT min(rowid) FROM cells)";
            cmd.Parameters.AddWithValue("$m", metrics.ToJsonString());
            cmd.ExecuteNonQuery();
        }
        (exit, _, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), sa, box.PathOf("copy.sqlite"));
        Assert.Equal(2, exit);
        Assert.Contains("differs between", err, StringComparison.Ordinal);
        Assert.Contains("in metric 'error'", err, StringComparison.Ordinal);
        Assert.False(File.Exists(box.PathOf("m.sqlite")), "nothing written");

        // Identical copies are fine: each cell once; a shard no store holds is refused unless a partial store is
        // allowed.
        File.Copy(sa, box.PathOf("same.sqlite"));
        (exit, _, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), sa, box.PathOf("same.sqlite"));
        Assert.Equal(2, exit);
        Assert.Equal("error: results merge: experiment 'sweep' was run in shards, but no store given holds shard " +
            "2/2; merge every shard's store, or merge with --allow-partial (the merged store then records that those " +
            "cells are missing)", err.Trim());
        Assert.False(File.Exists(box.PathOf("m.sqlite")), "nothing written");
        (exit, var output, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), sa,
            box.PathOf("same.sqlite"), "--allow-partial");
        Assert.True(exit == 0, err);
        Assert.Matches(@"merged 2 stores into .*m\.sqlite: (\d+) cells \(\1 found more than once, written once\)",
            output);
        Assert.Contains("warning: experiment 'sweep' is incomplete: no run of shard 2/2 is recorded", output,
            StringComparison.Ordinal);
        Assert.Contains("warning: experiment 'sweep' is incomplete: no run of shard 2/2 is recorded",
            CliSandbox.Run("results", "show", box.PathOf("m.sqlite")).Out, StringComparison.Ordinal);
        // And the output is never overwritten.
        (exit, _, err) = CliSandbox.Run("results", "merge", box.PathOf("m.sqlite"), sa);
        Assert.Equal(2, exit);
        Assert.Contains("already exists", err, StringComparison.Ordinal);
    }
}
