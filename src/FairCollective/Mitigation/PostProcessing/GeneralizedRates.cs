namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// Generalized error rates of scores s against labels y within one group: GFPR = mean of s over y = 0,
/// GFNR = mean of (1 − s) over y = 1 (AIF360 <c>generalized_false_positive_rate</c> / <c>_negative_rate</c>).
/// </summary>
/// <param name="FalsePositiveRate">GFPR: mean score over rows with y = 0, in [0, 1].</param>
/// <param name="FalseNegativeRate">GFNR: mean of (1 - score) over rows with y = 1, in [0, 1].</param>
public readonly record struct GeneralizedRates(double FalsePositiveRate, double FalseNegativeRate)
{
    /// <summary>The group cost under <paramref name="constraint"/> for a group with base rate
    /// <paramref name="baseRate"/>.</summary>
    public double Cost(CostConstraint constraint, double baseRate) => constraint switch
    {
        CostConstraint.FalsePositiveRate => FalsePositiveRate,
        CostConstraint.FalseNegativeRate => FalseNegativeRate,
        // AIF360 weighted_cost with fp_rate = fn_rate = 1 normalised by their sum, as at the reference commit (some
        // earlier AIF360 code multiplied the GFNR term by 1 − base rate too; calibrated_eq_odds.json confirms this
        // form).
        _ => 0.5 * FalsePositiveRate * (1 - baseRate) + 0.5 * FalseNegativeRate * baseRate,
    };

    /// <summary>The rates after each score is replaced by <paramref name="baseRate"/> with probability
    /// <paramref name="q"/> (rates are linear in the scores).</summary>
    public GeneralizedRates MixedWithTrivial(double q, double baseRate) =>
        q == 0 ? this : new((1 - q) * FalsePositiveRate + q * baseRate,
            (1 - q) * FalseNegativeRate + q * (1 - baseRate));
}
