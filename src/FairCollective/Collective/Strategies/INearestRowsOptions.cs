namespace FairCollective.Collective.Strategies;

/// <summary>
/// Options of a strategy that reads the k nearest known majority rows (<see cref="StrategyNeeds.KNearestMajorityRows"/>
/// or <see cref="StrategyNeeds.KNearestPositiveMajorityRows"/>): checks that k fits the rows the collective knows read
/// it here, whatever the strategy.
/// </summary>
public interface INearestRowsOptions
{
    /// <summary>Neighbours per pool member.</summary>
    int K { get; }
}
