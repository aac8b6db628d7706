namespace FairCollective.Fairness;

/// <summary>What a by-group metric is computed from: the pooled minority's, the pooled majority's and all rows' rates,
/// every group's confusion counts (for the between-groups metrics), and how an undefined rate counts.</summary>
public readonly ref struct MetricInputs
{
    /// <summary>Bundles the inputs; nothing is copied.</summary>
    public MetricInputs(GroupRates minority, GroupRates majority, GroupRates overall,
        ReadOnlySpan<ConfusionCounts> perGroup, UndefinedRate mode)
    {
        Minority = minority;
        Majority = majority;
        Overall = overall;
        PerGroup = perGroup;
        Mode = mode;
    }

    /// <summary>The pooled minority groups' rates.</summary>
    public GroupRates Minority { get; }

    /// <summary>The pooled majority's rates.</summary>
    public GroupRates Majority { get; }

    /// <summary>All rows' rates.</summary>
    public GroupRates Overall { get; }

    /// <summary>Every group's confusion counts.</summary>
    public ReadOnlySpan<ConfusionCounts> PerGroup { get; }

    /// <summary>How a rate with no rows to define it counts.</summary>
    public UndefinedRate Mode { get; }

    /// <summary>Minority minus majority of <paramref name="rate"/>, in AIF360's operand order so signed values agree
    /// bit for bit.</summary>
    public double Gap(GroupRate rate) => Minority.Get(rate) - Majority.Get(rate);
}

/// <summary>The generic aggregators a by-group metric is built from (<see cref="MetricRule"/>).</summary>
public enum Aggregation
{
    /// <summary>A rate over all rows.</summary>
    Overall,
    /// <summary>A rate of the pooled minority.</summary>
    Minority,
    /// <summary>A rate of the pooled majority.</summary>
    Majority,
    /// <summary>Minority minus majority.</summary>
    Signed,
    /// <summary>|minority - majority|.</summary>
    Unsigned,
    /// <summary>Minority over majority (x/0 = Infinity, 0/0 = NaN).</summary>
    MinorityOverMajority,
    /// <summary>min / max of minority and majority.</summary>
    MinOverMax,
    /// <summary>1/2 (signed gap of A + signed gap of B).</summary>
    MeanOfSigned,
    /// <summary>1/2 (|gap of A| + |gap of B|).</summary>
    MeanOfUnsigned,
    /// <summary>The larger of |gap of A| and |gap of B| (NaN as the undefined-rate mode says).</summary>
    WorstOfUnsigned,
    /// <summary>max over all groups minus min over all groups (fairlearn, method='between_groups').</summary>
    BetweenDifference,
    /// <summary>min over all groups / max over all groups.</summary>
    BetweenRatio,
    /// <summary>The larger of the between-groups differences of A and B.</summary>
    BetweenWorstDifference,
    /// <summary>The mean of the between-groups differences of A and B.</summary>
    BetweenMeanDifference,
    /// <summary>The smaller of the between-groups ratios of A and B.</summary>
    BetweenWorstRatio,
    /// <summary>The mean of the between-groups ratios of A and B.</summary>
    BetweenMeanRatio,
}

/// <summary>
/// How one by-group metric is computed: a generic aggregator over one rate (or two, for the equalized-odds
/// combinations). Plain data, so the evaluator runs every metric with one switch and no allocation, and a reader can
/// see what a metric is made of.
/// </summary>
/// <param name="Kind">The aggregator.</param>
/// <param name="A">The rate it aggregates.</param>
/// <param name="B">The second rate, for the aggregators of two.</param>
public readonly record struct MetricRule(Aggregation Kind, GroupRate A, GroupRate B = GroupRate.Count)
{
    /// <summary>Whether it is a count of rows (overall or of a group): stored without an interval, which resampling
    /// only blurs.</summary>
    public bool IsCount => A == GroupRate.Count
        && Kind is Aggregation.Overall or Aggregation.Minority or Aggregation.Majority;

    /// <summary>Whether it compares every group rather than the pooled minority and majority.</summary>
    public bool BetweenGroups => Kind >= Aggregation.BetweenDifference;

    /// <summary>The metric's value on <paramref name="x"/>, computed in the operand order the golden values were
    /// matched with.</summary>
    public double Compute(in MetricInputs x) => Kind switch
    {
        Aggregation.Overall => x.Overall.Get(A),
        Aggregation.Minority => x.Minority.Get(A),
        Aggregation.Majority => x.Majority.Get(A),
        Aggregation.Signed => x.Gap(A),
        Aggregation.Unsigned => Math.Abs(x.Gap(A)),
        Aggregation.MinorityOverMajority => x.Minority.Get(A) / x.Majority.Get(A),
        Aggregation.MinOverMax => MetricRules.MinOverMax(x.Minority.Get(A), x.Majority.Get(A)),
        Aggregation.MeanOfSigned => 0.5 * (x.Gap(A) + x.Gap(B)),
        Aggregation.MeanOfUnsigned => 0.5 * (Math.Abs(x.Gap(A)) + Math.Abs(x.Gap(B))),
        Aggregation.WorstOfUnsigned => Fairness.BetweenGroups.WorstCaseMax(Math.Abs(x.Gap(A)), Math.Abs(x.Gap(B)),
            x.Mode),
        Aggregation.BetweenDifference => Fairness.BetweenGroups.Difference(x.PerGroup, A, x.Mode),
        Aggregation.BetweenRatio => Fairness.BetweenGroups.Ratio(x.PerGroup, A, x.Mode),
        Aggregation.BetweenWorstDifference => Fairness.BetweenGroups.WorstCaseMax(Difference(x, A), Difference(x, B),
            x.Mode),
        Aggregation.BetweenMeanDifference => Fairness.BetweenGroups.Mean(Difference(x, A), Difference(x, B), x.Mode),
        Aggregation.BetweenWorstRatio => Fairness.BetweenGroups.WorstCaseMin(Ratio(x, A), Ratio(x, B), x.Mode),
        Aggregation.BetweenMeanRatio => Fairness.BetweenGroups.Mean(Ratio(x, A), Ratio(x, B), x.Mode),
        _ => throw new InvalidOperationException($"no computation for {Kind}"),
    };

    private static double Difference(in MetricInputs x, GroupRate rate) => Fairness.BetweenGroups.Difference(x.PerGroup,
        rate, x.Mode);

    private static double Ratio(in MetricInputs x, GroupRate rate) => Fairness.BetweenGroups.Ratio(x.PerGroup, rate,
        x.Mode);
}

/// <summary>The generic aggregators metric definitions are written with (shorthands for
/// <see cref="MetricRule"/>).</summary>
public static class MetricRules
{
    /// <summary><paramref name="rate"/> over all rows.</summary>
    public static MetricRule Overall(GroupRate rate) => new(Aggregation.Overall, rate);

    /// <summary><paramref name="rate"/> of the pooled minority.</summary>
    public static MetricRule Minority(GroupRate rate) => new(Aggregation.Minority, rate);

    /// <summary><paramref name="rate"/> of the pooled majority.</summary>
    public static MetricRule Majority(GroupRate rate) => new(Aggregation.Majority, rate);

    /// <summary>Minority minus majority of <paramref name="rate"/>.</summary>
    public static MetricRule Signed(GroupRate rate) => new(Aggregation.Signed, rate);

    /// <summary>|minority - majority| of <paramref name="rate"/>.</summary>
    public static MetricRule Unsigned(GroupRate rate) => new(Aggregation.Unsigned, rate);

    /// <summary>Minority over majority of <paramref name="rate"/>.</summary>
    public static MetricRule MinorityOverMajority(GroupRate rate) => new(Aggregation.MinorityOverMajority, rate);

    /// <summary>min / max of the minority's and majority's <paramref name="rate"/>.</summary>
    public static MetricRule MinOverMax(GroupRate rate) => new(Aggregation.MinOverMax, rate);

    /// <summary>Between all groups: max minus min of <paramref name="rate"/>.</summary>
    public static MetricRule BetweenDifference(GroupRate rate) => new(Aggregation.BetweenDifference, rate);

    /// <summary>Between all groups: min over max of <paramref name="rate"/>.</summary>
    public static MetricRule BetweenRatio(GroupRate rate) => new(Aggregation.BetweenRatio, rate);

    /// <summary>min(a, b) / max(a, b): NaN when either is (and 0/0), as fairlearn's ratios.</summary>
    internal static double MinOverMax(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b) / Math.Max(a, b);
}
