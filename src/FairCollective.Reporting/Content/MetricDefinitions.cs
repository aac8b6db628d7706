using FairCollective.Fairness;

namespace FairCollective.Reporting.Content;

/// <summary>
/// The report's metrics section, shared by the HTML and Markdown renderers: the definition of every metric the report
/// shows (the error, each section's fairness metric, S(α) where stored) and of every statistic beside them.
/// </summary>
public static class MetricDefinitions
{
    /// <summary>(key, "definition; convention") of every metric the report's sections show, in a fixed order.</summary>
    public static IReadOnlyList<(string Key, string Definition)> Of(ReportInput input,
        IReadOnlyList<ReportSection> sections) =>
        Of(input.Cells, sections.Where(s => s.Present).Select(s => s.Metric ?? ShownMetric.EqOd));

    /// <summary>
    /// (key, "definition; convention") of every metric tables of <paramref name="cells"/> show when their sections show
    /// <paramref name="shown"/>, in a fixed order: the report's metrics section and the console's closing lines.
    /// </summary>
    public static IReadOnlyList<(string Key, string Definition)> Of(IReadOnlyList<Experiments.Store.CellRecord> cells,
        IEnumerable<ShownMetric> shown)
    {
        var keys = new List<string> { MetricKeys.Error };
        foreach (var metric in shown.Append(ShownMetric.EqOd))
            if (!keys.Contains(metric.Key)) keys.Add(metric.Key);
        if (cells.Any(c
            => c.Metrics.ContainsKey(MetricKeys.CounterfactualSuccess)))
            keys.AddRange([MetricKeys.CounterfactualSuccess, MetricKeys.CounterfactualFairness]);
        // The matched comparison with the ideal (synthetic data) and the by-group table show these.
        if (cells.Any(c => c.Metrics.ContainsKey(MetricKeys.IdealPrecision))) keys.AddRange([MetricKeys.IdealFlips,
            MetricKeys.IdealPrecision, MetricKeys.P0RankCorrelation]);
        if (cells.Any(c => c.Metrics.ContainsKey(MetricKeys.MinorityCount)))
            keys.AddRange([MetricKeys.MinorityCount, MetricKeys.MinorityBaseRate, MetricKeys.MinoritySelectionRate,
                MetricKeys.MinorityTruePositiveRate,
                MetricKeys.MinorityFalsePositiveRate, MetricKeys.MinorityFalseNegativeRate, MetricKeys.ErrorMinority]);
        return keys.Select(k => (k, Describe(k))).ToArray();
    }

    private static string Describe(string key) =>
        MetricCatalog.Ratios.Contains(key) || MetricCatalog.Gaps.Contains(key)
            ? $"{MetricCatalog.Describe(key)} ({ShownMetric.Of(key).Fairer})"
            : MetricCatalog.Describe(key);

    /// <summary>The statistics and columns beside the metrics, one sentence each.</summary>
    public static IReadOnlyList<string> Statistics { get; } =
    [
        "α is the collective's size as a share of the minority's training rows; m is how many majority training rows " +
            "the collective knows when it scores its members (all: every row, the paper's full information; a " +
            "number: the limited-information setting, method.md section 6); a budget is the flips allowed, as a " +
            "share of the pool (the collective's members labelled 0) or a count, and flips is how many were made (a " +
            "seed mean).",
        "± is the sample standard deviation over seeds (n − 1; with one seed there is none and the number says \"one " +
            "seed\"): how much a number moves with the split and the collective's draw.",
        "A test-row CI is the seed mean's interval from each seed's bootstrap interval over its own test rows " +
            "(resamples and level of the experiment's bootstrap settings): rates, signed gaps and the error combine " +
            "the seeds' standard errors (half-width / z) as independent normal errors; an unsigned gap or ratio " +
            "(EqOd among them) is bounded through the signed gaps it is made of, so its interval reaches parity (0, " +
            "or 1 for a ratio) wherever those gaps may be 0 (docs/metrics.md, 'Bootstrap intervals'). How sure the " +
            "finite test sets make the number; n/a where cells store no interval.",
        "A best budget is chosen by the rule its table names: on the test split (the paper's rule, optimistic: the " +
            "choice sees the numbers it reports) or on a validation split carved from the training rows, then " +
            "reported on test; one budget for all seeds (lowest seed mean) unless a table says otherwise.",
        "A verdict against Random pairs seeds: each seed's metric averaged over the budgets both ran, strategy minus " +
            "Random, with a Student t interval over seeds; 'yes' when the interval lies wholly on the fairer side of " +
            "0, 'no' when wholly on the other, else not resolved.",
        "Flips to halve: per seed the fewest flips whose distance from parity (the gap, or 1 − ratio) is at most " +
            "half the base model's, with a t interval over the seeds that reach it.",
    ];
}
