namespace FairCollective.Fairness;

/// <summary>The one wording of "this rate has an empty denominator", shared by groups, overall and pooled sets.</summary>
internal static class UndefinedRateWarnings
{
    public static void Add(List<string> warnings, string who, ConfusionCounts counts, UndefinedRate mode)
    {
        string outcome = mode == UndefinedRate.ZeroLikeFairlearn ? "reported as 0 as fairlearn does" : "NaN";
        if (counts.Count <= 0)
        {
            warnings.Add($"{who} has no rows: every rate undefined (NaN)");
            return;
        }
        if (counts.LabelPositives <= 0) warnings.Add($"{who} has no positive labels: TPR and FNR undefined ({outcome})");
        if (counts.LabelNegatives <= 0) warnings.Add($"{who} has no negative labels: FPR undefined ({outcome})");
    }
}
