namespace FairCollective.Mitigation.PostProcessing;

/// <summary>Options of <see cref="CalibratedEqOdds"/>.</summary>
public sealed record CalibratedEqOddsOptions
{
    /// <summary>AIF360's default cost constraint.</summary>
    public const CostConstraint DefaultCostConstraint = CostConstraint.Weighted;

    /// <summary>The full AIF360 mix rate.</summary>
    public const double DefaultMixRateMultiplier = 1.0;

    /// <summary>AIF360's <c>predict(threshold=0.5)</c>: the label is 1 where the (mixed) score is at least
    /// this.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The group cost to equalise; default AIF360's weighted cost.</summary>
    public CostConstraint CostConstraint { get; init; } = DefaultCostConstraint;

    /// <summary>
    /// The trade-off knob m in [0,1]: the mixed group's members are replaced by the base rate with probability
    /// clip(m · mix rate, 0, 1). m = 1 is AIF360 (equal expected costs when reachable), m = 0 leaves the scores alone;
    /// in between the expected cost gap shrinks linearly in m while the mix probability stays below 1.
    /// </summary>
    public double MixRateMultiplier { get; init; } = DefaultMixRateMultiplier;

    /// <summary>
    /// When set, the probability in [0, 1] with which the mixed (lower-cost) group's members are replaced by its base
    /// rate, instead of the multiplied fitted mix rate: 1 replaces the whole group (full mixing). Lets a caller trace
    /// the trade-off past the fitted point (<see cref="FirmSide.CalibratedEqOddsMethod"/>). Null: use
    /// <see cref="MixRateMultiplier"/>.
    /// </summary>
    public double? MixProbability { get; init; }

    /// <summary>Hard label 1 where the (mixed) score is at least this; default 0.5 as AIF360.</summary>
    public double Threshold { get; init; } = DefaultThreshold;
}
