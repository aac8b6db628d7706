namespace FairCollective.Fairness;

/// <summary>
/// A bootstrap interval of one metric (<see cref="FairnessBootstrap"/>): the percentile interval, or for an unsigned
/// gap or ratio the interval built from its signed parts (<see cref="UnsignedInterval"/>). Resamples where the metric
/// is undefined (NaN) are left out; <see cref="DefinedResamples"/> says how many remained (Lower and Upper are NaN when
/// none did).
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Estimate">Its value on the full sample.</param>
/// <param name="Lower">Lower end (for a percentile interval the (1 - level)/2 quantile of the defined resamples); NaN
/// when none is defined.</param>
/// <param name="Upper">Upper end (for a percentile interval the (1 + level)/2 quantile of the defined resamples); NaN
/// when none is defined.</param>
/// <param name="Level">Two-sided confidence level in (0, 1).</param>
/// <param name="Resamples">Resamples drawn.</param>
/// <param name="DefinedResamples">Resamples in which the metric was defined (not NaN).</param>
public sealed record ConfidenceInterval(FairnessMetric Metric, double Estimate, double Lower, double Upper,
    double Level,
    int Resamples, int DefinedResamples);
