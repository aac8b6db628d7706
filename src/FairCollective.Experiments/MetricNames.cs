namespace FairCollective.Experiments;

/// <summary>
/// Names of the metrics each cell stores. Fairness gaps are between the minority (a = 1) and the majority; "unsigned"
/// values are absolute gaps, "signed" ones are minority minus majority (AIF360's unprivileged-minus-privileged
/// orientation with the minority in the unprivileged role).
/// </summary>
public static class MetricNames
{
    /// <summary>Error rate (share of misclassified rows) on the test split, in [0, 1].</summary>
    public const string Error = "error";

    /// <summary>The paper's headline metric: 1/2 (|TPR_1 - TPR_0| + |FPR_1 - FPR_0|), unsigned.</summary>
    public const string EqOd = "eqod";

    /// <summary>fairlearn's worst case: max(|dTPR|, |dFPR|), unsigned.</summary>
    public const string EqualizedOddsWorst = "eq_odds_worst";

    /// <summary>Equal opportunity: |TPR_1 - TPR_0|, unsigned.</summary>
    public const string EqualOpportunity = "eq_opp";

    /// <summary>Demographic parity: |P(yhat = 1 | a = 1) - P(yhat = 1 | a = 0)|, unsigned.</summary>
    public const string DemographicParity = "dem_parity";

    /// <summary>Demographic parity ratio: the smaller selection rate over the larger, in [0, 1] (1 = parity).</summary>
    public const string DemographicParityRatio = "dem_parity_ratio";

    /// <summary>TPR_1 - TPR_0, signed (minority minus majority).</summary>
    public const string TprGapSigned = "tpr_gap_signed";

    /// <summary>FPR_1 - FPR_0, signed (minority minus majority).</summary>
    public const string FprGapSigned = "fpr_gap_signed";

    /// <summary>P(yhat = 1 | a = 1) - P(yhat = 1 | a = 0), signed (minority minus majority).</summary>
    public const string SelectionGapSigned = "selection_gap_signed";

    /// <summary>Minority error rate minus majority error rate, signed.</summary>
    public const string ErrorGapSigned = "error_gap_signed";

    /// <summary>Error rate on the minority's test rows.</summary>
    public const string ErrorMinority = "error_minority";

    /// <summary>Error rate on the majority's test rows.</summary>
    public const string ErrorMajority = "error_majority";

    /// <summary>Synthetic data only: S(alpha) = P0[h(g(x)) = h(x)] over minority test rows.</summary>
    public const string CounterfactualSuccess = "s_alpha";

    /// <summary>Synthetic data only: the share of minority test rows whose prediction equals the counterfactual label.</summary>
    public const string CounterfactualFairness = "cf_fair_rate";

    /// <summary>Randomised post-processors: the expected error over their coin flips.</summary>
    public const string ErrorExpected = "error_expected";

    /// <summary>Randomised post-processors: EqOd of the expected rates.</summary>
    public const string EqOdExpected = "eqod_expected";

    /// <summary>Human-readable definitions, printed beside tables so every output names its convention.</summary>
    public static IReadOnlyDictionary<string, string> Definitions { get; } = new Dictionary<string, string>
    {
        [Error] = "error rate on the test split",
        [EqOd] = "EqOd = 1/2 (|TPR_min - TPR_maj| + |FPR_min - FPR_maj|), unsigned (the paper's metric; AIF360 average_abs_odds_difference)",
        [EqualizedOddsWorst] = "max(|TPR_min - TPR_maj|, |FPR_min - FPR_maj|), unsigned (fairlearn equalized_odds_difference, worst case)",
        [EqualOpportunity] = "|TPR_min - TPR_maj|, unsigned",
        [DemographicParity] = "|P(yhat=1 | min) - P(yhat=1 | maj)|, unsigned",
        [DemographicParityRatio] = "min/max of the two selection rates",
        [TprGapSigned] = "TPR_min - TPR_maj, signed",
        [FprGapSigned] = "FPR_min - FPR_maj, signed",
        [SelectionGapSigned] = "P(yhat=1 | min) - P(yhat=1 | maj), signed",
        [ErrorGapSigned] = "error_min - error_maj, signed",
        [ErrorMinority] = "error rate on minority test rows",
        [ErrorMajority] = "error rate on majority test rows",
        [CounterfactualSuccess] = "S(alpha) = P0[h(g(x)) = h(x)] over minority test rows (synthetic data)",
        [ErrorExpected] = "expected error rate of a randomised post-processor (exact, over its coin flips)",
        [EqOdExpected] = "EqOd of the expected TPRs and FPRs of a randomised post-processor",
        [CounterfactualFairness] = "share of minority test rows with h(x) = argmax_y P0(y | g(x)) (synthetic data)",
    };
}
