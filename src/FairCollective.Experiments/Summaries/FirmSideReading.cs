using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>Where a firm-side method sits relative to the collective at low error.</summary>
public enum FirmSidePosition
{
    /// <summary>Its best setting in the region is fairer than the collective's best, beyond both test-row
    /// intervals.</summary>
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
/// <param name="ErrorLimit">The region: error at most this (the base model's error plus
/// <see cref="FirmSideReading.LowErrorMargin"/>), on the split that chooses.</param>
/// <param name="Best">The method's fairest setting in the region, chosen on <paramref name="ChosenOn"/>, with its test
/// numbers; null when it has none.</param>
/// <param name="Collective">The collective's fairest setting (strategy, alpha, budget) in the region, chosen
/// alike.</param>
/// <param name="Position">The reading, from the two settings' test-row intervals.</param>
/// <param name="ChosenOn">Which split chose both settings and the region.</param>
/// <param name="MethodSettings">How many settings (knobs) the method chose among.</param>
/// <param name="CollectiveSettings">How many settings the collective chose among.</param>
public sealed record FirmSideComparison(string Dataset, string Learner, string Method, double ErrorLimit,
    FirmSidePoint? Best, FirmSidePoint Collective,
    FirmSidePosition Position, SelectionSplit ChosenOn = SelectionSplit.Test, int MethodSettings = 0, int
        CollectiveSettings = 0)
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

/// <summary>A setting's test numbers: its label, error, fairness metric and the metric's test-row interval (seed
/// means).</summary>
/// <param name="Label">The setting (knob, or strategy with alpha and budget).</param>
/// <param name="Error">Seed-mean test error.</param>
/// <param name="Value">Seed-mean of the metric on test.</param>
/// <param name="Interval">The metric's test-row interval; null where not stored.</param>
public sealed record FirmSidePoint(string Label, double Error, double Value, (double Low, double High)? Interval);

/// <summary>
/// The firm-side comparison read plainly (method.md section 5), on equal footing: per (dataset, learner) and firm-side
/// method, its fairest setting whose error stays within <see cref="LowErrorMargin"/> of the base model's, against the
/// collective's fairest setting in that same region, compared by their test-row intervals. Both sides choose on the
/// same split: by default the validation split (every cell measured there, as the firm-side experiment's are), so
/// neither choice sees the test rows it is read on, however many settings a side has (the collective has far more:
/// every strategy, α and budget, against a method's 4 to 6 knobs); on test only where the cells have no validation
/// split, and then the table says the choice is optimistic, more so for the side with more settings.
/// </summary>
public static class FirmSideReading
{
    /// <summary>The low-error region: at most this much error above the base model's (seed means).</summary>
    public const double LowErrorMargin = 0.02;

    /// <summary>
    /// One row per (dataset, learner, firm-side method) in <paramref name="cells"/>, for <paramref name="metric"/>
    /// (default EqOd), both sides choosing on <paramref name="split"/> (null: validation where every cell was measured
    /// there, else test).
    /// </summary>
    public static IReadOnlyList<FirmSideComparison> Of(IEnumerable<CellRecord> cells, ShownMetric? metric = null,
        SelectionSplit? split = null)
    {
        metric ??= ShownMetric.EqOd;
        var all = cells.ToArray();
        var on = split ?? ChoosingSplit(all);
        var rows = new List<FirmSideComparison>();
        foreach (var panel in all.GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset,
            StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal))
        {
            var baseError = SeedStats.Of(panel.Where(c => c.Method == ResultsSummary.BaseMethod), Key(MetricKeys.Error,
                on));
            if (baseError.Count == 0) continue;
            double limit = baseError.Mean + LowErrorMargin;
            var collectiveSettings = panel.Where(c => c.Knob is null && c.Method != ResultsSummary.BaseMethod
                && c.MajorityRows is null)
                .GroupBy(c => (c.Method, c.Alpha, c.Budget)).ToArray();
            var collective = Fairest(collectiveSettings, g
                => FormattableString.Invariant($"{g.Key.Method} alpha={g.Key.Alpha:0.###} {g.Key.Budget}"), limit,
                metric, on);
            if (collective is null) continue; // no collective cells to compare with
            foreach (var method in panel.Where(c => c.Knob is not null).GroupBy(c => c.Method).OrderBy(g => g.Key,
                StringComparer.Ordinal))
            {
                var knobs = method.GroupBy(c => c.Knob).ToArray();
                var best = Fairest(knobs, g => FormattableString.Invariant($"knob={g.Key:0.###}"), limit, metric, on);
                rows.Add(new FirmSideComparison(panel.Key.Dataset, panel.Key.Learner, method.Key, limit, best,
                    collective, Position(best, collective, metric), on,
                    knobs.Length, collectiveSettings.Length));
            }
        }
        return rows;
    }

    /// <summary>Validation when every cell (the base model's, the collective's and the methods') was measured on a
    /// validation split, else test.</summary>
    public static SelectionSplit ChoosingSplit(IEnumerable<CellRecord> cells) =>
        cells.All(c
            => c.Metrics.ContainsKey(MetricKeys.OnValidation(MetricKeys.Error))) ? SelectionSplit.Validation :
            SelectionSplit.Test;

    private static string Key(string key, SelectionSplit on)
        => on == SelectionSplit.Validation ? MetricKeys.OnValidation(key) : key;

    // The setting with the lowest distance from parity among those within the error limit, both read on the choosing
    // split; its numbers are then read on test.
    private static FirmSidePoint? Fairest<TKey>(IEnumerable<IGrouping<TKey, CellRecord>> settings, Func<IGrouping<TKey,
        CellRecord>, string> label, double limit,
        ShownMetric metric, SelectionSplit on) =>
        settings.Select(g => (Setting: g, Error: SeedStats.Of(g, Key(MetricKeys.Error, on)).Mean, Value: SeedStats.Of(g,
            Key(metric.Key, on)).Mean))
            .Where(p => p.Error <= limit && !double.IsNaN(p.Value))
            .OrderBy(p => metric.Unfairness(p.Value)).ThenBy(p => p.Error)
            .Select(p => new FirmSidePoint(label(p.Setting), SeedStats.Of(p.Setting, MetricKeys.Error).Mean,
                SeedStats.Of(p.Setting, metric.Key).Mean,
                SeedStats.TestRowInterval(p.Setting, metric.Key)))
            .FirstOrDefault();
    private static FirmSidePosition Position(FirmSidePoint? method, FirmSidePoint collective, ShownMetric metric)
    {
        if (method is null) return FirmSidePosition.NoSettingInRegion;
        if (method.Interval is not { } m || collective.Interval is not { } c) return FirmSidePosition.Overlapping;
        // In distance from parity (lower is fairer for gaps and, as 1 - ratio, for ratios).
        double mLow = Math.Min(metric.Unfairness(m.Low),
            metric.Unfairness(m.High)), mHigh = Math.Max(metric.Unfairness(m.Low), metric.Unfairness(m.High));
        double cLow = Math.Min(metric.Unfairness(c.Low),
            metric.Unfairness(c.High)), cHigh = Math.Max(metric.Unfairness(c.Low), metric.Unfairness(c.High));
        return mHigh < cLow ? FirmSidePosition.FairerThanCollective : mLow > cHigh ?
            FirmSidePosition.LessFairThanCollective : FirmSidePosition.Overlapping;
    }
}
