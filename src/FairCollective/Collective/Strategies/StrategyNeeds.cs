namespace FairCollective.Collective.Strategies;

/// <summary>
/// What a strategy needs from the data and the settings, declared in its catalog entry (<see cref="StrategyEntry"/>),
/// so that checks ask the entry rather than the strategy's name.
/// </summary>
[Flags]
public enum StrategyNeeds
{
    /// <summary>Nothing beyond the rows every strategy gets.</summary>
    None = 0,

    /// <summary>The data's causal model (P0(y | g(x))): synthetic data only, so no real collective can use
    /// it.</summary>
    CausalModel = 1,

    /// <summary>k nearest rows among the known majority rows; its options record carries k
    /// (<see cref="INearestRowsOptions"/>).</summary>
    KNearestMajorityRows = 2,

    /// <summary>k nearest rows among the known majority rows labelled 1; its options record carries k
    /// (<see cref="INearestRowsOptions"/>).</summary>
    KNearestPositiveMajorityRows = 4,
}
