using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data.Splitting;
using FairCollective.Learning.Catalog;

namespace FairCollective;

/// <summary>
/// What one collective action is: how large the collective is, how its members are ranked, how many of the pool
/// flip, what they know of the majority, and the firm's learner. Every default is a named constant; the defaults are
/// the paper's main setting (alpha = 0.3, RB-prob, the whole pool, every majority row known, logistic regression).
/// </summary>
public sealed record CollectiveActionOptions
{
    /// <summary>Default collective size: a share 0.3 of the minority's training rows.</summary>
    public const double DefaultAlpha = 0.3;

    /// <summary>Default flip budget: the whole pool (share 1).</summary>
    public const double DefaultBudgetShare = 1.0;

    /// <summary>Default share of rows held out as the test split (when a dataset is split).</summary>
    public const double DefaultTestFraction = 0.3;

    /// <summary>The collective: a share alpha of the minority's training rows, or a number of members.</summary>
    public CollectiveSize Size { get; init; } = CollectiveSize.Share(DefaultAlpha);

    /// <summary>How many pool members relabel 0 -> 1: a share of the pool or a number of flips.</summary>
    public FlipBudget Budget { get; init; } = FlipBudget.ShareOfPool(DefaultBudgetShare);

    /// <summary>The ranking strategy, by <see cref="StrategyCatalog"/> name ("RB-prob", "RB-label", "RB-dist",
    /// "Random", "Oracle", or one registered with <see cref="StrategyCatalog.Register"/>).</summary>
    public string Strategy { get; init; } = StrategyCatalog.RbProb;

    /// <summary>The settings every strategy shares (tie rule, scoring space).</summary>
    public StrategySettings StrategySettings { get; init; } = new();

    /// <summary>The strategy's own options, for a strategy that has some (its <see cref="StrategyEntry.Defaults"/>'
    /// type: <see cref="NeighbourStrategyOptions"/> for RB-label and RB-dist, <see cref="RbProbOptions"/> for RB-prob);
    /// null = its defaults.</summary>
    public object? StrategyOptions { get; init; }

    /// <summary>m, how many labelled majority rows the collective knows (a seeded sample); null = all of
    /// them.</summary>
    public int? MajorityRows { get; init; }

    /// <summary>The firm's learner, by <see cref="LearnerCatalog"/> name.</summary>
    public string Learner { get; init; } = LearnerCatalog.Logistic;

    /// <summary>Options of the firm's learner (and of RB-prob's model).</summary>
    public LearnerSettings LearnerSettings { get; init; } = new();

    /// <summary>The firm's defence against flipped labels (<see cref="Mitigation.Defences.DefenceCatalog.Choice"/>),
    /// run on the labels it receives before and after the action; none by default.</summary>
    public Mitigation.Defences.DefenceChoice Defence { get; init; } = Mitigation.Defences.DefenceChoice.None;

    /// <summary>The collective's plausible-flips threshold (<see cref="Collective.Strategies.PlausibleFlips"/>): only
    /// pool members whose RB-prob score reaches it may flip; 0 (the default) = the whole pool.</summary>
    public double PlausibleMin { get; init; }

    /// <summary>The learner of the majority model the plausible-flips threshold reads; null = RB-prob's model (its
    /// <see cref="StrategyOptions"/> when the strategy is RB-prob, else logistic regression).</summary>
    public string? PlausibleModel { get; init; }

    /// <summary>Seed of every random choice (collective order, majority sample, ties, split); same seed, same
    /// result.</summary>
    public int Seed { get; init; }

    /// <summary>Share of rows in the test split when
    /// <see cref="CollectiveAction.Run(Data.Dataset, CollectiveActionOptions?)"/> splits a dataset
    /// (<see cref="SplitOptions"/>).</summary>
    public double TestFraction { get; init; } = DefaultTestFraction;
}
