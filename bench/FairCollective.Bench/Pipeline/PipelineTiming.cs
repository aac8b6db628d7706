using FairCollective.Collective.Strategies;
using System.Diagnostics;
using System.Globalization;
using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// `pipeline --dataset NAME [--seeds 0-4] [--threads T] [--csv FILE] [--warm-runs N] [--with-random 1]`: times
/// <see cref="ExperimentRunner"/> end to end (load, split, encode, score, every firm refit, evaluation, store
/// commits) on the paper's collective-size grid into a temporary results store, prints the best-EqOd-by-alpha
/// table and writes it as CSV. <see cref="RefitProfile"/> shows what one of its refits costs. With --warm-runs N the
/// grid first runs N times into scratch stores in the same process and each is timed: the timed run after them shows
/// the steady state, and the difference from the first what first use costs (compilation, type loading, libraries).
/// </summary>
internal static class PipelineTiming
{
    public const string Name = "pipeline";

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--dataset", "--seeds", "--threads", "--csv", "--warm-runs",
            "--with-random");
        string dataset = a.Required("--dataset");
        // The paper's grid without Random (as the scikit-learn script runs it by default); --with-random 1 keeps it, as
        // the README job does.
        var paper = PaperExperiments.Create(PaperExperiments.CollectiveSize, [dataset]);
        if (a.Int("--with-random", 0) == 0) paper = paper with { Strategies = StrategyCatalog.Practical };
        var spec = paper with { Seeds = a.Seeds("--seeds", paper.Seeds) };
        int threads = a.Int("--threads", -1);
        string dir = Path.Combine(Path.GetTempPath(), $"fc-pipeline-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var process = Process.GetCurrentProcess();
            for (int warm = 0; warm < a.Int("--warm-runs", 0); warm++)
            {
                var (warmCpu, warmClock) = (process.TotalProcessorTime, Stopwatch.StartNew());
                using (var scratch = ResultsStore.Open(Path.Combine(dir, $"warm-{warm}.sqlite")))
                    new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = threads },
                        SilentProgress.Instance).Run(spec, scratch);
                process.Refresh();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm run {warm + 1}: wall {warmClock.Elapsed.TotalSeconds:F2} s, process CPU " +
                        $"{(process.TotalProcessorTime - warmCpu).TotalSeconds:F2} s"));
            }
            var cpu0 = process.TotalProcessorTime;
            IReadOnlyList<CellRecord> cells;
            RunSummary summary;
            using (var store = ResultsStore.Open(Path.Combine(dir, "results.sqlite")))
            {
                // As the CLI does with a store it creates: the committed cells, not a read-back (CommittedCells).
                var committed = new CommittedCells(SilentProgress.Instance);
                summary = new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = threads },
                    committed).Run(spec, store);
                cells = committed.AsStored();
            }
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            double cellSeconds = cells.Sum(c => c.Seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"FairCollective collective-size on {dataset}: seeds {string.Join(",", spec.Seeds)}, " +
                    $"{summary.Computed} cells, threads {(threads < 0 ? Environment.ProcessorCount : threads)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"end-to-end (load, split, encode, scoring, refits, store): wall {summary.Elapsed.TotalSeconds:F2} " +
                    $"s, process CPU {cpu:F2} s; sum of cell times {cellSeconds:F2} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fits asked for: {DistinctFits(cells)} (cells with 0 flips reuse the unchanged firm; cells that " +
                    $"flip the same rows share one fit, so fewer are made)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB; collections gen0 " +
                    $"{GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; GC pause " +
                    $"{GC.GetTotalPauseDuration().TotalSeconds:F2} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"just-in-time compilation over the process: {System.Runtime.JitInfo.GetCompiledMethodCount()} " +
                    $"methods, {System.Runtime.JitInfo.GetCompiledILBytes() / 1024.0:F0} KiB of IL, " +
                    $"{System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s"));

            var table = ResultsSummary.BestByAlpha(cells);
            BestEqOdCsv.Print(table, Console.Out);
            if (a.Text("--csv") is { } csv)
            {
                BestEqOdCsv.Write(table, csv);
                Console.WriteLine($"wrote {csv}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    /// <summary>Base fits (one per seed) plus every cell that relabelled at least one row (before sharing: see
    /// SharedRefits).</summary>
    private static int DistinctFits(IReadOnlyList<CellRecord> cells) =>
        cells.Select(c => c.Seed).Distinct().Count() + cells.Count(c => c.Flips > 0);
}
