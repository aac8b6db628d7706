namespace FairCollective.Collective;

/// <summary>
/// A way to choose which pool members relabel 0 -> 1: one score per pool member, higher = relabel first
/// (an estimate of how likely the member's counterfactual label is 1). New strategies plug in by implementing
/// this and registering in <see cref="Strategies.StrategyCatalog"/>; the runner never needs to change.
/// </summary>
public interface ICollectiveStrategy
{
    /// <summary>Name as the paper writes it ("RB-prob", "RB-label", "RB-dist", "Random", "Oracle").</summary>
    string Name { get; }

    /// <summary>Scores aligned with <see cref="StrategyContext.Pool"/>, and the rule that produced them.</summary>
    PoolScores Score(StrategyContext context);
}
