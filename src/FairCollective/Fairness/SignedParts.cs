namespace FairCollective.Fairness;

/// <summary>
/// Every unsigned gap and min-over-max ratio written through signed parts, so that its interval can be built from
/// intervals of smooth quantities (<see cref="UnsignedInterval"/>): a gap is <c>sum over blocks of w · max_j |c_j|</c>
/// and a ratio is <c>1 - sum over blocks of w · max_j |q_j|</c>, each block weighted 1/blocks, where c_j are signed
/// differences of two rates and q_j signed relative differences, (a - b) / max(a, b), so that min(a, b) / max(a, b) =
/// 1 - |q| (0 when a = b = 0). Near zero |c| has a kink that makes the percentile interval of the gap itself useless
/// (its lower end stays above 0 when the true gap is 0); the parts are smooth there.
/// <list type="bullet">
/// <item>Single gaps (eq_opp, fpr_gap, dem_parity, error_gap): the one signed gap, minority minus majority.</item>
/// <item>EqOd = 1/2 (|dTPR| + |dFPR|) = max(|A|, |B|) with A = 1/2 (dTPR + dFPR) (AIF360's average odds difference) and
/// B = 1/2 (dTPR - dFPR): one block of two parts, whose box bounds EqOd about as tightly as the percentile interval of
/// A or B alone where one dominates (two blocks, |dTPR| and |dFPR| summed, would add the two parts'
/// half-widths).</item>
/// <item>eq_odds_worst = max(|dTPR|, |dFPR|): one block of two parts.</item>
/// <item>dem_parity_ratio = min / max of the two selection rates: one relative part.</item>
/// <item>Between groups over k groups: one part per pair of groups (k (k - 1) / 2; max over groups minus min over
/// groups is the largest pairwise |difference|); the worst cases put the TPR and FPR pairs in one block, the means in
/// two blocks of weight 1/2.</item>
/// </list>
/// Disparate impact (minority / majority) is smooth at parity and keeps its percentile interval, as do rates, signed
/// gaps, error and counts.
/// </summary>
public static class SignedParts
{
    /// <summary>How a metric is made of its parts: ratio or gap, blocks, parts per block.</summary>
    /// <param name="IsRatio">True for 1 - sum of blocks (min-over-max ratios); false for sum of blocks (gaps).</param>
    /// <param name="Blocks">Blocks, each weighted 1 / Blocks.</param>
    /// <param name="PartsPerBlock">Parts in each block (the largest |part| of a block counts).</param>
    public readonly record struct Layout(bool IsRatio, int Blocks, int PartsPerBlock)
    {
        /// <summary>Parts in all, block after block.</summary>
        public int Count => Blocks * PartsPerBlock;
    }

    /// <summary>Whether <paramref name="metric"/> is bounded through its signed parts (every unsigned gap and
    /// min-over-max ratio).</summary>
    public static bool Applies(FairnessMetric metric) => LayoutOf(metric, 2) is not null;

    /// <summary>The layout of <paramref name="metric"/> over <paramref name="groups"/> groups; null for metrics bounded
    /// by their own percentile interval.</summary>
    public static Layout? LayoutOf(FairnessMetric metric, int groups)
    {
        int pairs = groups * (groups - 1) / 2;
        return metric switch
        {
            FairnessMetric.EqualOpportunityDifference or FairnessMetric.FalsePositiveRateDifference or FairnessMetric.DemographicParityDifference
                or FairnessMetric.ErrorRateDifference => new Layout(false, 1, 1),
            FairnessMetric.EqOd or FairnessMetric.EqualizedOddsDifferenceWorstCase => new Layout(false, 1, 2),
            FairnessMetric.DemographicParityRatio => new Layout(true, 1, 1),
            FairnessMetric.DemographicParityDifferenceBetweenGroups or FairnessMetric.EqualOpportunityDifferenceBetweenGroups
                or FairnessMetric.ErrorRateDifferenceBetweenGroups => new Layout(false, 1, pairs),
            FairnessMetric.DemographicParityRatioBetweenGroups or FairnessMetric.EqualOpportunityRatioBetweenGroups => new Layout(true, 1, pairs),
            FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase => new Layout(false, 1, 2 * pairs),
            FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean => new Layout(false, 2, pairs),
            FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase => new Layout(true, 1, 2 * pairs),
            FairnessMetric.EqualizedOddsRatioBetweenGroupsMean => new Layout(true, 2, pairs),
            _ => null,
        };
    }

    /// <summary>
    /// A minority-vs-majority unsigned gap or ratio written through the signed gaps every cell stores with their
    /// intervals (for combining the intervals of several test splits, where no joint resamples exist): one block of
    /// parts, each part a weighted sum of signed gaps. EqOd's parts are A = 1/2 dTPR + 1/2 dFPR and B = 1/2 dTPR - 1/2
    /// dFPR, as in <see cref="Fill"/>; eq_odds_worst's are dTPR and dFPR; a single gap's is its signed gap; the
    /// min-over-max ratio of selection rates has the signed selection gap, taken relative to the larger selection rate
    /// (<see cref="RelativeTo"/>). Null for every other metric (between-groups metrics are over all groups, not two).
    /// </summary>
    public static (bool IsRatio, (FairnessMetric Gap, double Weight)[][] Parts)? OfSignedGaps(FairnessMetric metric)
    {
        const FairnessMetric tpr = FairnessMetric.EqualOpportunityDifferenceSigned, fpr = FairnessMetric.FalsePositiveRateDifferenceSigned;
        return metric switch
        {
            FairnessMetric.EqualOpportunityDifference => (false, [[(tpr, 1)]]),
            FairnessMetric.FalsePositiveRateDifference => (false, [[(fpr, 1)]]),
            FairnessMetric.DemographicParityDifference => (false, [[(FairnessMetric.DemographicParityDifferenceSigned, 1)]]),
            FairnessMetric.ErrorRateDifference => (false, [[(FairnessMetric.ErrorRateDifferenceSigned, 1)]]),
            FairnessMetric.EqOd => (false, [[(tpr, 0.5), (fpr, 0.5)], [(tpr, 0.5), (fpr, -0.5)]]),
            FairnessMetric.EqualizedOddsDifferenceWorstCase => (false, [[(tpr, 1)], [(fpr, 1)]]),
            FairnessMetric.DemographicParityRatio => (true, [[(FairnessMetric.DemographicParityDifferenceSigned, 1)]]),
            _ => null,
        };
    }

    /// <summary>The two rates whose larger one a ratio's signed gap is divided by (<see cref="OfSignedGaps"/>): the
    /// selection rates.</summary>
    public static (FairnessMetric Minority, FairnessMetric Majority) RelativeTo { get; } = (FairnessMetric.MinoritySelectionRate, FairnessMetric.MajoritySelectionRate);

    /// <summary>
    /// The parts of <paramref name="metric"/> (layout <see cref="LayoutOf"/>) into <paramref name="parts"/>, from the
    /// values <see cref="FairnessEvaluator"/> wrote for the same counts and each group's rates (between-groups metrics
    /// only).
    /// </summary>
    /// <param name="metric">A metric with a layout.</param>
    /// <param name="values">Every metric's value, indexed by <see cref="FairnessMetric"/>.</param>
    /// <param name="groups">Each group's rates; read only for between-groups metrics.</param>
    /// <param name="parts">Room for the layout's <see cref="Layout.Count"/> parts.</param>
    public static void Fill(FairnessMetric metric, ReadOnlySpan<double> values, ReadOnlySpan<GroupRates> groups, Span<double> parts)
    {
        double dTpr = values[(int)FairnessMetric.EqualOpportunityDifferenceSigned], dFpr = values[(int)FairnessMetric.FalsePositiveRateDifferenceSigned];
        switch (metric)
        {
            case FairnessMetric.EqualOpportunityDifference: parts[0] = dTpr; break;
            case FairnessMetric.FalsePositiveRateDifference: parts[0] = dFpr; break;
            case FairnessMetric.DemographicParityDifference: parts[0] = values[(int)FairnessMetric.DemographicParityDifferenceSigned]; break;
            case FairnessMetric.ErrorRateDifference: parts[0] = values[(int)FairnessMetric.ErrorRateDifferenceSigned]; break;
            case FairnessMetric.EqOd:
                parts[0] = 0.5 * (dTpr + dFpr);
                parts[1] = 0.5 * (dTpr - dFpr);
                break;
            case FairnessMetric.EqualizedOddsDifferenceWorstCase:
                parts[0] = dTpr;
                parts[1] = dFpr;
                break;
            case FairnessMetric.DemographicParityRatio:
                parts[0] = Relative(values[(int)FairnessMetric.MinoritySelectionRate], values[(int)FairnessMetric.MajoritySelectionRate]);
                break;
            case FairnessMetric.DemographicParityDifferenceBetweenGroups: Pairs(groups, GroupRate.SelectionRate, false, parts); break;
            case FairnessMetric.EqualOpportunityDifferenceBetweenGroups: Pairs(groups, GroupRate.TruePositiveRate, false, parts); break;
            case FairnessMetric.ErrorRateDifferenceBetweenGroups: Pairs(groups, GroupRate.ErrorRate, false, parts); break;
            case FairnessMetric.DemographicParityRatioBetweenGroups: Pairs(groups, GroupRate.SelectionRate, true, parts); break;
            case FairnessMetric.EqualOpportunityRatioBetweenGroups: Pairs(groups, GroupRate.TruePositiveRate, true, parts); break;
            case FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase or FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean
                or FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase or FairnessMetric.EqualizedOddsRatioBetweenGroupsMean:
                bool ratio = metric is FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase or FairnessMetric.EqualizedOddsRatioBetweenGroupsMean;
                int half = parts.Length / 2;
                Pairs(groups, GroupRate.TruePositiveRate, ratio, parts[..half]);
                Pairs(groups, GroupRate.FalsePositiveRate, ratio, parts[half..]);
                break;
            default: throw new ArgumentException($"{metric} is not bounded through signed parts", nameof(metric));
        }
    }

    /// <summary>One part per pair of groups g &lt; h of <paramref name="rate"/>: the difference, or the relative
    /// difference.</summary>
    public static void Pairs(ReadOnlySpan<GroupRates> groups, GroupRate rate, bool relative, Span<double> parts)
    {
        Span<double> perGroup = groups.Length <= 128 ? stackalloc double[groups.Length] : new double[groups.Length];
        for (int g = 0; g < groups.Length; g++) perGroup[g] = groups[g].Get(rate);
        Pairs(perGroup, relative, parts);
    }

    /// <summary>One part per pair of <paramref name="perGroup"/> values (a <see cref="MetricFrame"/> column): the
    /// difference, or the relative difference.</summary>
    public static void Pairs(ReadOnlySpan<double> perGroup, bool relative, Span<double> parts)
    {
        int p = 0;
        for (int g = 0; g < perGroup.Length; g++)
            for (int h = g + 1; h < perGroup.Length; h++)
                parts[p++] = relative ? Relative(perGroup[g], perGroup[h]) : perGroup[g] - perGroup[h];
    }

    /// <summary>(a - b) / max(a, b) for non-negative rates: min(a, b) / max(a, b) = 1 - |result|; 0 when a = b
    /// (including 0 and 0).</summary>
    public static double Relative(double a, double b) => a == b ? 0 : (a - b) / Math.Max(a, b);
}
