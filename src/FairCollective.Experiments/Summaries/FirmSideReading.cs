using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>Where a firm-side method sits relative to the collective at low error.</summary>
public enum FirmSidePosition
{
    /// <summary>Its best setting in the region is fairer than the collective's best, beyond both test-row intervals.</summary>
    FairerThanCollective,

    /// <summary>The collective's best is fairer, beyond both intervals.</summary>
    LessFairThanCollective,

    /// <summary>The intervals overlap: not resolved.</summary>
    Overlapping,

    /// <summary>No setting of the method has an error within the region.</summary>
    NoSettingInRegion,
}

/// <summary>One firm-side method against the collective in the low-error region of one (dataset, learner).</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="Method">The firm-side method.</param>
/// <param name="ErrorLimit">The region: test error at most this (the base model's error plus <see cref="FirmSideReading.LowErrorMargin"/>).</param>
/// <param name="Best">The method's fairest seed-mean setting in the region; null when it has none.</param>
/// <param name="Collective">The collective's fairest seed-mean setting (strategy, alpha, budget) in the region.</param>
/// <param name="Position">The reading.</param>
public sealed record FirmSideComparison(string Dataset, string Learner, string Method, double ErrorLimit, FirmSidePoint? Best, FirmSidePoint Collective,
    FirmSidePosition Position)
{
    /// <summary>The reading in words.</summary>
    public string Reading => Position switch
    {
        FirmSidePosition.FairerThanCollective => "fairer than the collective at low error",
        FirmSidePosition.LessFairThanCollective => "less fair than the collective at low error",
        FirmSidePosition.Overlapping => "not resolved (intervals overlap)",
        _ => "no setting within the low-error region",
    };
}

/// <summary>A seed-mean setting: its label, error, fairness metric and the metric's test-row interval.</summary>
/// <param name="Label">The setting (knob, or strategy with alpha and budget).</param>
/// <param name="Error">Seed-mean test error.</param>
/// <param name="Value">Seed-mean of the metric.</param>
/// <param name="Interval">The metric's test-row interval; null where not stored.</param>
public sealed record FirmSidePoint(string Label, double Error, double Value, (double Low, double High)? Interval);

/// <summary>
/// The firm-side comparison read plainly (method.md section 5): per (dataset, learner) and firm-side method, its fairest
/// setting whose test error stays within <see cref="LowErrorMargin"/> of the base model's, against the collective's
/// fairest setting in that same region, compared by their test-row intervals.
/// </summary>
public static class FirmSideReading
{
    /// <summary>The low-error region: at most this much test error above the base model's (seed means).</summary>
    public const double LowErrorMargin = 0.02;

    /// <summary>One row per (dataset, learner, firm-side method) in <paramref name="cells"/>, for <paramref name="metric"/> (default EqOd).</summary>
    public static IReadOnlyList<FirmSideComparison> Of(IEnumerable<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var rows = new List<FirmSideComparison>();
        foreach (var panel in cells.GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal))
        {
            var baseError = SeedStats.Of(panel.Where(c => c.Method == ResultsSummary.BaseMethod), MetricKeys.Error);
            if (baseError.Count == 0) continue;
            double limit = baseError.Mean + LowErrorMargin;
            var collective = Fairest(panel.Where(c => c.Knob is null && c.Method != ResultsSummary.BaseMethod && c.MajorityRows is null)
                .GroupBy(c => (c.Method, c.Alpha, c.Budget)), g => FormattableString.Invariant($"{g.Key.Method} alpha={g.Key.Alpha:0.###} {g.Key.Budget}"), limit, metric);
            if (collective is null) continue; // no collective cells to compare with
            foreach (var method in panel.Where(c => c.Knob is not null).GroupBy(c => c.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var best = Fairest(method.GroupBy(c => c.Knob), g => FormattableString.Invariant($"knob={g.Key:0.###}"), limit, metric);
                rows.Add(new FirmSideComparison(panel.Key.Dataset, panel.Key.Learner, method.Key, limit, best, collective, Position(best, collective, metric)));
            }
        }
        return rows;
    }

    // The setting with the lowest distance from parity among those within the error limit.
    private static FirmSidePoint? Fairest<TKey>(IEnumerable<IGrouping<TKey, CellRecord>> settings, Func<IGrouping<TKey, CellRecord>, string> label, double limit, ShownMetric metric) =>
        settings.Select(g => new FirmSidePoint(label(g), SeedStats.Of(g, MetricKeys.Error).Mean,
                SeedStats.Of(g, metric.Key).Mean, SeedStats.TestRowInterval(g, metric.Key)))
            .Where(p => p.Error <= limit && !double.IsNaN(p.Value))
            .OrderBy(p => metric.Unfairness(p.Value)).ThenBy(p => p.Error)
            .FirstOrDefault();

    private static FirmSidePosition Position(FirmSidePoint? method, FirmSidePoint collective, ShownMetric metric)
    {
        if (method is null) return FirmSidePosition.NoSettingInRegion;
        if (method.Interval is not { } m || collective.Interval is not { } c) return FirmSidePosition.Overlapping;
        // In distance from parity (lower is fairer for gaps and, as 1 - ratio, for ratios).
        double mLow = Math.Min(metric.Unfairness(m.Low), metric.Unfairness(m.High)), mHigh = Math.Max(metric.Unfairness(m.Low), metric.Unfairness(m.High));
        double cLow = Math.Min(metric.Unfairness(c.Low), metric.Unfairness(c.High)), cHigh = Math.Max(metric.Unfairness(c.Low), metric.Unfairness(c.High));
        return mHigh < cLow ? FirmSidePosition.FairerThanCollective : mLow > cHigh ? FirmSidePosition.LessFairThanCollective : FirmSidePosition.Overlapping;
    }
}
