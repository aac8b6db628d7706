namespace FairCollective.Fairness;

/// <summary>
/// Names of the built-in by-group metrics' slots, for C# callers (<c>report[FairnessMetric.EqOd]</c>); the list of
/// metrics is <see cref="MetricCatalog.All"/>, where each definition's place is its slot and a test checks each name
/// is the definition's at its slot. Definitions and sign conventions live in <see cref="MetricCatalog"/>; values come
/// from <see cref="FairnessEvaluator"/>. "Minority" is the pooled set of minority group labels (a = 1), "majority" the
/// pooled other groups (a = 0). *Signed = minority minus majority (AIF360: unprivileged minus privileged); unsigned =
/// absolute value; *BetweenGroups = fairlearn's max-minus-min or min/max over all groups.
/// </summary>
public enum FairnessMetric
{
    /// <summary>P(yhat = y) over all rows, in [0, 1].</summary>
    Accuracy,
    /// <summary>1 - accuracy = P(yhat != y) over all rows, in [0, 1]: the error the firm pays.</summary>
    ErrorRate,
    /// <summary>P(yhat = 1) over all rows, in [0, 1].</summary>
    SelectionRate,
    /// <summary>P(yhat != y | minority), in [0, 1].</summary>
    MinorityErrorRate,
    /// <summary>P(yhat != y | majority), in [0, 1].</summary>
    MajorityErrorRate,
    /// <summary>ERR_minority - ERR_majority, in [-1, 1] (AIF360 error_rate_difference).</summary>
    ErrorRateDifferenceSigned,
    /// <summary>|ERR_minority - ERR_majority|, in [0, 1].</summary>
    ErrorRateDifference,
    /// <summary>P(yhat = 1 | minority) - P(yhat = 1 | majority), in [-1, 1] (AIF360
    /// statistical_parity_difference).</summary>
    DemographicParityDifferenceSigned,
    /// <summary>|P(yhat = 1 | minority) - P(yhat = 1 | majority)|, in [0, 1]; 0 = demographic parity.</summary>
    DemographicParityDifference,
    /// <summary>P(yhat = 1 | minority) / P(yhat = 1 | majority), in [0, Infinity]; 1 = parity (AIF360
    /// disparate_impact).</summary>
    DisparateImpact,
    /// <summary>Min over max of the minority's and the majority's selection rates, in [0, 1]; 1 = parity.</summary>
    DemographicParityRatio,
    /// <summary>TPR_minority - TPR_majority, in [-1, 1] (AIF360 equal_opportunity_difference).</summary>
    EqualOpportunityDifferenceSigned,
    /// <summary>|TPR_minority - TPR_majority|, in [0, 1]; 0 = equal opportunity.</summary>
    EqualOpportunityDifference,
    /// <summary>FPR_minority - FPR_majority, in [-1, 1].</summary>
    FalsePositiveRateDifferenceSigned,
    /// <summary>|FPR_minority - FPR_majority|, in [0, 1].</summary>
    FalsePositiveRateDifference,
    /// <summary>1/2 [(FPR_minority - FPR_majority) + (TPR_minority - TPR_majority)], in [-1, 1] (AIF360
    /// average_odds_difference).</summary>
    AverageOddsDifferenceSigned,
    /// <summary>The paper's headline metric: 1/2 (|TPR_minority - TPR_majority| + |FPR_minority - FPR_majority|), in
    /// [0, 1]; 0 = equalized odds.</summary>
    EqOd,
    /// <summary>max(|TPR_minority - TPR_majority|, |FPR_minority - FPR_majority|), in [0, 1] (fairlearn
    /// equalized_odds_difference, worst case).</summary>
    EqualizedOddsDifferenceWorstCase,
    /// <summary>max_g minus min_g of the selection rate over all groups, in [0, 1] (fairlearn
    /// demographic_parity_difference).</summary>
    DemographicParityDifferenceBetweenGroups,
    /// <summary>min_g over max_g of the selection rate over all groups, in [0, 1] (fairlearn
    /// demographic_parity_ratio).</summary>
    DemographicParityRatioBetweenGroups,
    /// <summary>max_g minus min_g of the TPR over all groups, in [0, 1] (fairlearn
    /// equal_opportunity_difference).</summary>
    EqualOpportunityDifferenceBetweenGroups,
    /// <summary>min_g over max_g of the TPR over all groups, in [0, 1] (fairlearn equal_opportunity_ratio).</summary>
    EqualOpportunityRatioBetweenGroups,
    /// <summary>The larger of the between-groups TPR and FPR differences, in [0, 1] (fairlearn
    /// equalized_odds_difference, agg='worst_case').</summary>
    EqualizedOddsDifferenceBetweenGroupsWorstCase,
    /// <summary>The mean of the between-groups TPR and FPR differences, in [0, 1] (fairlearn equalized_odds_difference,
    /// agg='mean'); EqOd when there are two groups.</summary>
    EqualizedOddsDifferenceBetweenGroupsMean,
    /// <summary>The smaller of the between-groups TPR and FPR ratios, in [0, 1] (fairlearn equalized_odds_ratio,
    /// agg='worst_case').</summary>
    EqualizedOddsRatioBetweenGroupsWorstCase,
    /// <summary>The mean of the between-groups TPR and FPR ratios, in [0, 1] (fairlearn equalized_odds_ratio,
    /// agg='mean').</summary>
    EqualizedOddsRatioBetweenGroupsMean,
    /// <summary>max_g minus min_g of the error rate over all groups, in [0, 1].</summary>
    ErrorRateDifferenceBetweenGroups,
    /// <summary>P(yhat = 1 | y = 1, minority) (per group: the pooled minority).</summary>
    MinorityTruePositiveRate,
    /// <summary>P(yhat = 1 | y = 1, majority) (per group: the pooled majority).</summary>
    MajorityTruePositiveRate,
    /// <summary>P(yhat = 1 | y = 0, minority) (per group: the pooled minority).</summary>
    MinorityFalsePositiveRate,
    /// <summary>P(yhat = 1 | y = 0, majority) (per group: the pooled majority).</summary>
    MajorityFalsePositiveRate,
    /// <summary>P(yhat = 0 | y = 1, minority) (per group: the pooled minority).</summary>
    MinorityFalseNegativeRate,
    /// <summary>P(yhat = 0 | y = 1, majority) (per group: the pooled majority).</summary>
    MajorityFalseNegativeRate,
    /// <summary>P(yhat = 1 | minority) (per group: the pooled minority).</summary>
    MinoritySelectionRate,
    /// <summary>P(yhat = 1 | majority) (per group: the pooled majority).</summary>
    MajoritySelectionRate,
    /// <summary>P(y = 1 | minority) (per group: the pooled minority).</summary>
    MinorityBaseRate,
    /// <summary>P(y = 1 | majority) (per group: the pooled majority).</summary>
    MajorityBaseRate,
    /// <summary>number of rows (sum of weights) of the minority (per group: the pooled minority).</summary>
    MinorityCount,
    /// <summary>number of rows (sum of weights) of the majority (per group: the pooled majority).</summary>
    MajorityCount,
}
