using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Fairness;

/// <summary>
/// Computes every <see cref="FairnessMetric"/> from per-group confusion counts: the single place where the
/// named metrics are defined on top of <see cref="GroupConfusion"/>. Allocation-free, for the experiment hot
/// path (10^5 evaluations); <see cref="FairnessReport"/> wraps it with warnings for display.
/// </summary>
public static class FairnessEvaluator
{
    /// <summary>Length of the value span: one slot per <see cref="FairnessMetric"/>, indexed by its value.</summary>
    public static int MetricCount => MetricCatalog.All.Count;

    /// <summary>
    /// Labels, predictions and group indices straight to metric values, without allocating (for up to 128
    /// groups). <paramref name="isMinorityGroup"/> marks, per group index, the groups pooled as the minority.
    /// </summary>
    public static void Evaluate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groupIndex,
        ReadOnlySpan<bool> isMinorityGroup, Span<double> values, UndefinedRate undefinedRate = UndefinedRate.NaN,
        ReadOnlySpan<double> sampleWeights = default)
    {
        Span<ConfusionCounts> perGroup = isMinorityGroup.Length <= 128
            ? stackalloc ConfusionCounts[isMinorityGroup.Length]
            : new ConfusionCounts[isMinorityGroup.Length];
        GroupConfusion.Accumulate(yTrue, yPred, groupIndex, perGroup, sampleWeights);
        Evaluate(perGroup, isMinorityGroup, undefinedRate, values);
    }

    /// <summary>Per-group flags of the two groups of a <see cref="GroupMembership"/>: its codes index them, majority 0,
    /// minority 1.</summary>
    private static readonly bool[] MembershipGroupIsMinority = [false, true];

    /// <summary>
    /// Every metric of the minority against the majority of <paramref name="groups"/>, without allocating beyond the
    /// membership's cached codes (the binary case every experiment cell uses).
    /// </summary>
    public static void Evaluate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupMembership groups,
        Span<double> values,
        UndefinedRate undefinedRate = UndefinedRate.NaN, ReadOnlySpan<double> sampleWeights = default) =>
        Evaluate(yTrue, yPred, groups.Codes, MembershipGroupIsMinority, values, undefinedRate, sampleWeights);

    /// <summary>The metrics taken between all groups, fairlearn style (the rest compare the pooled minority with the
    /// pooled majority).</summary>
    public static bool IsBetweenGroups(FairnessMetric metric) => MetricCatalog.Get(metric).BetweenGroups;

    /// <summary>Every metric from per-group counts into <paramref name="values"/> (length at least
    /// <see cref="MetricCount"/>).</summary>
    /// <param name="perGroup">Confusion counts of each group.</param>
    /// <param name="isMinorityGroup">Per group, whether it is pooled into the minority.</param>
    /// <param name="mode">How a rate with a zero denominator is reported.</param>
    /// <param name="values">One slot per metric, indexed by its value.</param>
    /// <param name="betweenGroups">False: leave the between-groups metrics (<see cref="IsBetweenGroups"/>) NaN; a
    /// bootstrap that bounds none of them skips their nine passes over the groups in each of its resamples.</param>
    public static void Evaluate(ReadOnlySpan<ConfusionCounts> perGroup, ReadOnlySpan<bool> isMinorityGroup,
        UndefinedRate mode, Span<double> values, bool betweenGroups = true)
    {
        if (isMinorityGroup.Length != perGroup.Length)
            throw new UserInputException($"Minority membership has {isMinorityGroup.Length} groups but the data has " +
                $"{perGroup.Length}.");
        if (values.Length < MetricCount) throw new ArgumentException($"Need room for {MetricCount} metric values.",
            nameof(values));

        var minority = new GroupRates(GroupConfusionResult.Pool(perGroup, isMinorityGroup, member: true), mode);
        var majority = new GroupRates(GroupConfusionResult.Pool(perGroup, isMinorityGroup, member: false), mode);
        var total = default(ConfusionCounts);
        foreach (var counts in perGroup) total += counts; // group order, as GroupConfusionResult.Overall sums
        var overall = new GroupRates(total, mode);

        // Every metric by its definition's rule (MetricCatalog): one definition per metric, run here without
        // allocating.
        var inputs = new MetricInputs(minority, majority, overall, perGroup, mode);
        var set = Rules.Value;
        var rules = betweenGroups ? set.All : set.TwoGroup;
        for (int i = 0; i < rules.Length; i++) values[rules[i].Slot] = rules[i].Rule.Compute(in inputs);
        if (!betweenGroups) foreach (int slot in set.BetweenGroupsSlots) values[slot] = double.NaN;
    }

    // The by-group definitions' rules with their slots, read once per set of definitions (the bootstrap runs them for
    // every resample).
    private sealed record RuleSet((int Slot, MetricRule Rule)[] All, (int Slot, MetricRule Rule)[] TwoGroup,
        int[] BetweenGroupsSlots);

    private static readonly DefinitionsDerived<RuleSet> Rules = new(all => new RuleSet(
        all.Select(d => ((int)d.Metric!.Value, d.Rule!.Value)).ToArray(),
        all.Where(d => !d.BetweenGroups).Select(d => ((int)d.Metric!.Value, d.Rule!.Value)).ToArray(),
        all.Where(d => d.BetweenGroups).Select(d => (int)d.Metric!.Value).ToArray()));
}
