namespace FairCollective.Collective.Strategies;

/// <summary>
/// The collective's settings that apply whatever the strategy: how equal scores are ordered and which features are
/// scored. A strategy's own options (RB-label's k, RB-prob's model, a plug-in's) are its entry's options record
/// (<see cref="StrategyEntry.Defaults"/>). This record serves the front door, the experiment spec and every stored
/// cell's configuration: spec parsing and writing, the cell key and the stored settings all read its properties
/// through one codec (<c>SettingsCodec</c> in the experiments assembly), so a property added here is in all of them
/// with no other code.
/// </summary>
public sealed record StrategySettings
{
    /// <summary>How equal scores are ordered.</summary>
    public TieRule TieRule { get; init; } = TieRule.SeededRandom;

    /// <summary>Which features the strategies score on; default the counterfactual features (method.md section
    /// 3).</summary>
    public ScoringSpace ScoringSpace { get; init; } = ScoringSpace.Counterfactual;
}
