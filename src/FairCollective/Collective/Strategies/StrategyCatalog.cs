using FairCollective.Learning;

namespace FairCollective.Collective.Strategies;

/// <summary>The strategies a spec may name, matched case-insensitively, and how each is built from the settings.</summary>
public static class StrategyCatalog
{
    public const string RbProb = "RB-prob";
    public const string RbLabel = "RB-label";
    public const string RbDist = "RB-dist";
    public const string Random = "Random";
    public const string Oracle = "Oracle";

    public static IReadOnlyList<string> Names { get; } = [RbProb, RbLabel, RbDist, Random, Oracle];

    /// <summary>The three practical strategies of the paper.</summary>
    public static IReadOnlyList<string> Practical { get; } = [RbProb, RbLabel, RbDist];

    public static bool IsKnown(string name) => Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    public static string Canonical(string name) => Names.First(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <param name="name">A known strategy name.</param>
    /// <param name="settings">k, scaling and RB-prob's model.</param>
    /// <param name="trainerFor">Builds a trainer by learner name (for RB-prob's majority model).</param>
    public static ICollectiveStrategy Create(string name, StrategySettings settings, Func<string, ITrainer> trainerFor) => Canonical(name) switch
    {
        RbProb => new RbProbStrategy(trainerFor(settings.RbProbModel)),
        RbLabel => new RbLabelStrategy(new NeighbourStrategyOptions { K = settings.K, Scaling = settings.Scaling }),
        RbDist => new RbDistStrategy(new NeighbourStrategyOptions { K = settings.K, Scaling = settings.Scaling }),
        Random => new RandomStrategy(),
        Oracle => new OracleStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
