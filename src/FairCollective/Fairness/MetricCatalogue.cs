namespace FairCollective.Fairness;

/// <summary>Name, definition and convention of every <see cref="FairnessMetric"/>, so every output can state its convention.</summary>
public static class MetricCatalogue
{
    /// <summary>Convention of metrics over all rows.</summary>
    public const string OverallConvention = "overall: all rows of the evaluated split";
    /// <summary>Convention of metrics of the pooled minority or the pooled majority.</summary>
    public const string PerGroupConvention = "per group: the pooled minority groups, or the pooled majority";
    /// <summary>Convention of signed gaps: minority minus majority.</summary>
    public const string SignedConvention = "signed: minority minus majority (AIF360's unprivileged minus privileged)";
    /// <summary>Convention of unsigned gaps: the absolute minority-minus-majority gap.</summary>
    public const string UnsignedConvention = "unsigned: |minority - majority| (fairlearn's max minus min for two groups)";
    /// <summary>Convention of the minority-over-majority ratio.</summary>
    public const string MinorityRatioConvention = "ratio: minority / majority (AIF360 disparate_impact; x/0 = Infinity, 0/0 = NaN)";
    /// <summary>Convention of the min-over-max ratio of minority and majority.</summary>
    public const string MinMaxRatioConvention = "ratio: min / max of minority and majority (fairlearn for two groups; 0/0 = NaN)";
    /// <summary>Convention of fairlearn's between-groups differences over all groups.</summary>
    public const string BetweenGroupsDifferenceConvention = "between groups: max over all groups minus min over all groups (fairlearn method='between_groups', unsigned)";
    /// <summary>Convention of fairlearn's between-groups ratios over all groups.</summary>
    public const string BetweenGroupsRatioConvention = "between groups: min over all groups / max over all groups (fairlearn method='between_groups'; 0/0 = NaN)";

    private static readonly MetricDefinition[] Definitions =
    [
        Def(FairnessMetric.Accuracy, "P(yhat = y)", OverallConvention),
        Def(FairnessMetric.ErrorRate, "1 - accuracy = P(yhat != y)", OverallConvention),
        Def(FairnessMetric.SelectionRate, "P(yhat = 1)", OverallConvention),
        Def(FairnessMetric.MinorityErrorRate, "P(yhat != y | minority)", PerGroupConvention),
        Def(FairnessMetric.MajorityErrorRate, "P(yhat != y | majority)", PerGroupConvention),
        Def(FairnessMetric.ErrorRateDifferenceSigned, "ERR_minority - ERR_majority (AIF360 error_rate_difference)", SignedConvention),
        Def(FairnessMetric.ErrorRateDifference, "|ERR_minority - ERR_majority|", UnsignedConvention),
        Def(FairnessMetric.DemographicParityDifferenceSigned, "P(yhat=1 | minority) - P(yhat=1 | majority) (AIF360 statistical_parity_difference)", SignedConvention),
        Def(FairnessMetric.DemographicParityDifference, "|P(yhat=1 | minority) - P(yhat=1 | majority)|", UnsignedConvention),
        Def(FairnessMetric.DisparateImpact, "P(yhat=1 | minority) / P(yhat=1 | majority)", MinorityRatioConvention),
        Def(FairnessMetric.DemographicParityRatio, "min / max of the selection rates of minority and majority", MinMaxRatioConvention),
        Def(FairnessMetric.EqualOpportunityDifferenceSigned, "TPR_minority - TPR_majority (AIF360 equal_opportunity_difference)", SignedConvention),
        Def(FairnessMetric.EqualOpportunityDifference, "|TPR_minority - TPR_majority|", UnsignedConvention),
        Def(FairnessMetric.FalsePositiveRateDifferenceSigned, "FPR_minority - FPR_majority", SignedConvention),
        Def(FairnessMetric.FalsePositiveRateDifference, "|FPR_minority - FPR_majority|", UnsignedConvention),
        Def(FairnessMetric.AverageOddsDifferenceSigned, "1/2 [(FPR_minority - FPR_majority) + (TPR_minority - TPR_majority)] (AIF360 average_odds_difference)", SignedConvention),
        Def(FairnessMetric.EqOd, "1/2 (|TPR_minority - TPR_majority| + |FPR_minority - FPR_majority|): the paper's headline metric (AIF360 average_abs_odds_difference; fairlearn equalized_odds_difference agg='mean' for two groups)", UnsignedConvention),
        Def(FairnessMetric.EqualizedOddsDifferenceWorstCase, "max(|TPR_minority - TPR_majority|, |FPR_minority - FPR_majority|) (fairlearn equalized_odds_difference agg='worst_case' for two groups; AIF360 equalized_odds_difference)", UnsignedConvention),
        Def(FairnessMetric.DemographicParityDifferenceBetweenGroups, "max_g P(yhat=1 | g) - min_g P(yhat=1 | g) (fairlearn demographic_parity_difference)", BetweenGroupsDifferenceConvention),
        Def(FairnessMetric.DemographicParityRatioBetweenGroups, "min_g P(yhat=1 | g) / max_g P(yhat=1 | g) (fairlearn demographic_parity_ratio)", BetweenGroupsRatioConvention),
        Def(FairnessMetric.EqualOpportunityDifferenceBetweenGroups, "max_g TPR_g - min_g TPR_g (fairlearn equal_opportunity_difference)", BetweenGroupsDifferenceConvention),
        Def(FairnessMetric.EqualOpportunityRatioBetweenGroups, "min_g TPR_g / max_g TPR_g (fairlearn equal_opportunity_ratio)", BetweenGroupsRatioConvention),
        Def(FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase, "max(TPR difference, FPR difference) over all groups (fairlearn equalized_odds_difference agg='worst_case')", BetweenGroupsDifferenceConvention),
        Def(FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean, "mean of TPR difference and FPR difference over all groups (fairlearn equalized_odds_difference agg='mean')", BetweenGroupsDifferenceConvention),
        Def(FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase, "min(TPR ratio, FPR ratio) over all groups (fairlearn equalized_odds_ratio agg='worst_case')", BetweenGroupsRatioConvention),
        Def(FairnessMetric.EqualizedOddsRatioBetweenGroupsMean, "mean of TPR ratio and FPR ratio over all groups (fairlearn equalized_odds_ratio agg='mean')", BetweenGroupsRatioConvention),
        Def(FairnessMetric.ErrorRateDifferenceBetweenGroups, "max_g ERR_g - min_g ERR_g", BetweenGroupsDifferenceConvention),
    ];

    /// <summary>Every metric, in enum order.</summary>
    public static IReadOnlyList<MetricDefinition> All => Definitions;

    /// <summary>Name, definition and convention of <paramref name="metric"/>.</summary>
    public static MetricDefinition Get(FairnessMetric metric) => Definitions[(int)metric];

    private static MetricDefinition Def(FairnessMetric metric, string definition, string convention) =>
        new(metric, metric.ToString(), definition, convention);
}
