namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// One group's randomised threshold rule (fairlearn's interpolation_dict entry): with probability <see cref="P0"/>
/// predict [score &gt; <see cref="Threshold0"/>], with probability <see cref="P1"/> predict [score &gt;
/// <see cref="Threshold1"/>]; that draw is kept with probability 1 − <see cref="PIgnore"/> and replaced by a coin of
/// bias <see cref="PredictionConstant"/> with probability <see cref="PIgnore"/> (moving the group's ROC point toward
/// the diagonal).
/// </summary>
/// <param name="PIgnore">Probability of replacing the threshold draw by the constant coin, in [0, 1].</param>
/// <param name="PredictionConstant">Bias of that coin: P(ŷ = 1) when the thresholds are ignored.</param>
/// <param name="P0">Weight of the rule [score &gt; Threshold0]; P0 + P1 = 1.</param>
/// <param name="Threshold0">First hull vertex's threshold.</param>
/// <param name="P1">Weight of the rule [score &gt; Threshold1].</param>
/// <param name="Threshold1">Second hull vertex's threshold.</param>
public sealed record GroupThresholdRule(double PIgnore, double PredictionConstant, double P0, double Threshold0,
    double P1, double Threshold1)
{
    /// <summary>P(ŷ = 1 | score), in the same floating-point order as fairlearn's <c>_pmf_predict</c>.</summary>
    public double PositiveProbability(double score)
    {
        double interpolated = P0 * (score > Threshold0 ? 1.0 : 0.0) + P1 * (score > Threshold1 ? 1.0 : 0.0);
        return PIgnore * PredictionConstant + (1 - PIgnore) * interpolated;
    }
}
