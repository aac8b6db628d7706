namespace FairCollective.Fairness;

/// <summary>Options of
/// <see cref="MetricFrame.Compute(int[], int[], IReadOnlyList{string[]}, MetricFrameOptions?)"/>.</summary>
public sealed record MetricFrameOptions
{
    /// <summary>Default of <see cref="SmallGroupRows"/>: a group with fewer test rows than this gets a
    /// warning.</summary>
    public const int DefaultSmallGroupRows = 30;

    /// <summary>Names of the sensitive columns (for display); default "sensitive_feature_0", ... as
    /// fairlearn.</summary>
    public IReadOnlyList<string>? SensitiveNames { get; init; }

    /// <summary>Sample weights, one per row, finite and non-negative; null for unweighted.</summary>
    public double[]? SampleWeights { get; init; }

    /// <summary>
    /// The group labels pooled as the minority (intersections labelled "F x b"); empty for none. With a minority the
    /// frame also gives its signed gaps and the two-group metrics (<see cref="MetricFrame.Minority"/>).
    /// </summary>
    public IReadOnlyList<string> MinorityGroups { get; init; } = [];

    /// <summary>User-supplied metrics, added as columns after the built-in ones, in this order.</summary>
    public IReadOnlyList<UserMetric> UserMetrics { get; init; } = [];

    /// <summary>What a TPR, FPR or FNR with an empty denominator becomes; default NaN (with a warning either
    /// way).</summary>
    public UndefinedRate UndefinedRate { get; init; } = GroupConfusionOptions.DefaultUndefinedRate;

    /// <summary>
    /// Bootstrap over rows for the frame's intervals (<see cref="MetricFrame.Intervals"/>): resamples, level, seed;
    /// null (the default) for none.
    /// </summary>
    public BootstrapOptions? Bootstrap { get; init; }

    /// <summary>Groups with fewer rows than this, or whose TPR (FNR) or FPR rests on fewer positive or negative labels,
    /// get a warning; default <see cref="DefaultSmallGroupRows"/>.</summary>
    public int SmallGroupRows { get; init; } = DefaultSmallGroupRows;
}
