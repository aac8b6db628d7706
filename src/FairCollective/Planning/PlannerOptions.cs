using System.Globalization;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Fairness;
using FairCollective.Learning.Catalog;

namespace FairCollective.Planning;

/// <summary>
/// Settings of <see cref="Planner"/>. Every default is a named constant; docs/planner.md explains each and what it
/// costs. A plan's result depends on these and the inputs only: same options and seed, same plan, whatever the threads.
/// </summary>
public sealed record PlannerOptions
{
    /// <summary>Default bootstrap replicates of the surrogate.</summary>
    public const int DefaultReplicates = 200;

    /// <summary>Default replicates of the collective-size search for a target (each tries every size on the
    /// grid).</summary>
    public const int DefaultTargetReplicates = 50;

    /// <summary>Most <see cref="Replicates"/>: fifty times the default (each replicate fits the surrogate firm once per
    /// strategy and budget).</summary>
    public const int ReplicatesLimit = 10_000;

    /// <summary>Most <see cref="TargetReplicates"/>: two hundred times the default (each tries every size on the
    /// grid).</summary>
    public const int TargetReplicatesLimit = 10_000;

    /// <summary>Most <see cref="SamplePriorRows"/>: beyond it the fallback majority outweighs any sample (a weight, not
    /// work).</summary>
    public const int SamplePriorRowsLimit = 1_000_000;

    /// <summary>Default two-sided level of the predictive intervals.</summary>
    public const double DefaultLevel = 0.9;

    /// <summary>Default weight, in rows, of the fallback majority beside a majority sample.</summary>
    public const int DefaultSamplePriorRows = 0;

    /// <summary>Default budget grid: shares of the pool 0, 0.1, ..., 1.</summary>
    public static IReadOnlyList<double> DefaultBudgets { get; } = Enumerable.Range(0, 11).Select(i
        => i / 10.0).ToArray();

    /// <summary>Default collective-size grid for a target: shares of the minority 0.05, 0.1, ..., 1.</summary>
    public static IReadOnlyList<double> DefaultSizes { get; } = Enumerable.Range(1, 20).Select(i => i / 20.0).ToArray();

    /// <summary>Strategies to forecast (by <see cref="StrategyCatalog"/> name); the plan recommends the best. Default
    /// RB-prob, RB-label, RB-dist.</summary>
    public IReadOnlyList<string> Strategies { get; init; } = StrategyCatalog.Practical;

    /// <summary>The settings every strategy shares (tie rule, scoring space).</summary>
    public StrategySettings StrategySettings { get; init; } = new();

    /// <summary>Own options of strategies that have some, by strategy name (any case); a strategy not named here runs
    /// with its defaults.</summary>
    public IReadOnlyDictionary<string, object> StrategyOptions { get; init; } = new Dictionary<string, object>();

    /// <summary>Flip budgets to forecast, as shares of the pool in [0, 1]; 0 (no action) is always added. Default
    /// <see cref="DefaultBudgets"/>.</summary>
    public IReadOnlyList<double> Budgets { get; init; } = DefaultBudgets;

    /// <summary>The firm's learner family, by <see cref="LearnerCatalog"/> name (the collective's assumption). Default
    /// logistic.</summary>
    public string Learner { get; init; } = LearnerCatalog.Logistic;

    /// <summary>Options of the assumed learner.</summary>
    public LearnerSettings LearnerSettings { get; init; } = new();

    /// <summary>The fairness metric forecast and minimised (a gap or a min/max ratio). Default EqOd.</summary>
    public ShownMetric Metric { get; init; } = ShownMetric.EqOd;

    /// <summary>Bootstrap replicates of the surrogate (at least 10). Default <see cref="DefaultReplicates"/>.</summary>
    public int Replicates { get; init; } = DefaultReplicates;

    /// <summary>Two-sided level of every predictive interval, in (0, 1). Default <see cref="DefaultLevel"/>.</summary>
    public double Level { get; init; } = DefaultLevel;

    /// <summary>
    /// m₀: beside a majority sample of m rows, the fallback majority (the members' rows at the majority's base rate)
    /// keeps the weight of this many rows, so the sample is m/(m + m₀) of the majority picture: 10 rows barely move it,
    /// thousands decide it. 0 = the sample alone. Default <see cref="DefaultSamplePriorRows"/> = 0: in the planner's
    /// validation a prior of 100 rows made forecasts from 10 rows closer but covered less often, and did not help from
    /// 100 rows (docs/planner.md).
    /// </summary>
    public int SamplePriorRows { get; init; } = DefaultSamplePriorRows;

    /// <summary>A value of <see cref="Metric"/> to reach; the plan then says how large a collective reaches it. Null =
    /// none.</summary>
    public double? Target { get; init; }

    /// <summary>Alternatively, a relative reduction in (0, 1] of the metric's unfairness from no action (0.5 = halve
    /// it). Null = none.</summary>
    public double? TargetReduction { get; init; }

    /// <summary>Collective sizes (shares of the minority in (0, 1]) the target search tries. Default
    /// <see cref="DefaultSizes"/>.</summary>
    public IReadOnlyList<double> Sizes { get; init; } = DefaultSizes;

    /// <summary>Replicates of the target search (at least 10). Default <see cref="DefaultTargetReplicates"/>.</summary>
    public int TargetReplicates { get; init; } = DefaultTargetReplicates;

    /// <summary>Seed of every random choice of the plan.</summary>
    public int Seed { get; init; }

    /// <summary>Replicates computed at once; -1 = all cores. The plan does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        if (Strategies.Count == 0) throw new UserInputException("--strategy: name at least one strategy");
        foreach (var s in Strategies)
            if (!StrategyCatalog.IsKnown(s) || !StrategyCatalog.Get(s).UsableByARealCollective)
                throw new UserInputException($"--strategy: '{s}' is not a strategy a real collective can use (use "
                    + string.Join(", ",
                        StrategyCatalog.Entries.Where(e => e.UsableByARealCollective).Select(e => e.Name))
                    + ")");
        if (!LearnerCatalog.Names.Contains(Learner)) throw new UserInputException($"--learner: unknown learner " +
            $"'{Learner}' (known: {string.Join(", ", LearnerCatalog.Names)})");
        foreach (var b in Budgets)
            if (!(b >= 0 && b <= 1))
                throw new UserInputException($"--budgets: a budget is a share of the pool in [0, 1]; got {F(b)}");
        foreach (var a in Sizes)
            if (!(a > 0 && a <= 1))
                throw new UserInputException($"--sizes: a collective size is a share of the minority in (0, 1]; got " +
                    $"{F(a)}");
        if (Replicates < 10) throw new UserInputException($"--replicates must be at least 10; got {Replicates}");
        if (TargetReplicates < 10) throw new
            UserInputException($"--target-replicates must be at least 10; got {TargetReplicates}");
        CountLimit.Check(Replicates, ReplicatesLimit, "--replicates");
        CountLimit.Check(TargetReplicates, TargetReplicatesLimit, "--target-replicates");
        CountLimit.Check(SamplePriorRows, SamplePriorRowsLimit, "--sample-prior-rows");
        if (!(Level > 0 && Level < 1))
            throw new UserInputException($"--level must lie strictly between 0 and 1; got {F(Level)}");
        if (SamplePriorRows < 0) throw new
            UserInputException($"--sample-prior-rows must be >= 0; got {SamplePriorRows}");
        if (Target is not null
            && TargetReduction is not null) throw new
            UserInputException("give either a target value (--target / --target-eqod) or --target-reduction, not both");
        if (Target is { } t && !(t >= 0
            && t <= 1)) throw new UserInputException($"--target: a metric value lies in [0, 1]; got {F(t)}");
        if (TargetReduction is { } r && !(r > 0
            && r <= 1)) throw new UserInputException($"--target-reduction must lie in (0, 1]; got {F(r)}");
        if (MaxDegreeOfParallelism is 0 or < -1) throw new
            UserInputException($"--threads must be -1 or positive; got {MaxDegreeOfParallelism}");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
