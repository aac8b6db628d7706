using FairCollective.Learning;

namespace FairCollective.Collective.Strategies;

/// <summary>The strategies a spec may name, matched case-insensitively, and how each is built from the settings.</summary>
public static class StrategyCatalog
{
    /// <summary>Score by a classifier fitted on the known majority rows (<see cref="RbProbStrategy"/>).</summary>
    public const string RbProb = "RB-prob";
    /// <summary>Score by the positive labels among the k nearest known majority rows (<see cref="RbLabelStrategy"/>).</summary>
    public const string RbLabel = "RB-label";
    /// <summary>Score by the distance to the k nearest positive known majority rows (<see cref="RbDistStrategy"/>).</summary>
    public const string RbDist = "RB-dist";
    /// <summary>Random order, the baseline (<see cref="RandomStrategy"/>).</summary>
    public const string Random = "Random";
    /// <summary>The ideal counterfactual relabelling, synthetic data only (<see cref="OracleStrategy"/>).</summary>
    public const string Oracle = "Oracle";

    /// <summary>Every strategy, in the paper's order.</summary>
    public static IReadOnlyList<StrategyEntry> Entries { get; } =
    [
        new(RbProb, "score by a classifier fitted on the known majority rows", StrategyNeeds.None,
            (settings, trainerFor) => new RbProbStrategy(trainerFor(settings.RbProbModel))),
        new(RbLabel, "score by the positive labels among the k nearest known majority rows", StrategyNeeds.KNearestMajorityRows,
            (settings, _) => new RbLabelStrategy(new NeighbourStrategyOptions { K = settings.K, Scaling = settings.Scaling })),
        new(RbDist, "score by the distance to the k nearest positive known majority rows", StrategyNeeds.KNearestPositiveMajorityRows,
            (settings, _) => new RbDistStrategy(new NeighbourStrategyOptions { K = settings.K, Scaling = settings.Scaling })),
        new(Random, "the pool in a seeded random order, the baseline", StrategyNeeds.None, (_, _) => new RandomStrategy()),
        new(Oracle, "the ideal counterfactual relabelling, from the data's causal model", StrategyNeeds.CausalModel, (_, _) => new OracleStrategy()),
    ];

    /// <summary>Every strategy name, in the paper's spelling and order.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>The three practical strategies of the paper.</summary>
    public static IReadOnlyList<string> Practical { get; } = [RbProb, RbLabel, RbDist];

    /// <summary>Whether <paramref name="name"/> names a strategy, ignoring case.</summary>
    public static bool IsKnown(string name) => Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The paper's spelling of a known strategy name given in any case.</summary>
    /// <exception cref="InvalidOperationException">The name is not known; check <see cref="IsKnown"/> first.</exception>
    public static string Canonical(string name) => Get(name).Name;

    /// <summary>The entry of a known strategy name given in any case.</summary>
    /// <exception cref="InvalidOperationException">The name is not known; check <see cref="IsKnown"/> first.</exception>
    public static StrategyEntry Get(string name) => Entries.First(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <param name="name">A known strategy name.</param>
    /// <param name="settings">k, scaling and RB-prob's model.</param>
    /// <param name="trainerFor">Builds a trainer by learner name (for RB-prob's majority model).</param>
    public static ICollectiveStrategy Create(string name, StrategySettings settings, Func<string, ITrainer> trainerFor) =>
        Get(name).Create(settings, trainerFor);
}
