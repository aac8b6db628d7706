using System.Diagnostics;
using System.Globalization;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// `national-scoring --path FILE [--alpha 0.3] [--seed 0] [--k 10]`: loads a (large) dataset, prepares one split,
/// builds the collective of share alpha and times one RB-label and one RB-dist scoring of its pool against every
/// majority training row, with the peak RSS of each phase (<see cref="MemorySampler"/>), the managed bytes
/// allocated during it and the process-lifetime peak working set.
/// </summary>
internal static class NationalScoring
{
    public const string Name = "national-scoring";
    private const double DefaultAlpha = 0.3;
    private const double MiB = 1024.0 * 1024.0;

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--path", "--alpha", "--seed", "--k");
        string path = a.Required("--path");
        double alpha = a.Double("--alpha", DefaultAlpha);
        int seed = a.Int("--seed", 0), k = a.Int("--k", NeighbourStrategyOptions.DefaultK);
        Console.WriteLine($"{Name}: {path}, alpha {alpha}, seed {seed}, k {k}, {Environment.ProcessorCount} cores");

        PreparedSplit? split = null;
        Phase("load + split + encode", () => split = DatasetResolver.Load(new DatasetChoice(path)).Prepare(seed,
            SpecDefaults.TestFraction));
        var members = new CollectiveOrder(split!.MinorityTrainRows, seed).Members(CollectiveSize.Share(alpha));
        var pool = Pool.Of(members, split.TrainY);
        var known = MajorityKnowledge.Known(split.MajorityTrainRows, null, seed);
        var context = new StrategyContext(split.TrainX, split.TrainY, pool, known, seed);
        Console.WriteLine($"train {split.TrainX.Rows} x {split.TrainX.Cols}, minority " +
            $"{split.MinorityTrainRows.Count}, collective {members.Length}, pool {pool.Length}, known majority " +
            $"{known.Length}");

        var options = new NeighbourStrategyOptions { K = k };
        foreach (ICollectiveStrategy strategy in new ICollectiveStrategy[] { new RbLabelStrategy(options),
            new RbDistStrategy(options) })
        {
            double[] scores = [];
            Phase($"{strategy.Name} scoring", () => scores = strategy.Score(context).Values);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {strategy.Name}: {scores.Length} scores, mean {scores.Average():R}"));
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process peak working set (whole run): {process.PeakWorkingSet64 / MiB:F0} MiB"));
        return 0;
    }

    private static void Phase(string name, Action work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var sampler = new MemorySampler();
        var sw = Stopwatch.StartNew();
        work();
        double seconds = sw.Elapsed.TotalSeconds;
        sampler.Dispose();
        long allocatedDuring = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: wall {seconds:F2} s; RSS {sampler.Start / MiB:F0} -> peak {sampler.Peak / MiB:F0} MiB " +
                $"(+{(sampler.Peak - sampler.Start) / MiB:F0}); managed heap before {heapBefore / MiB:F0} MiB, " +
                $"allocated during {allocatedDuring / MiB:F0} MiB"));
    }
}
