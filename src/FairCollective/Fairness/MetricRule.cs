namespace FairCollective.Fairness;

/// <summary>What a by-group metric is computed from: the pooled minority's, the pooled majority's and all rows' rates,
/// every group's confusion counts (for the between-groups metrics), and how an undefined rate counts.</summary>
public readonly ref struct MetricInputs
{
    /// <summary>Bundles the inputs; nothing is copied.</summary>
    public MetricInputs(GroupRates minority, GroupRates majority, GroupRates overall, ReadOnlySpan<ConfusionCounts> perGroup, UndefinedRate mode)
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

    /// <summary>Minority minus majority of <paramref name="rate"/>, in AIF360's operand order so signed values agree bit for bit.</summary>
    public double Gap(GroupRate rate) => Minority.Get(rate) - Majority.Get(rate);
}

/// <summary>How one by-group metric is computed from its inputs (a metric definition's <see cref="MetricDefinition.Rule"/>).</summary>
public delegate double MetricRule(in MetricInputs inputs);

/// <summary>
/// The generic aggregators metric definitions are written with: a rate overall or of a group, the signed and unsigned
/// minority-minus-majority gap, the minority-over-majority and min-over-max ratios, and fairlearn's between-groups
/// difference and ratio. Each returns a rule the allocation-free evaluator runs for every metric it fills.
/// </summary>
public static class MetricRules
{
    /// <summary><paramref name="rate"/> over all rows.</summary>
    public static MetricRule Overall(GroupRate rate) => (in MetricInputs x) => x.Overall.Get(rate);

    /// <summary><paramref name="rate"/> of the pooled minority.</summary>
    public static MetricRule Minority(GroupRate rate) => (in MetricInputs x) => x.Minority.Get(rate);

    /// <summary><paramref name="rate"/> of the pooled majority.</summary>
    public static MetricRule Majority(GroupRate rate) => (in MetricInputs x) => x.Majority.Get(rate);

    /// <summary>Minority minus majority of <paramref name="rate"/>.</summary>
    public static MetricRule Signed(GroupRate rate) => (in MetricInputs x) => x.Gap(rate);

    /// <summary>|minority - majority| of <paramref name="rate"/>.</summary>
    public static MetricRule Unsigned(GroupRate rate) => (in MetricInputs x) => Math.Abs(x.Gap(rate));

    /// <summary>Minority over majority of <paramref name="rate"/> (x/0 = Infinity, 0/0 = NaN).</summary>
    public static MetricRule MinorityOverMajority(GroupRate rate) => (in MetricInputs x) => x.Minority.Get(rate) / x.Majority.Get(rate);

    /// <summary>min / max of the minority's and majority's <paramref name="rate"/> (0/0 = NaN).</summary>
    public static MetricRule MinOverMax(GroupRate rate) => (in MetricInputs x) => MinOverMax(x.Minority.Get(rate), x.Majority.Get(rate));

    /// <summary>max over all groups minus min over all groups of <paramref name="rate"/> (fairlearn, method='between_groups').</summary>
    public static MetricRule BetweenDifference(GroupRate rate) => (in MetricInputs x) => BetweenGroups.Difference(x.PerGroup, rate, x.Mode);

    /// <summary>min over all groups / max over all groups of <paramref name="rate"/> (fairlearn, method='between_groups').</summary>
    public static MetricRule BetweenRatio(GroupRate rate) => (in MetricInputs x) => BetweenGroups.Ratio(x.PerGroup, rate, x.Mode);

    /// <summary>min(a, b) / max(a, b): NaN when either is (and 0/0), as fairlearn's ratios.</summary>
    internal static double MinOverMax(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b) / Math.Max(a, b);
}
