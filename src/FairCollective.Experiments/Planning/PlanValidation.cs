using System.Diagnostics;
using FairCollective.Collective;
using FairCollective.Data;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Pipeline;
using FairCollective.Planning;

namespace FairCollective.Experiments.Planning;

/// <summary>
/// The planner's validation (`reproduce plan-validation`): for each data set, seed, collective size and majority
/// sample, the planner gets only what that collective would know (its members' rows, the m known majority rows, and the
/// split's public sizes), then the real firm is refitted on the real training split with the planner's flips and
/// measured on the real test split. A case records predicted against achieved EqOd and error, whether the interval
/// covered, the gap to the best budget in hindsight (same ranking), and whether "reachable" was right
/// (docs/planner.md).
/// </summary>
public static class PlanValidation
{
    /// <summary>Every case, in (dataset, seed, alpha, m) order; the same for any thread count.</summary>
    public static IReadOnlyList<PlanValidationCase> Run(PlanValidationOptions options, Action<int,
        int>? progress = null)
    {
        options.Validate();
        int total = options.Datasets.Count * options.Seeds.Count * options.Alphas.Count * options.MajorityRows.Count,
            done = 0;
        var cases = new List<PlanValidationCase>(total);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        foreach (var name in options.Datasets)
        {
            var loaded = DatasetResolver.Load(new DatasetChoice(name));
            // One (dataset, seed) at a time, its cases in parallel: only one real split and firm is held, so the heap
            // stays small (holding every split made the plans' collections several times slower).
            foreach (int seed in options.Seeds)
            {
                var world = RealWorld.Of(loaded, seed, options.TestFraction);
                var grid = options.Alphas.SelectMany(alpha => options.MajorityRows.Select(m => (alpha, m))).ToArray();
                var batch = new PlanValidationCase[grid.Length];
                Parallel.For(0, grid.Length, parallel, i =>
                {
                    batch[i] = Case(world, grid[i].alpha, grid[i].m, options);
                    progress?.Invoke(Interlocked.Increment(ref done), total);
                });
                cases.AddRange(batch);
            }
        }
        return cases;
    }

    private static PlanValidationCase Case(RealWorld real, double alpha, int? m, PlanValidationOptions options)
    {
        var split = real.Split;
        var members = new CollectiveOrder(split.MinorityTrainRows,
            real.Seed).Members(CollectiveSize.Share(alpha)).ToArray();
        var known = m == 0 ? [] : MajorityKnowledge.Known(split.MajorityTrainRows, m, real.Seed);
        var numbers = new PublicNumbers
        {
            FirmUsers = split.TrainY.Length, MinorityUsers = split.MinorityTrainRows.Count, EvaluationUsers =
                split.TestY.Length,
            // Published, like the group sizes (a census or the firm's own statistics would give it).
            MajorityBaseRate = split.MajorityTrainRows.Average(r => split.TrainY[r]),
        };
        var clock = Stopwatch.StartNew();
        var plan = Planner.Run(real.Raw(members), known.Length == 0 ? null : real.Raw(known), numbers,
            new PlannerOptions
            {
                Replicates = options.Replicates, Seed = real.Seed,
                SamplePriorRows = options.SamplePriorRows, MaxDegreeOfParallelism = 1
            });
        double seconds = clock.Elapsed.TotalSeconds;

        // The real firm after the first flips of the recommended ranking, at every budget the plan forecast.
        var chosen = plan.Recommended;
        var ranked = RankedCollective.InOrder(members.Length, chosen.Ranking.Select(i => members[i]).ToArray(),
            $"plan ({chosen.Strategy})");
        var achieved = chosen.Budgets.Select(b => real.After(ranked, b.Flips)).ToArray();
        int best = 0;
        for (int b = 1; b < achieved.Length; b++)
            if (achieved[b].EqOd < achieved[best].EqOd) best = b;
        var at = chosen.BestBudget;
        double target = (1 - options.TargetReduction) * chosen.Budgets[0].Metric.Median;
        return new PlanValidationCase
        {
            Dataset = real.Name, Seed = real.Seed, Alpha = alpha, MajorityRows = m, Members = members.Length, Pool =
                plan.PoolSize,
            Strategy = chosen.Strategy, Budget = at.Share, Flips = at.Flips,
            PredictedEqOd = at.Metric.Median, PredictedEqOdLow = at.Metric.Low, PredictedEqOdHigh = at.Metric.High,
            AchievedEqOd = achieved[chosen.Best].EqOd,
            PredictedError = at.Error.Median, PredictedErrorLow = at.Error.Low, PredictedErrorHigh = at.Error.High,
            AchievedError = achieved[chosen.Best].Error,
            AchievedBaseEqOd = achieved[0].EqOd, BestBudget = chosen.Budgets[best].Share, BestEqOd =
                achieved[best].EqOd,
            BudgetsCovered = chosen.Budgets.Zip(achieved).Count(p
                => p.First.Metric.Covers(p.Second.EqOd)), BudgetsCompared = achieved.Length,
            Target = target, SaidReachable = at.Metric.Median <= target, PlanSeconds = seconds,
        };
    }

    /// <summary>One (dataset, seed): the real split, its raw rows, and the real firm (fitted once, refitted warm for
    /// each set of flips).</summary>
    private sealed class RealWorld
    {
        private readonly Dataset _data;
        private readonly DataSplit _rows;
        private readonly ITrainer _trainer;
        private readonly IClassifier _firm;

        private RealWorld(string name, int seed, Dataset data, DataSplit rows, PreparedSplit split)
        {
            Name = name;
            Seed = seed;
            _data = data;
            _rows = rows;
            Split = split;
            _trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), seed, innerParallelism: 1);
            _firm = CollectivePipeline.Fit(_trainer, split.TrainX, split.TrainY, DefenceChoice.None, seed,
                split.TrainGroups).Model;
        }

        public string Name { get; }
        public int Seed { get; }
        public PreparedSplit Split { get; }

        public static RealWorld Of(LoadedDataset loaded, int seed, double testFraction)
        {
            var rows = StratifiedSplitter.Split(loaded.Data, new SplitOptions
            {
                Seed = seed,
                TestFraction = testFraction
            });
            return new RealWorld(loaded.Name, seed, loaded.Data, rows, loaded.Prepare(seed, testFraction, rows));
        }

        /// <summary>The raw rows of training positions <paramref name="trainRows"/>: what their owners hold.</summary>
        public Dataset Raw(IReadOnlyList<int> trainRows) => _data.Select(trainRows.Select(r
            => _rows.Train[r]).ToArray());

        /// <summary>The real firm's EqOd and error on the test split after the first <paramref name="flips"/> of
        /// <paramref name="ranked"/> relabel 0 -> 1.</summary>
        public (double EqOd, double Error) After(RankedCollective ranked, int flips)
        {
            var firm = flips == 0 ? _firm
                : CollectivePipeline.Fit(LearnerCatalog.WarmStartedFrom(_trainer, _firm), Split.TrainX,
                    ranked.Relabel(Split.TrainY, flips), DefenceChoice.None, Seed,
                    Split.TrainGroups).Model;
            var values = CollectivePipeline.Measure(Split.TestY, firm.Predict(Split.TestX), Split.TestGroups);
            return (values[(int)FairnessMetric.EqOd], values[(int)FairnessMetric.ErrorRate]);
        }
    }
}
