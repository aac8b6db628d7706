namespace FairCollective.Fairness;

/// <summary>The one wording of "this rate has an empty denominator", shared by groups, overall and pooled
/// sets.</summary>
internal static class UndefinedRateWarnings
{
    /// <param name="warnings">Where the warning goes.</param>
    /// <param name="who">"group 'a'", "the whole sample".</param>
    /// <param name="counts">Its (weighted) confusion counts.</param>
    /// <param name="mode">What an undefined rate becomes.</param>
    /// <param name="weightedRows">True when the counts are sums of sample weights over rows it has: an empty count then
    /// means the weights sum to zero.</param>
    public static void Add(List<string> warnings, string who, ConfusionCounts counts, UndefinedRate mode,
        bool weightedRows = false)
    {
        string outcome = mode == UndefinedRate.ZeroLikeFairlearn ? "reported as 0 as fairlearn does" : "NaN";
        if (counts.Count <= 0)
        {
            warnings.Add(weightedRows
                ? $"{who} has rows, but their weights sum to zero: every rate undefined (NaN)"
                : $"{who} has no rows: every rate undefined (NaN)");
            return;
        }
        if (counts.LabelPositives <= 0)
            warnings.Add($"{who} has no positive labels: TPR and FNR undefined ({outcome})");
        if (counts.LabelNegatives <= 0) warnings.Add($"{who} has no negative labels: FPR undefined ({outcome})");
    }
}
