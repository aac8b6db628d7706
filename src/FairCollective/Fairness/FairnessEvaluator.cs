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
    public static readonly int MetricCount = Enum.GetValues<FairnessMetric>().Length;

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
    public static void Evaluate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupMembership groups, Span<double> values,
        UndefinedRate undefinedRate = UndefinedRate.NaN, ReadOnlySpan<double> sampleWeights = default) =>
        Evaluate(yTrue, yPred, groups.Codes, MembershipGroupIsMinority, values, undefinedRate, sampleWeights);

    /// <summary>The metrics taken between all groups, fairlearn style (the rest compare the pooled minority with the
    /// pooled majority).</summary>
    public static bool IsBetweenGroups(FairnessMetric metric) => metric is FairnessMetric.DemographicParityDifferenceBetweenGroups
        or FairnessMetric.DemographicParityRatioBetweenGroups or FairnessMetric.EqualOpportunityDifferenceBetweenGroups
        or FairnessMetric.EqualOpportunityRatioBetweenGroups or FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase
        or FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean or FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase
        or FairnessMetric.EqualizedOddsRatioBetweenGroupsMean or FairnessMetric.ErrorRateDifferenceBetweenGroups;

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
            throw new UserInputException($"Minority membership has {isMinorityGroup.Length} groups but the data has {perGroup.Length}.");
        if (values.Length < MetricCount) throw new ArgumentException($"Need room for {MetricCount} metric values.", nameof(values));

        var minority = new GroupRates(GroupConfusionResult.Pool(perGroup, isMinorityGroup, member: true), mode);
        var majority = new GroupRates(GroupConfusionResult.Pool(perGroup, isMinorityGroup, member: false), mode);
        var total = default(ConfusionCounts);
        foreach (var counts in perGroup) total += counts; // group order, as GroupConfusionResult.Overall sums
        var overall = new GroupRates(total, mode);

        values[(int)FairnessMetric.Accuracy] = overall.Accuracy;
        values[(int)FairnessMetric.ErrorRate] = overall.ErrorRate;
        values[(int)FairnessMetric.SelectionRate] = overall.SelectionRate;
        values[(int)FairnessMetric.MinorityErrorRate] = minority.ErrorRate;
        values[(int)FairnessMetric.MajorityErrorRate] = majority.ErrorRate;
        values[(int)FairnessMetric.MinorityTruePositiveRate] = minority.TruePositiveRate;
        values[(int)FairnessMetric.MajorityTruePositiveRate] = majority.TruePositiveRate;
        values[(int)FairnessMetric.MinorityFalsePositiveRate] = minority.FalsePositiveRate;
        values[(int)FairnessMetric.MajorityFalsePositiveRate] = majority.FalsePositiveRate;
        values[(int)FairnessMetric.MinorityFalseNegativeRate] = minority.FalseNegativeRate;
        values[(int)FairnessMetric.MajorityFalseNegativeRate] = majority.FalseNegativeRate;
        values[(int)FairnessMetric.MinoritySelectionRate] = minority.SelectionRate;
        values[(int)FairnessMetric.MajoritySelectionRate] = majority.SelectionRate;
        values[(int)FairnessMetric.MinorityBaseRate] = minority.BaseRate;
        values[(int)FairnessMetric.MajorityBaseRate] = majority.BaseRate;
        values[(int)FairnessMetric.MinorityCount] = minority.Count;
        values[(int)FairnessMetric.MajorityCount] = majority.Count;

        // Minority vs majority, in AIF360's operand order so that signed values agree bit for bit.
        double dErr = minority.ErrorRate - majority.ErrorRate;
        double dSel = minority.SelectionRate - majority.SelectionRate;
        double dTpr = minority.TruePositiveRate - majority.TruePositiveRate;
        double dFpr = minority.FalsePositiveRate - majority.FalsePositiveRate;
        values[(int)FairnessMetric.ErrorRateDifferenceSigned] = dErr;
        values[(int)FairnessMetric.ErrorRateDifference] = Math.Abs(dErr);
        values[(int)FairnessMetric.DemographicParityDifferenceSigned] = dSel;
        values[(int)FairnessMetric.DemographicParityDifference] = Math.Abs(dSel);
        values[(int)FairnessMetric.DisparateImpact] = minority.SelectionRate / majority.SelectionRate;
        values[(int)FairnessMetric.DemographicParityRatio] = MinOverMax(minority.SelectionRate, majority.SelectionRate);
        values[(int)FairnessMetric.EqualOpportunityDifferenceSigned] = dTpr;
        values[(int)FairnessMetric.EqualOpportunityDifference] = Math.Abs(dTpr);
        values[(int)FairnessMetric.FalsePositiveRateDifferenceSigned] = dFpr;
        values[(int)FairnessMetric.FalsePositiveRateDifference] = Math.Abs(dFpr);
        values[(int)FairnessMetric.AverageOddsDifferenceSigned] = 0.5 * (dFpr + dTpr);
        values[(int)FairnessMetric.EqOd] = 0.5 * (Math.Abs(dFpr) + Math.Abs(dTpr));
        values[(int)FairnessMetric.EqualizedOddsDifferenceWorstCase] = BetweenGroups.WorstCaseMax(Math.Abs(dTpr), Math.Abs(dFpr), mode);

        // Between all groups, fairlearn style.
        if (!betweenGroups)
        {
            foreach (var metric in BetweenGroupsMetrics) values[(int)metric] = double.NaN;
            return;
        }
        double dpDiff = BetweenGroups.Difference(perGroup, GroupRate.SelectionRate, mode);
        double tprDiff = BetweenGroups.Difference(perGroup, GroupRate.TruePositiveRate, mode);
        double fprDiff = BetweenGroups.Difference(perGroup, GroupRate.FalsePositiveRate, mode);
        double tprRatio = BetweenGroups.Ratio(perGroup, GroupRate.TruePositiveRate, mode);
        double fprRatio = BetweenGroups.Ratio(perGroup, GroupRate.FalsePositiveRate, mode);
        values[(int)FairnessMetric.DemographicParityDifferenceBetweenGroups] = dpDiff;
        values[(int)FairnessMetric.DemographicParityRatioBetweenGroups] = BetweenGroups.Ratio(perGroup, GroupRate.SelectionRate, mode);
        values[(int)FairnessMetric.EqualOpportunityDifferenceBetweenGroups] = tprDiff;
        values[(int)FairnessMetric.EqualOpportunityRatioBetweenGroups] = tprRatio;
        values[(int)FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase] = BetweenGroups.WorstCaseMax(tprDiff, fprDiff, mode);
        values[(int)FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean] = BetweenGroups.Mean(tprDiff, fprDiff, mode);
        values[(int)FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase] = BetweenGroups.WorstCaseMin(tprRatio, fprRatio, mode);
        values[(int)FairnessMetric.EqualizedOddsRatioBetweenGroupsMean] = BetweenGroups.Mean(tprRatio, fprRatio, mode);
        values[(int)FairnessMetric.ErrorRateDifferenceBetweenGroups] = BetweenGroups.Difference(perGroup, GroupRate.ErrorRate, mode);
    }

    private static readonly FairnessMetric[] BetweenGroupsMetrics = Enum.GetValues<FairnessMetric>().Where(IsBetweenGroups).ToArray();

    private static double MinOverMax(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b) / Math.Max(a, b);
}
