using System.Diagnostics;
using System.Globalization;
using FairCollective.Bench.Pipeline;
using FairCollective.Collective;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Planning;

namespace FairCollective.Bench.Planning;

/// <summary>
/// `plan-speed [--dataset acs-az] [--members 2000] [--majority 1000] [--replicates 200] [--threads T] [--repeat 3]`:
/// the time of one plan (issue target: 2,000 members, 200 replicates, under 30 s on 2 cores). The members are the first
/// members of seed 0's collective order on the dataset's training split, the majority sample a seeded sample of its
/// majority rows (0: none, the fallback majority), the public numbers the split's sizes.
/// </summary>
internal static class PlanSpeed
{
    public const string Name = "plan-speed";

    public static int Run(string[] args)
    {
        var a = new ScenarioArgs(Name, args, "--dataset", "--members", "--majority", "--replicates", "--threads",
            "--repeat");
        var loaded = DatasetResolver.Load(new DatasetChoice(a.Text("--dataset") ?? "acs-az"));
        int memberCount = a.Int("--members", 2000), majority = a.Int("--majority", 1000), repeats = a.Int("--repeat",
            3);
        var rows = FairCollective.Data.Splitting.StratifiedSplitter.Split(loaded.Data,
            new FairCollective.Data.Splitting.SplitOptions { Seed = 0, TestFraction = SpecDefaults.TestFraction });
        var split = loaded.Prepare(0, SpecDefaults.TestFraction, rows);
        var members = new CollectiveOrder(split.MinorityTrainRows,
            0).Members(CollectiveSize.Members(memberCount)).ToArray();
        var known = majority == 0 ? [] : MajorityKnowledge.Known(split.MajorityTrainRows, majority, 0);
        var raw = (int[] train) => loaded.Data.Select(train.Select(r => rows.Train[r]).ToArray());
        var numbers = new PublicNumbers
        {
            FirmUsers = split.TrainY.Length, MinorityUsers = split.MinorityTrainRows.Count, EvaluationUsers =
                split.TestY.Length,
            MajorityBaseRate = split.MajorityTrainRows.Average(r => split.TrainY[r]),
        };
        var options = new PlannerOptions
        {
            Replicates = a.Int("--replicates", PlannerOptions.DefaultReplicates),
            MaxDegreeOfParallelism = a.Int("--threads", -1)
        };
        var times = new double[repeats];
        Plan? plan = null;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            plan = Planner.Run(raw(members), known.Length == 0 ? null : raw(known), numbers, options);
            times[r] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plan on {loaded.Name}: {members.Length} members, {known.Length} majority rows, " +
            $"{options.Replicates} replicates, threads " +
            $"{(options.MaxDegreeOfParallelism < 0 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism)}: " +
            $"median {times[repeats / 2]:F2} s, min {times[0]:F2} s over {repeats} (first includes just-in-time " +
            $"compilation)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  recommended {plan!.Recommended.Strategy}, {plan.Recommended.BestBudget.Flips} of {plan.PoolSize} " +
                $"flips, predicted EqOd {plan.Recommended.BestBudget.Metric.Median:F4} " +
                $"[{plan.Recommended.BestBudget.Metric.Low:F4}, {plan.Recommended.BestBudget.Metric.High:F4}]"));
        return 0;
    }
}
