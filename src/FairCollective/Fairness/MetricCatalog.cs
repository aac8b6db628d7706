using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// The metric registry: one definition per metric (key, name, definition and convention; for a by-group metric also
/// its rule, built from the generic aggregators of <see cref="MetricRules"/>, which the allocation-free
/// <see cref="FairnessEvaluator"/> runs, and whether cells store it and its interval), and the metrics computed beside
/// them (S(alpha), expected rates), so every output states its convention in the same words. Adding a stored by-group
/// metric: its definition appended here with <c>stored: true</c> (its slot is its place; a
/// <see cref="FairnessMetric"/> name only if C# code must name it); the metric contract tests then check it against a
/// naive oracle. A plug-in or a library user adds one at start-up with <see cref="Register"/> (a definition and its
/// rule; its slot follows the built-in ones).
/// </summary>
public static class MetricCatalog
{
    /// <summary>Convention of metrics over all rows.</summary>
    public const string OverallConvention = "overall: all rows of the evaluated split";
    /// <summary>Convention of metrics of the pooled minority or the pooled majority.</summary>
    public const string PerGroupConvention = "per group: the pooled minority groups, or the pooled majority";
    /// <summary>Convention of signed gaps: minority minus majority.</summary>
    public const string SignedConvention = "signed: minority minus majority (AIF360's unprivileged minus privileged)";
    /// <summary>Convention of unsigned gaps: the absolute minority-minus-majority gap.</summary>
    public const string UnsignedConvention =
        "unsigned: |minority - majority| (fairlearn's max minus min for two groups)";
    /// <summary>Convention of the two equalized-odds gaps, which combine the TPR gap and the FPR gap.</summary>
    public const string EqualizedOddsConvention = "unsigned: the TPR gap and the FPR gap (each minority - majority) " +
        "taken as |gap|, then combined as defined (fairlearn's equalized odds for two groups)";
    /// <summary>Convention of the minority-over-majority ratio.</summary>
    public const string MinorityRatioConvention =
        "ratio: minority / majority (AIF360 disparate_impact; x/0 = Infinity, 0/0 = NaN)";
    /// <summary>Convention of the min-over-max ratio of minority and majority.</summary>
    public const string MinMaxRatioConvention =
        "ratio: min / max of minority and majority (fairlearn for two groups; 0/0 = NaN)";
    /// <summary>Convention of fairlearn's between-groups differences over all groups.</summary>
    public const string BetweenGroupsDifferenceConvention =
        "between groups: max over all groups minus min over all groups (fairlearn method='between_groups', unsigned)";
    /// <summary>Convention of fairlearn's between-groups ratios over all groups.</summary>
    public const string BetweenGroupsRatioConvention =
        "between groups: min over all groups / max over all groups (fairlearn method='between_groups'; 0/0 = NaN)";

    private static readonly MetricDefinition[] BuiltIn = Slotted(
    [
        Def("Accuracy", MetricKeys.Accuracy, "P(yhat = y)", OverallConvention,
            MetricRules.Overall(GroupRate.Accuracy)),
        Def("ErrorRate", MetricKeys.Error, "1 - accuracy = P(yhat != y)", OverallConvention,
            MetricRules.Overall(GroupRate.ErrorRate), stored: true),
        Def("SelectionRate", MetricKeys.SelectionRate, "P(yhat = 1)", OverallConvention,
            MetricRules.Overall(GroupRate.SelectionRate)),
        Def("MinorityErrorRate", MetricKeys.ErrorMinority, "P(yhat != y | minority)", PerGroupConvention,
            MetricRules.Minority(GroupRate.ErrorRate), stored: true),
        Def("MajorityErrorRate", MetricKeys.ErrorMajority, "P(yhat != y | majority)", PerGroupConvention,
            MetricRules.Majority(GroupRate.ErrorRate), stored: true),
        Def("ErrorRateDifferenceSigned", MetricKeys.ErrorGapSigned,
            "ERR_minority - ERR_majority (AIF360 error_rate_difference)", SignedConvention,
            MetricRules.Signed(GroupRate.ErrorRate), stored: true),
        Def("ErrorRateDifference", MetricKeys.ErrorRateDifference, "|ERR_minority - ERR_majority|",
            UnsignedConvention, MetricRules.Unsigned(GroupRate.ErrorRate)),
        Def("DemographicParityDifferenceSigned", MetricKeys.SelectionGapSigned,
            "P(yhat=1 | minority) - P(yhat=1 | majority) (AIF360 statistical_parity_difference)", SignedConvention,
            MetricRules.Signed(GroupRate.SelectionRate), stored: true),
        Def("DemographicParityDifference", MetricKeys.DemographicParity,
            "|P(yhat=1 | minority) - P(yhat=1 | majority)|", UnsignedConvention,
            MetricRules.Unsigned(GroupRate.SelectionRate), stored: true),
        Def("DisparateImpact", MetricKeys.DisparateImpact, "P(yhat=1 | minority) / P(yhat=1 | majority)",
            MinorityRatioConvention, MetricRules.MinorityOverMajority(GroupRate.SelectionRate)),
        Def("DemographicParityRatio", MetricKeys.DemographicParityRatio,
            "min / max of the selection rates of minority and majority", MinMaxRatioConvention,
            MetricRules.MinOverMax(GroupRate.SelectionRate), stored: true),
        Def("EqualOpportunityDifferenceSigned", MetricKeys.TprGapSigned,
            "TPR_minority - TPR_majority (AIF360 equal_opportunity_difference)", SignedConvention,
            MetricRules.Signed(GroupRate.TruePositiveRate), stored: true),
        Def("EqualOpportunityDifference", MetricKeys.EqualOpportunity, "|TPR_minority - TPR_majority|",
            UnsignedConvention, MetricRules.Unsigned(GroupRate.TruePositiveRate), stored: true),
        Def("FalsePositiveRateDifferenceSigned", MetricKeys.FprGapSigned, "FPR_minority - FPR_majority",
            SignedConvention, MetricRules.Signed(GroupRate.FalsePositiveRate), stored: true),
        Def("FalsePositiveRateDifference", MetricKeys.FalsePositiveRateDifference,
            "|FPR_minority - FPR_majority|", UnsignedConvention, MetricRules.Unsigned(GroupRate.FalsePositiveRate)),
        Def("AverageOddsDifferenceSigned", MetricKeys.AverageOddsDifferenceSigned,
            "1/2 [(FPR_minority - FPR_majority) + (TPR_minority - TPR_majority)] (AIF360 average_odds_difference)",
            SignedConvention, new MetricRule(Aggregation.MeanOfSigned, GroupRate.FalsePositiveRate,
            GroupRate.TruePositiveRate)),
        Def("EqOd", MetricKeys.EqOd,
            "1/2 (|TPR_minority - TPR_majority| + |FPR_minority - FPR_majority|): the paper's headline metric " +
            "(AIF360 average_abs_odds_difference; fairlearn equalized_odds_difference agg='mean' for two groups)",
            EqualizedOddsConvention, new MetricRule(Aggregation.MeanOfUnsigned, GroupRate.FalsePositiveRate,
            GroupRate.TruePositiveRate), stored: true),
        Def("EqualizedOddsDifferenceWorstCase", MetricKeys.EqualizedOddsWorst,
            "max(|TPR_minority - TPR_majority|, |FPR_minority - FPR_majority|) (fairlearn equalized_odds_difference " +
            "agg='worst_case' for two groups; AIF360 equalized_odds_difference)", EqualizedOddsConvention,
            new MetricRule(Aggregation.WorstOfUnsigned, GroupRate.TruePositiveRate, GroupRate.FalsePositiveRate),
            stored: true),
        Def("DemographicParityDifferenceBetweenGroups",
            MetricKeys.DemographicParityDifferenceBetweenGroups,
            "max_g P(yhat=1 | g) - min_g P(yhat=1 | g) (fairlearn demographic_parity_difference)",
            BetweenGroupsDifferenceConvention, MetricRules.BetweenDifference(GroupRate.SelectionRate)),
        Def("DemographicParityRatioBetweenGroups", MetricKeys.DemographicParityRatioBetweenGroups,
            "min_g P(yhat=1 | g) / max_g P(yhat=1 | g) (fairlearn demographic_parity_ratio)",
            BetweenGroupsRatioConvention, MetricRules.BetweenRatio(GroupRate.SelectionRate)),
        Def("EqualOpportunityDifferenceBetweenGroups", MetricKeys.EqualOpportunityDifferenceBetweenGroups,
            "max_g TPR_g - min_g TPR_g (fairlearn equal_opportunity_difference)", BetweenGroupsDifferenceConvention,
            MetricRules.BetweenDifference(GroupRate.TruePositiveRate)),
        Def("EqualOpportunityRatioBetweenGroups", MetricKeys.EqualOpportunityRatioBetweenGroups,
            "min_g TPR_g / max_g TPR_g (fairlearn equal_opportunity_ratio)", BetweenGroupsRatioConvention,
            MetricRules.BetweenRatio(GroupRate.TruePositiveRate)),
        Def("EqualizedOddsDifferenceBetweenGroupsWorstCase",
            MetricKeys.EqualizedOddsDifferenceBetweenGroupsWorstCase,
            "max(TPR difference, FPR difference) over all groups (fairlearn equalized_odds_difference " +
            "agg='worst_case')", BetweenGroupsDifferenceConvention, new MetricRule(Aggregation.BetweenWorstDifference,
            GroupRate.TruePositiveRate, GroupRate.FalsePositiveRate)),
        Def("EqualizedOddsDifferenceBetweenGroupsMean",
            MetricKeys.EqualizedOddsDifferenceBetweenGroupsMean,
            "mean of TPR difference and FPR difference over all groups (fairlearn equalized_odds_difference " +
            "agg='mean')", BetweenGroupsDifferenceConvention, new MetricRule(Aggregation.BetweenMeanDifference,
            GroupRate.TruePositiveRate, GroupRate.FalsePositiveRate)),
        Def("EqualizedOddsRatioBetweenGroupsWorstCase",
            MetricKeys.EqualizedOddsRatioBetweenGroupsWorstCase,
            "min(TPR ratio, FPR ratio) over all groups (fairlearn equalized_odds_ratio agg='worst_case')",
            BetweenGroupsRatioConvention, new MetricRule(Aggregation.BetweenWorstRatio, GroupRate.TruePositiveRate,
            GroupRate.FalsePositiveRate)),
        Def("EqualizedOddsRatioBetweenGroupsMean", MetricKeys.EqualizedOddsRatioBetweenGroupsMean,
            "mean of TPR ratio and FPR ratio over all groups (fairlearn equalized_odds_ratio agg='mean')",
            BetweenGroupsRatioConvention, new MetricRule(Aggregation.BetweenMeanRatio, GroupRate.TruePositiveRate,
            GroupRate.FalsePositiveRate)),
        Def("ErrorRateDifferenceBetweenGroups", MetricKeys.ErrorRateDifferenceBetweenGroups,
            "max_g ERR_g - min_g ERR_g", BetweenGroupsDifferenceConvention,
            MetricRules.BetweenDifference(GroupRate.ErrorRate)),
        Def("MinorityTruePositiveRate", MetricKeys.MinorityTruePositiveRate,
            "P(yhat = 1 | y = 1, minority)", PerGroupConvention, MetricRules.Minority(GroupRate.TruePositiveRate),
            stored: true),
        Def("MajorityTruePositiveRate", MetricKeys.MajorityTruePositiveRate,
            "P(yhat = 1 | y = 1, majority)", PerGroupConvention, MetricRules.Majority(GroupRate.TruePositiveRate),
            stored: true),
        Def("MinorityFalsePositiveRate", MetricKeys.MinorityFalsePositiveRate,
            "P(yhat = 1 | y = 0, minority)", PerGroupConvention, MetricRules.Minority(GroupRate.FalsePositiveRate),
            stored: true),
        Def("MajorityFalsePositiveRate", MetricKeys.MajorityFalsePositiveRate,
            "P(yhat = 1 | y = 0, majority)", PerGroupConvention, MetricRules.Majority(GroupRate.FalsePositiveRate),
            stored: true),
        Def("MinorityFalseNegativeRate", MetricKeys.MinorityFalseNegativeRate,
            "P(yhat = 0 | y = 1, minority)", PerGroupConvention, MetricRules.Minority(GroupRate.FalseNegativeRate),
            stored: true),
        Def("MajorityFalseNegativeRate", MetricKeys.MajorityFalseNegativeRate,
            "P(yhat = 0 | y = 1, majority)", PerGroupConvention, MetricRules.Majority(GroupRate.FalseNegativeRate),
            stored: true),
        Def("MinoritySelectionRate", MetricKeys.MinoritySelectionRate, "P(yhat = 1 | minority)",
            PerGroupConvention, MetricRules.Minority(GroupRate.SelectionRate), stored: true),
        Def("MajoritySelectionRate", MetricKeys.MajoritySelectionRate, "P(yhat = 1 | majority)",
            PerGroupConvention, MetricRules.Majority(GroupRate.SelectionRate), stored: true),
        Def("MinorityBaseRate", MetricKeys.MinorityBaseRate, "P(y = 1 | minority)", PerGroupConvention,
            MetricRules.Minority(GroupRate.BaseRate), stored: true),
        Def("MajorityBaseRate", MetricKeys.MajorityBaseRate, "P(y = 1 | majority)", PerGroupConvention,
            MetricRules.Majority(GroupRate.BaseRate), stored: true),
        Def("MinorityCount", MetricKeys.MinorityCount, "number of rows (sum of weights) of the minority",
            PerGroupConvention, MetricRules.Minority(GroupRate.Count), stored: true),
        Def("MajorityCount", MetricKeys.MajorityCount, "number of rows (sum of weights) of the majority",
            PerGroupConvention, MetricRules.Majority(GroupRate.Count), stored: true),
    ]);

    /// <summary>Convention of metrics on synthetic data's counterfactual test rows.</summary>
    public const string CounterfactualConvention =
        "synthetic data only: the minority's test rows and their counterfactuals g(x) under the known causal model";
    /// <summary>Convention of bootstrap interval ends.</summary>
    public const string BootstrapConvention = "test rows resampled with replacement (seeded by the cell's seed), the " +
        "level and resamples of the experiment's bootstrap settings; unsigned gaps and ratios bounded through their " +
        "signed gaps (docs/metrics.md)";

    /// <summary>Convention of expected metrics of randomised post-processors.</summary>
    public const string ExpectedConvention = "randomised post-processors: exact expectation over their coin flips " +
        "(each row counted as 1 with weight p and 0 with 1 - p)";

    /// <summary>Convention of a defence's detection counts.</summary>
    public const string DefenceConvention = "cells with a firm-side defence: over the firm's training rows, against " +
        "the collective's flips (known in simulation)";

    private static readonly MetricDefinition[] Others =
    [
        new(MetricKeys.CounterfactualSuccess, "S(alpha)", "S(alpha) = P0[h(g(x)) = h(x)] over minority test rows",
            CounterfactualConvention, null),
        new(MetricKeys.CounterfactualFairness, "CounterfactualFairnessRate",
            "share of minority test rows with h(x) = argmax_y P0(y | g(x))", CounterfactualConvention, null),
        new(MetricKeys.IdealFlips, "IdealFlips",
            "M*: pool members whose counterfactual label is 1 (P0(y = 1 | g(x)) >= 1/2), the flips of the ideal " +
            "relabelling", CounterfactualConvention, null),
        new(MetricKeys.IdealPrecision, "IdealPrecision",
            "share of the cell's flips that the ideal relabelling also makes (at M* flips also the share of the " +
            "ideal's flips made)", CounterfactualConvention, null),
        new(MetricKeys.P0RankCorrelation, "P0RankCorrelation",
            "Spearman correlation over the pool between the strategy's scores and P0(y = 1 | g(x)) (1: the ideal's " +
            "order)", CounterfactualConvention, null),
        new(MetricKeys.TieFlips, "TieFlips",
            "flips chosen among pool members whose score ties with the first member left out, i.e. decided by the " +
            "tie rule, not the score", "collective cells: a count out of the cell's flips", null),
        new(MetricKeys.FareDemographicParityBound, "FareDemographicParityBound",
            "FARE's certificate: an upper bound, holding with 95% confidence, on |P(yhat=1 | minority) - P(yhat=1 | " +
            "majority)| of any classifier that sees only FARE's leaves",
            "FARE cells only: from the training rows and held-out rows (validation, else test) the tree never saw",
            null),
        new(MetricKeys.SteeringGradientNorm, "SteeringGradientNorm",
            "Frobenius norm of the gradient of the full-covariance steering objective where its solver stopped (at " +
            "most the solver's gradient tolerance when solved)", "Steering-EF-Affirmative-Full cells only", null),
        new(MetricKeys.SteeringIterations, "SteeringIterations",
            "Newton steps the full-covariance steering solver took", "Steering-EF-Affirmative-Full cells only", null),
        new(MetricKeys.ErrorExpected, "ErrorRateExpected", "expected error rate of a randomised post-processor",
            ExpectedConvention, null),
        new(MetricKeys.EqOdExpected, "EqOdExpected",
            "EqOd of the expected TPRs and FPRs of a randomised post-processor", ExpectedConvention, null),
        new(MetricKeys.DefenceFlagged, "DefenceFlagged", "training rows the defence flagged (dropped or relabelled)",
            DefenceConvention, null),
        new(MetricKeys.DefencePrecision, "DefencePrecision",
            "flagged rows that are the collective's flips, over flagged rows (undefined when nothing is flagged)",
            DefenceConvention, null),
        new(MetricKeys.DefenceRecall, "DefenceRecall",
            "the collective's flips the defence flagged, over all flips (undefined without flips)", DefenceConvention,
            null),
        new(MetricKeys.DefenceFalseFlagsMinority, "DefenceFalseFlagsMinority",
            "honest minority training rows (not flipped) flagged, over honest minority training rows",
            DefenceConvention, null),
        new(MetricKeys.DefenceFalseFlagsMajority, "DefenceFalseFlagsMajority",
            "majority training rows flagged, over majority training rows", DefenceConvention, null),
    ];

    // Replaced, never changed, by Register: a reader holding the array (the evaluator's rules) sees one consistent set,
    // and a new array tells it the set grew.
    private static MetricDefinition[] Definitions = BuiltIn;
    private static Dictionary<string, MetricDefinition> ByKey = Definitions.Concat(Others).ToDictionary(d => d.Key,
        StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Every by-group metric, in slot order: the built-in ones (<see cref="FairnessMetric"/>'s order), then
    /// those registered. The same list object until a metric is registered.</summary>
    public static IReadOnlyList<MetricDefinition> All => Definitions;

    /// <summary>The by-group metrics registered at start-up (<see cref="Register"/>), after the built-in
    /// ones.</summary>
    public static IEnumerable<MetricDefinition> Registered => Definitions.Skip(BuiltIn.Length);

    /// <summary>
    /// Adds a by-group metric (a plug-in's, or a library user's at start-up; built by
    /// <see cref="MetricDefinition.ByGroup"/>) at the next slot, so every evaluation computes it and, when stored,
    /// every cell stores it with its interval. Its key must be new; registering the same definition again changes
    /// nothing. An unsigned gap or min-over-max ratio is bounded through signed parts made of the catalog's signed gap
    /// (or minority and majority rate) of the same rate, which must be registered first.
    /// </summary>
    /// <returns>The definition with its slot (<see cref="MetricDefinition.Metric"/>).</returns>
    /// <exception cref="UserInputException">A key taken or malformed, no rule, or a part it needs missing.</exception>
    public static MetricDefinition Register(MetricDefinition definition)
    {
        lock (Gate)
        {
            if (definition.Rule is not { } rule) throw new UserInputException($"metric '{definition.Key}': a " +
                "registered metric needs a rule (MetricDefinition.ByGroup)");
            if (ByKey.TryGetValue(definition.Key, out var existing))
                return existing.Metric is { } slot && existing == definition with { Metric = slot } ? existing
                    : throw new UserInputException($"metric '{definition.Key}' is already registered");
            if (definition.Key.Length == 0 || !definition.Key.All(c
                => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
                || definition.Key.StartsWith(MetricKeys.ValidationPrefix, StringComparison.Ordinal)
                || definition.Key.EndsWith(MetricKeys.IntervalLowSuffix, StringComparison.Ordinal)
                    || definition.Key.EndsWith(MetricKeys.IntervalHighSuffix, StringComparison.Ordinal))
                throw new UserInputException($"metric key '{definition.Key}' must be lower-case letters, digits and " +
                    "'_', and neither start with " +
                    $"'{MetricKeys.ValidationPrefix}' nor end with '{MetricKeys.IntervalLowSuffix}' or " +
                        $"'{MetricKeys.IntervalHighSuffix}' (those name a metric's validation value and interval)");
            var added = definition with
            {
                Metric = (FairnessMetric)Definitions.Length,
                BetweenGroups = rule.BetweenGroups
            };
            var all = Definitions.Append(added).ToArray();
            if (SignedParts.MissingPart(rule, all) is { } missing)
                throw new UserInputException($"metric '{definition.Key}': its interval is bounded through {missing}, " +
                    "which no registered metric computes; register it first");
            Definitions = all;
            ByKey = all.Concat(Others).ToDictionary(d => d.Key, StringComparer.Ordinal);
            return added;
        }
    }

    /// <summary>The metrics computed beside the by-group ones (counterfactual, expected rates).</summary>
    public static IReadOnlyList<MetricDefinition> Derived => Others;

    /// <summary>Name, definition and convention of <paramref name="metric"/>.</summary>
    public static MetricDefinition Get(FairnessMetric metric) => Definitions[(int)metric];

    /// <summary>
    /// The metric with stored key <paramref name="key"/>, including a metric measured on validation
    /// (<see cref="MetricKeys.OnValidation"/>) and either end of a metric's bootstrap interval
    /// (<see cref="MetricKeys.IntervalLow"/>); null when no metric has it.
    /// </summary>
    public static MetricDefinition? Find(string key)
    {
        if (ByKey.GetValueOrDefault(key) is { } direct) return direct;
        if (key.StartsWith(MetricKeys.ValidationPrefix, StringComparison.Ordinal)
            && ByKey.GetValueOrDefault(key[MetricKeys.ValidationPrefix.Length..]) is { } v)
            return v with
            {
                Key = key,
                Name = v.Name + " (validation)",
                Definition = "on the validation split: " + v.Definition
            };
        foreach (var (suffix, end, name) in new[] { (MetricKeys.IntervalLowSuffix, "lower", "IntervalLow"),
            (MetricKeys.IntervalHighSuffix, "upper", "IntervalHigh") })
            if (key.EndsWith(suffix, StringComparison.Ordinal)
                && ByKey.GetValueOrDefault(key[..^suffix.Length]) is { } m)
                return new MetricDefinition(key, m.Name + name,
                    $"{end} end of the bootstrap interval over test rows of: {m.Definition}", BootstrapConvention,
                    null);
        return null;
    }

    /// <summary>
    /// The keys of the unfairness gaps, where 0 is parity and lower is fairer (unsigned differences): a "best budget"
    /// minimises them. Signed gaps have no "lower is better", and error is not a fairness metric.
    /// </summary>
    public static IReadOnlyList<string> Gaps => Definitions
        .Where(d
            => d.MetricConvention is UnsignedConvention or EqualizedOddsConvention or BetweenGroupsDifferenceConvention)
        .Select(d => d.Key).ToArray();

    /// <summary>
    /// The keys of the min-over-max ratios, where 1 is parity and higher is fairer: a "best budget" maximises them.
    /// The minority-over-majority ratio (disparate impact) is not among them: it can pass 1, so neither way is better.
    /// </summary>
    public static IReadOnlyList<string> Ratios => Definitions
        .Where(d => d.MetricConvention is MinMaxRatioConvention or BetweenGroupsRatioConvention)
        .Select(d => d.Key).ToArray();

    /// <summary>
    /// The values the metric keyed <paramref name="key"/> can take: [-1, 1] for signed gaps, [0, Infinity) for the
    /// minority-over-majority ratio and counts, [0, 1] for every other by-group metric; null for keys outside the
    /// by-group metrics. Intervals computed by normal approximation are clipped to it.
    /// </summary>
    public static (double Low, double High)? Range(string key) => Find(key)?.Rule switch
    {
        null => null,
        { Kind: Aggregation.MinorityOverMajority } or { A: GroupRate.Count } => (0, double.PositiveInfinity),
        { Kind: Aggregation.Signed or Aggregation.MeanOfSigned } => (-1, 1),
        _ => (0, 1),
    };

    /// <summary>"definition (convention)" of the metric keyed <paramref name="key"/>, as printed beside
    /// tables.</summary>
    public static string Describe(string key) =>
        Find(key) is { } d ? $"{d.Definition}; {d.MetricConvention}" : throw new
            ArgumentException($"no metric has the key '{key}'", nameof(key));

    // One by-group metric: its computation, and whether cells store it (with its interval, but for the counts).
    private static MetricDefinition Def(string name, string key, string definition, string convention,
        MetricRule rule, bool stored = false) =>
        MetricDefinition.ByGroup(key, name, definition, convention, rule, stored);

    /// <summary>Gives each built-in definition its slot, its place in the list: the list is the one record of the
    /// built-in metrics, and <see cref="FairnessMetric"/> only names the first slots for C# callers (a test checks the
    /// names agree), so a new built-in metric is one definition.</summary>
    private static MetricDefinition[] Slotted(MetricDefinition[] definitions) =>
        definitions.Select((d, slot) => d with { Metric = (FairnessMetric)slot }).ToArray();
}
