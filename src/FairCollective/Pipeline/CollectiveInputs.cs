using FairCollective.Collective.Strategies;
using FairCollective.Data;

namespace FairCollective.Pipeline;

/// <summary>
/// What one collective acts on: the rows it scores, its members in joining order, the majority rows it knows, and the
/// per-purpose random draws the caller made (so a run, the planner and the front door can each supply their own streams
/// or imported ones, and the pipeline draws nothing itself beyond tie-breaking by <see cref="Seed"/>).
/// </summary>
/// <param name="ScoringFeatures">The features strategies score on
/// (<see cref="Collective.Strategies.ScoringFeatures"/>), one row per training row.</param>
/// <param name="Labels">True training labels in {0, 1}, before any relabelling.</param>
/// <param name="Members">The collective's training rows, in the order they joined.</param>
/// <param name="KnownMajority">Training rows of the majority the collective knows (labels and features).</param>
/// <param name="Seed">Seed of tie-breaking and of the strategies' own streams.</param>
public sealed record CollectiveInputs(DesignMatrix ScoringFeatures, int[] Labels, int[] Members, int[] KnownMajority,
    int Seed)
{
    /// <summary>Synthetic data only: P0(y = 1 | g(x)) per training row, which the Oracle and the ideal relabelling
    /// need.</summary>
    public double[]? OracleP0 { get; init; }

    /// <summary>Random's priority per training row when imported or drawn by the caller; null = Random's seeded
    /// default.</summary>
    public double[]? RandomPriorities { get; init; }
}

/// <summary>How the collective ranks its pool: the strategy by name, its settings and the plausible-flips
/// threshold.</summary>
/// <param name="Strategy">A strategy name of <see cref="StrategyCatalog"/> (any case).</param>
/// <param name="Settings">The settings every strategy shares (tie rule, scoring space).</param>
/// <param name="PlausibleMin">Only members the majority model finds at least this plausible as 1 form the pool; 0 = the
/// whole pool.</param>
public sealed record RankingChoice(string Strategy, StrategySettings Settings, double PlausibleMin = 0)
{
    /// <summary>The strategy's own options (<see cref="StrategyEntry.Defaults"/>' type); null = its defaults.</summary>
    public object? Options { get; init; }

    /// <summary>The learner of the majority model whose score the plausible-flips threshold reads (RB-prob's
    /// <see cref="RbProbOptions.Model"/>); unused when <see cref="PlausibleMin"/> is 0.</summary>
    public string PlausibleModel { get; init; } = new RbProbOptions().Model;
}
