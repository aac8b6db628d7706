namespace FairCollective.Fairness;

/// <summary>
/// The stable key of every metric: what results stores, exports and reports call it. Defined once here; the metric
/// registry (<see cref="MetricCatalog"/>) pairs each key with its definition and convention. A key is never
/// renamed (stored results refer to it).
/// </summary>
public static class MetricKeys
{
    /// <summary>Prefix of a metric measured on the validation split instead of the test split
    /// ("validation_eqod").</summary>
    public const string ValidationPrefix = "validation_";

    /// <summary>The key of <paramref name="key"/> measured on the validation split.</summary>
    public static string OnValidation(string key) => ValidationPrefix + key;

    /// <summary>Suffix of the lower end of a metric's bootstrap interval over test rows ("eqod_ci_low").</summary>
    public const string IntervalLowSuffix = "_ci_low";

    /// <summary>Suffix of the upper end of a metric's bootstrap interval over test rows ("eqod_ci_high").</summary>
    public const string IntervalHighSuffix = "_ci_high";

    /// <summary>The key of the lower end of <paramref name="key"/>'s bootstrap interval over test rows.</summary>
    public static string IntervalLow(string key) => key + IntervalLowSuffix;

    /// <summary>The key of the upper end of <paramref name="key"/>'s bootstrap interval over test rows.</summary>
    public static string IntervalHigh(string key) => key + IntervalHighSuffix;

    /// <summary>Key of <see cref="FairnessMetric.Accuracy"/>.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Key of <see cref="FairnessMetric.ErrorRate"/>.</summary>
    public const string Error = "error";

    /// <summary>Key of <see cref="FairnessMetric.SelectionRate"/>.</summary>
    public const string SelectionRate = "selection_rate";

    /// <summary>Key of <see cref="FairnessMetric.MinorityErrorRate"/>.</summary>
    public const string ErrorMinority = "error_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajorityErrorRate"/>.</summary>
    public const string ErrorMajority = "error_majority";

    /// <summary>Key of <see cref="FairnessMetric.ErrorRateDifferenceSigned"/>.</summary>
    public const string ErrorGapSigned = "error_gap_signed";

    /// <summary>Key of <see cref="FairnessMetric.ErrorRateDifference"/>.</summary>
    public const string ErrorRateDifference = "error_gap";

    /// <summary>Key of <see cref="FairnessMetric.DemographicParityDifferenceSigned"/>.</summary>
    public const string SelectionGapSigned = "selection_gap_signed";

    /// <summary>Key of <see cref="FairnessMetric.DemographicParityDifference"/>.</summary>
    public const string DemographicParity = "dem_parity";

    /// <summary>Key of <see cref="FairnessMetric.DisparateImpact"/>.</summary>
    public const string DisparateImpact = "disparate_impact";

    /// <summary>Key of <see cref="FairnessMetric.DemographicParityRatio"/>.</summary>
    public const string DemographicParityRatio = "dem_parity_ratio";

    /// <summary>Key of <see cref="FairnessMetric.EqualOpportunityDifferenceSigned"/>.</summary>
    public const string TprGapSigned = "tpr_gap_signed";

    /// <summary>Key of <see cref="FairnessMetric.EqualOpportunityDifference"/>.</summary>
    public const string EqualOpportunity = "eq_opp";

    /// <summary>Key of <see cref="FairnessMetric.FalsePositiveRateDifferenceSigned"/>.</summary>
    public const string FprGapSigned = "fpr_gap_signed";

    /// <summary>Key of <see cref="FairnessMetric.FalsePositiveRateDifference"/>.</summary>
    public const string FalsePositiveRateDifference = "fpr_gap";

    /// <summary>Key of <see cref="FairnessMetric.AverageOddsDifferenceSigned"/>.</summary>
    public const string AverageOddsDifferenceSigned = "avg_odds_signed";

    /// <summary>Key of <see cref="FairnessMetric.EqOd"/>.</summary>
    public const string EqOd = "eqod";

    /// <summary>Key of <see cref="FairnessMetric.EqualizedOddsDifferenceWorstCase"/>.</summary>
    public const string EqualizedOddsWorst = "eq_odds_worst";

    /// <summary>Key of <see cref="FairnessMetric.DemographicParityDifferenceBetweenGroups"/>.</summary>
    public const string DemographicParityDifferenceBetweenGroups = "dem_parity_between";

    /// <summary>Key of <see cref="FairnessMetric.DemographicParityRatioBetweenGroups"/>.</summary>
    public const string DemographicParityRatioBetweenGroups = "dem_parity_ratio_between";

    /// <summary>Key of <see cref="FairnessMetric.EqualOpportunityDifferenceBetweenGroups"/>.</summary>
    public const string EqualOpportunityDifferenceBetweenGroups = "eq_opp_between";

    /// <summary>Key of <see cref="FairnessMetric.EqualOpportunityRatioBetweenGroups"/>.</summary>
    public const string EqualOpportunityRatioBetweenGroups = "eq_opp_ratio_between";

    /// <summary>Key of <see cref="FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase"/>.</summary>
    public const string EqualizedOddsDifferenceBetweenGroupsWorstCase = "eq_odds_worst_between";

    /// <summary>Key of <see cref="FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean"/>.</summary>
    public const string EqualizedOddsDifferenceBetweenGroupsMean = "eq_odds_mean_between";

    /// <summary>Key of <see cref="FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase"/>.</summary>
    public const string EqualizedOddsRatioBetweenGroupsWorstCase = "eq_odds_ratio_worst_between";

    /// <summary>Key of <see cref="FairnessMetric.EqualizedOddsRatioBetweenGroupsMean"/>.</summary>
    public const string EqualizedOddsRatioBetweenGroupsMean = "eq_odds_ratio_mean_between";

    /// <summary>Key of <see cref="FairnessMetric.ErrorRateDifferenceBetweenGroups"/>.</summary>
    public const string ErrorRateDifferenceBetweenGroups = "error_gap_between";

    /// <summary>Key of <see cref="FairnessMetric.MinorityTruePositiveRate"/>.</summary>
    public const string MinorityTruePositiveRate = "tpr_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajorityTruePositiveRate"/>.</summary>
    public const string MajorityTruePositiveRate = "tpr_majority";

    /// <summary>Key of <see cref="FairnessMetric.MinorityFalsePositiveRate"/>.</summary>
    public const string MinorityFalsePositiveRate = "fpr_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajorityFalsePositiveRate"/>.</summary>
    public const string MajorityFalsePositiveRate = "fpr_majority";

    /// <summary>Key of <see cref="FairnessMetric.MinorityFalseNegativeRate"/>.</summary>
    public const string MinorityFalseNegativeRate = "fnr_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajorityFalseNegativeRate"/>.</summary>
    public const string MajorityFalseNegativeRate = "fnr_majority";

    /// <summary>Key of <see cref="FairnessMetric.MinoritySelectionRate"/>.</summary>
    public const string MinoritySelectionRate = "selection_rate_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajoritySelectionRate"/>.</summary>
    public const string MajoritySelectionRate = "selection_rate_majority";

    /// <summary>Key of <see cref="FairnessMetric.MinorityBaseRate"/>.</summary>
    public const string MinorityBaseRate = "base_rate_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajorityBaseRate"/>.</summary>
    public const string MajorityBaseRate = "base_rate_majority";

    /// <summary>Key of <see cref="FairnessMetric.MinorityCount"/>.</summary>
    public const string MinorityCount = "count_minority";

    /// <summary>Key of <see cref="FairnessMetric.MajorityCount"/>.</summary>
    public const string MajorityCount = "count_majority";

    /// <summary>Key of S(alpha), synthetic data only (<see cref="Counterfactual.CounterfactualMetrics"/>).</summary>
    public const string CounterfactualSuccess = "s_alpha";

    /// <summary>Key of the counterfactual-fairness rate, synthetic data only.</summary>
    public const string CounterfactualFairness = "cf_fair_rate";

    /// <summary>Key of the lower end of EqOd's bootstrap interval over test rows (<see cref="IntervalLow"/> of
    /// <see cref="EqOd"/>).</summary>
    public const string EqOdLow = EqOd + IntervalLowSuffix;

    /// <summary>Key of the upper end of EqOd's bootstrap interval over test rows.</summary>
    public const string EqOdHigh = EqOd + IntervalHighSuffix;

    /// <summary>Key of the lower end of the error's bootstrap interval over test rows.</summary>
    public const string ErrorLow = Error + IntervalLowSuffix;

    /// <summary>Key of the upper end of the error's bootstrap interval over test rows.</summary>
    public const string ErrorHigh = Error + IntervalHighSuffix;

    /// <summary>Key of M*, the pool members the ideal flips (P0(y = 1 | g(x)) >= 1/2); data with a causal model
    /// only.</summary>
    public const string IdealFlips = "ideal_flips";

    /// <summary>Key of the share of a cell's flips that the ideal also makes (precision; at M* flips also the
    /// recall).</summary>
    public const string IdealPrecision = "ideal_precision";

    /// <summary>Key of the Spearman correlation over the pool between the strategy's scores and P0(y = 1 |
    /// g(x)).</summary>
    public const string P0RankCorrelation = "p0_rank_corr";

    /// <summary>Key of the number of a collective cell's flips chosen by the tie rule
    /// (<see cref="Collective.Ranking.TiedAtCut"/>).</summary>
    public const string TieFlips = "tie_flips";

    /// <summary>Key of FARE's certificate: a 95% upper bound on the demographic-parity gap of any classifier on its
    /// leaves.</summary>
    public const string FareDemographicParityBound = "fare_dp_bound";

    /// <summary>Key of the gradient norm the full-covariance steering solver reached (0 at the exact
    /// optimum).</summary>
    public const string SteeringGradientNorm = "steering_gradient_norm";

    /// <summary>Key of the Newton steps the full-covariance steering solver took.</summary>
    public const string SteeringIterations = "steering_iterations";

    /// <summary>Key of the expected error of a randomised post-processor.</summary>
    public const string ErrorExpected = "error_expected";

    /// <summary>Key of EqOd of a randomised post-processor's expected rates.</summary>
    public const string EqOdExpected = "eqod_expected";

    /// <summary>Key of the number of training rows a firm-side defence flagged (dropped or relabelled).</summary>
    public const string DefenceFlagged = "defence_flagged";

    /// <summary>Key of the defence's precision: flagged rows that are the collective's flips, over flagged rows (NaN
    /// when nothing is flagged).</summary>
    public const string DefencePrecision = "defence_precision";

    /// <summary>Key of the defence's recall: the collective's flips it flagged, over all flips (NaN without
    /// flips).</summary>
    public const string DefenceRecall = "defence_recall";

    /// <summary>Key of the share of honest minority training rows (not flipped) the defence flagged.</summary>
    public const string DefenceFalseFlagsMinority = "defence_false_flags_minority";

    /// <summary>Key of the share of majority training rows the defence flagged.</summary>
    public const string DefenceFalseFlagsMajority = "defence_false_flags_majority";
}
