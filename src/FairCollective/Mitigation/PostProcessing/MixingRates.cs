namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// One group's randomised relabelling of hard predictions: p2p = P(ỹ = 1 | ŷ = 1) and n2p = P(ỹ = 1 | ŷ = 0).
/// (1, 0) leaves the predictions unchanged.
/// </summary>
/// <param name="PositiveToPositive">p2p = P(ỹ = 1 | ŷ = 1), in [0, 1].</param>
/// <param name="NegativeToPositive">n2p = P(ỹ = 1 | ŷ = 0), in [0, 1].</param>
public readonly record struct MixingRates(double PositiveToPositive, double NegativeToPositive)
{
    /// <summary>The identity relabelling.</summary>
    public static MixingRates Identity => new(1.0, 0.0);

    /// <summary>Expected post-processed TPR = p2p·TPR + n2p·FNR and FPR = p2p·FPR + n2p·TNR.</summary>
    public (double TruePositiveRate, double FalsePositiveRate) ExpectedRates(ConfusionRates before) =>
        (PositiveToPositive * before.TruePositiveRate + NegativeToPositive * before.FalseNegativeRate,
         PositiveToPositive * before.FalsePositiveRate + NegativeToPositive * before.TrueNegativeRate);

    /// <summary>P(ỹ = 1) for a row predicted <paramref name="yPred"/>.</summary>
    public double PositiveProbability(int yPred) => yPred == 1 ? PositiveToPositive : NegativeToPositive;

    /// <summary>(1 − λ)·identity + λ·this.</summary>
    public MixingRates Toward(double strength) => strength == 1.0 ? this :
        new((1 - strength) + strength * PositiveToPositive, strength * NegativeToPositive);
}
