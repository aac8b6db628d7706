using System.Diagnostics;
using System.Globalization;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;
using FairCollective.Pipeline;

namespace FairCollective.Planning;

/// <summary>
/// The participation planner: from only what a real collective knows (its members' rows, perhaps a sample of majority
/// rows, and public numbers), which strategy and flip budget to use, who flips first, what the firm's fairness and
/// error will be with predictive intervals, and how large a collective a target needs. It pictures the firm's world
/// in bootstrap replicates (<see cref="Surrogate"/>), applies the action there, retrains the assumed firm and measures
/// it on a surrogate test population (docs/planner.md states every assumption). Deterministic for a seed, whatever the
/// thread count.
/// <code>
/// var plan = Planner.Run(members, majoritySample, new PublicNumbers { FirmUsers = 5000, MinorityShare = 0.4 });
/// Console.WriteLine($"{plan.Recommended.Strategy}: flip {plan.Recommended.BestBudget.Flips} of {plan.PoolSize}");
/// </code>
/// </summary>
public static class Planner
{
    /// <summary>Purpose string of each forecast replicate's seed stream.</summary>
    public const string ReplicatePurpose = "planner-replicate";

    /// <summary>Purpose string of each size-search replicate's seed stream.</summary>
    public const string SizePurpose = "planner-size";

    /// <summary>Purpose string of the order in which members join a smaller hypothetical collective.</summary>
    public const string OrderPurpose = "planner-collective-order";

    /// <summary>Plans from raw files: the members and an optional majority sample, read with the same dataset
    /// spec.</summary>
    public static Plan Run(Dataset members, Dataset? majority, PublicNumbers numbers, PlannerOptions? options = null,
        EncoderOptions? encoder = null) =>
        Run(PlannerInput.From(members, majority, encoder), numbers, options);

    /// <summary>As <see cref="Run(Dataset, Dataset?, PublicNumbers, PlannerOptions?, EncoderOptions?)"/>; messages
    /// about a file's rows name <paramref name="membersFile"/> and <paramref name="majorityFile"/>.</summary>
    public static Plan Run(Dataset members, Dataset? majority, PublicNumbers numbers, PlannerOptions? options,
        string membersFile, string? majorityFile) =>
        Run(PlannerInput.From(members, majority, null, membersFile, majorityFile), numbers, options);

    /// <summary>Plans from encoded known rows (<see cref="PlannerInput"/>).</summary>
    public static Plan Run(PlannerInput input, PublicNumbers numbers, PlannerOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        options ??= new PlannerOptions();
        options.Validate();
        var population = numbers.Resolve(input.MemberCount);
        var world = World.Of(input, numbers, options.SamplePriorRows);
        int nc = input.MemberCount;
        var pool = Enumerable.Range(0, nc).Where(i => input.Y[i] == 0).ToArray();
        if (pool.Length == 0) throw new
            UserInputException("no member has the unfavourable label (0): the collective has nothing to relabel");
        var metric = MetricOf(options.Metric);
        var budgets = options.Budgets.Append(0.0).Distinct().Order().ToArray();
        var strategies = options.Strategies.Select(StrategyCatalog.Canonical).Distinct().ToArray();
        // What the collective knows, scored once per strategy: its members and its sample (in the default scoring
        // space).
        var scoringX = ScoringFeatures.Of(input.X, input.SensitiveColumns, options.StrategySettings.ScoringSpace);
        var known = new CollectiveInputs(scoringX, input.Y, Enumerable.Range(0, nc).ToArray(), Enumerable.Range(nc,
            input.MajorityCount).ToArray(), options.Seed);
        var ranked = strategies.Select(s => CollectivePipeline.Rank(known, new RankingChoice(s,
            options.StrategySettings)
        {
            Options = options.StrategyOptions.FirstOrDefault(o => string.Equals(o.Key, s,
                StringComparison.OrdinalIgnoreCase)).Value,
        },
            name => LearnerCatalog.Create(name, options.LearnerSettings, options.Seed))).ToArray();
        // Members in flipping order and their scores, per strategy (member positions are the input's rows).
        var order = ranked.Select(r => r.RankedRows()).ToArray();
        var trainer = LearnerCatalog.Create(options.Learner, options.LearnerSettings, options.Seed,
            innerParallelism: 1);
        var rows = new KnownRows(input, world);

        // [replicate][strategy][budget]: every replicate fills its own slots, so the result does not depend on threads.
        var metricAt = new double[options.Replicates][][];
        var errorAt = new double[options.Replicates][][];
        ParallelLoop.For(options.Replicates,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, r =>
        {
            var rng = Seeds.Create(options.Seed, ReplicatePurpose, r);
            var (memberDraws, majorityDraws) = Draws(nc, world, rng);
            var surrogate = Surrogate.Draw(input, world, population, Ones(nc), population.MinorityUsers - nc,
                memberDraws, majorityDraws, rng);
            var firm = new SurrogateFirm(trainer, surrogate, rows, metric);
            (metricAt[r], errorAt[r]) = (new double[strategies.Length][], new double[strategies.Length][]);
            for (int k = 0; k < strategies.Length; k++)
            {
                (metricAt[r][k], errorAt[r][k]) = (new double[budgets.Length], new double[budgets.Length]);
                for (int b = 0; b < budgets.Length; b++)
                {
                    int flips = FlipBudget.ShareOfPool(budgets[b]).FlipCount(pool.Length);
                    (metricAt[r][k][b], errorAt[r][k][b]) = firm.After(order[k], flips, flips == pool.Length ? -1 : k);
                }
            }
        });

        var forecasts = new StrategyForecast[strategies.Length];
        for (int k = 0; k < strategies.Length; k++)
        {
            var perBudget = new BudgetForecast[budgets.Length];
            for (int b = 0; b < budgets.Length; b++)
                perBudget[b] = new BudgetForecast(budgets[b], FlipBudget.ShareOfPool(budgets[b]).FlipCount(pool.Length),
                    PredictiveInterval.Of(metricAt.Select(m => m[k][b]),
                        options.Level), PredictiveInterval.Of(errorAt.Select(e => e[k][b]), options.Level));
            int best = 0;
            for (int b = 1; b < perBudget.Length; b++)
                if (Fairer(options.Metric, perBudget[b].Metric.Median, perBudget[best].Metric.Median)) best = b;
            forecasts[k] = new StrategyForecast(strategies[k], ranked[k].Rule, order[k], ranked[k].RankedScores(),
                perBudget, best);
        }
        int chosen = 0;
        for (int k = 1; k < forecasts.Length; k++)
            if (Fairer(options.Metric, forecasts[k].BestBudget.Metric.Median,
                forecasts[chosen].BestBudget.Metric.Median)) chosen = k;
        var recommended = forecasts[chosen];

        SizeForecast? target = null;
        if (options.Target is not null || options.TargetReduction is not null)
        {
            double baseUnfairness = options.Metric.Unfairness(recommended.Budgets[0].Metric.Median);
            double targetUnfairness = options.Target is { } t ? options.Metric.Unfairness(t) : (1 -
                options.TargetReduction!.Value) * baseUnfairness;
            double targetValue = options.Metric.Direction > 0 ? targetUnfairness : 1 - targetUnfairness;
            var now = metricAt.Select(m => m[chosen][recommended.Best]).ToArray();
            double reachNow = now.Count(v => !double.IsNaN(v)
                && options.Metric.Unfairness(v) <= targetUnfairness) / (double)now.Length;
            bool reachableNow = options.Metric.Unfairness(recommended.BestBudget.Metric.Median) <= targetUnfairness;
            var needed = SizeSearch(input, world, population, order[chosen], pool, budgets, trainer, rows, metric,
                targetUnfairness, options);
            var neededInterval = PredictiveInterval.Of(needed, options.Level);
            bool reachable = double.IsFinite(neededInterval.Median);
            target = new SizeForecast(targetValue, reachableNow, reachNow, neededInterval,
                reachable ? (int)Math.Ceiling(neededInterval.Median * population.MinorityUsers - 1e-9) : null,
                needed.Count(double.IsFinite) / (double)needed.Length, reachable);
        }

        return new Plan
        {
            Population = population, Members = nc, PoolSize = pool.Length, MajoritySampleRows = input.MajorityCount,
            Metric = options.Metric.Key, MetricName = options.Metric.Name, LowerIsFairer = options.Metric.Direction > 0,
            Level = options.Level,
            Replicates = options.Replicates, Learner = options.Learner, Strategies = forecasts, Recommended =
                recommended,
            MemberIds = input.MemberIds, Target = target, Assumptions = Assumptions(input, population, world, options,
                forecasts),
            Warnings = PlanWarnings.Of(input), DroppedMembers = input.DroppedMembers, Seconds =
                clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Whether <paramref name="a"/> is strictly fairer than <paramref name="b"/> (NaN is never
    /// fairer).</summary>
    private static bool Fairer(ShownMetric metric, double a, double b) =>
        !double.IsNaN(a) && (double.IsNaN(b) || metric.Unfairness(a) < metric.Unfairness(b));

    private static FairnessMetric MetricOf(ShownMetric shown) =>
        MetricCatalog.Find(shown.Key)?.Metric
            ?? throw new
            UserInputException($"--metric: '{shown.Key}' is not a by-group metric the planner can forecast");

    private static double[] Ones(int n)
    {
        var w = new double[n];
        Array.Fill(w, 1.0);
        return w;
    }

    /// <summary>One replicate's bootstrap: of the members, then of the majority's sources.</summary>
    private static (int[] Members, int[] Majority) Draws(int members, World world, Random rng)
    {
        var m = new int[members];
        for (int i = 0; i < m.Length; i++) m[i] = rng.Next(members);
        return (m, world.Draw(rng));
    }

    /// <summary>
    /// Per replicate, the smallest collective (share of the minority, from the grid) whose fairest budget reaches the
    /// target; +infinity when none on the grid does. Members join in a seeded order; beyond the known members,
    /// hypothetical members are the members' bootstrap resample (each stands for more users and flips with its source).
    /// </summary>
    private static double[] SizeSearch(PlannerInput input, World world, Population population, int[] ranked, int[] pool,
        double[] budgets,
        ITrainer trainer, KnownRows rows, FairnessMetric metric, double targetUnfairness, PlannerOptions options)
    {
        int nc = input.MemberCount;
        var order = Seeds.Permutation(nc, Seeds.Create(options.Seed, OrderPurpose));
        var sizes = options.Sizes.Distinct().Order().ToArray();
        var needed = new double[options.TargetReplicates];
        ParallelLoop.For(options.TargetReplicates,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, r =>
        {
            needed[r] = double.PositiveInfinity;
            var (memberDraws, majorityDraws) = Draws(nc, world, Seeds.Create(options.Seed, SizePurpose, r));
            var drawCounts = new int[nc];
            foreach (int d in memberDraws) drawCounts[d]++;
            foreach (double share in sizes)
            {
                int size = Math.Max(1, (int)Math.Round(share * population.MinorityUsers));
                var collective = new double[nc];
                for (int i = 0; i < Math.Min(size, nc); i++) collective[order[i]] = 1;
                // Hypothetical members beyond the known ones: the members' resample, in expectation.
                if (size > nc)
                    for (int i = 0; i < nc; i++) collective[i] += (double)(size - nc) * drawCounts[i] / nc;
                // The same test users and fallback labels at every size: the stream restarts for each.
                var rng = Seeds.Create(options.Seed, SizePurpose, r);
                Draws(nc, world, rng);
                var surrogate = Surrogate.Draw(input, world, population, collective, population.MinorityUsers - size,
                    memberDraws, majorityDraws, rng);
                var firm = new SurrogateFirm(trainer, surrogate, rows, metric);
                double poolUsers = pool.Sum(i => collective[i]);
                bool reached = false;
                foreach (double budget in budgets)
                {
                    double flipUsers = Math.Floor(budget * poolUsers + 0.5);
                    var flipped = new List<int>();
                    double sum = 0;
                    foreach (int member in ranked)
                    {
                        if (sum >= flipUsers) break;
                        if (collective[member] <= 0) continue;
                        flipped.Add(member);
                        sum += collective[member];
                    }
                    var (value, _) = firm.After(flipped, flipped.Count, key: null);
                    if (!double.IsNaN(value)
                        && options.Metric.Unfairness(value) <= targetUnfairness) { reached = true; break; }
                }
                if (reached) { needed[r] = share; break; }
            }
        });
        return needed;
    }

    private static List<string> Assumptions(PlannerInput input, Population population, World world,
        PlannerOptions options, StrategyForecast[] forecasts)
    {
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"The firm trains '{options.Learner}' on {population.FirmUsers} users, {population.MinorityUsers} of " +
                $"them in the minority (share {F(population.MinorityShare)}), and measures fairness on " +
                $"{population.EvaluationUsers} other users; the collective cannot check the learner: it is its " +
                "assumption.",
            $"The collective's {input.MemberCount} members are among the firm's training users as they are; the " +
                $"other {population.MinorityUsers - input.MemberCount} minority users look like a bootstrap resample " +
                "of the members (the members are assumed representative of the minority).",
            world.Describe(population.MajorityUsers, options.SamplePriorRows),
            $"Each of {options.Replicates} replicates redraws those resamples and the test users; the intervals are " +
                $"the middle {F(options.Level * 100)}% of the replicates' firms, so they carry the uncertainty of " +
                "the members and the sample as well as the test population's noise, but not a wrong learner or " +
                "unrepresentative members.",
            "Scores are computed once on what the collective knows, as it would act; ties are broken by the seeded " +
                "tie rule.",
        };
        foreach (var f in forecasts.Where(f => f.ScoringRule != PoolScores.AsSpecified))
            lines.Add($"{f.Strategy}: {f.ScoringRule}.");
        return lines;
    }
}
