using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// One configuration averaged over seeds: every cell field except the seed is fixed. Unlike ResultsSummary.ByBudget
/// this keeps firm-side cells (those with a Knob), which the Pareto figures need.
/// </summary>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Learner">Learner (firm model).</param>
/// <param name="MajorityRows">m, the majority rows the collective knows; null = all.</param>
/// <param name="Method">Collective strategy, "Base" or firm-side method.</param>
/// <param name="Alpha">Collective size as a share of the minority's training rows.</param>
/// <param name="Budget">The flip budget as the spec gave it.</param>
/// <param name="Knob">A firm-side method's trade-off setting; null for collective cells.</param>
/// <param name="MeanFlips">Flips M averaged over seeds.</param>
/// <param name="EqOd">The shown metric (EqOd unless another was chosen) over seeds.</param>
/// <param name="Error">Test error over seeds.</param>
/// <param name="EqOdInterval">Test-row interval of the shown metric's seed mean
/// (<see cref="SeedStats.TestRowInterval"/>); null where not stored.</param>
/// <param name="ErrorInterval">Test-row interval of the seed-mean error; null where not stored.</param>
public sealed record SeedMeanPoint(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha,
    string Budget,
    double? Knob, double MeanFlips, SeedStats EqOd, SeedStats Error, (double Low,
        double High)? EqOdInterval = null, (double Low, double High)? ErrorInterval = null)
{
    /// <summary>The point as (seed-mean error, distance from parity of the shown metric) for a Pareto front of
    /// <paramref name="metric"/>.</summary>
    public TradeOffPoint TradeOffOf(ShownMetric metric) => new(Error.Mean, metric.Unfairness(EqOd.Mean), Label);

    /// <summary>The test-row interval of <see cref="TradeOffOf"/>'s y value: the metric's own, or [1 - high, 1 - low]
    /// for a ratio.</summary>
    public (double Low, double High)? UnfairnessInterval(ShownMetric metric) =>
        EqOdInterval is not { } i ? null : metric.Direction > 0 ? i : (1 - i.High, 1 - i.Low);

    /// <summary>Short description of the configuration: method with its knob, or with alpha and mean flips.</summary>
    public string Label
        => Knob is { } k ? $"{Method} knob={k:0.###}" : $"{Method} alpha={Alpha:0.###} M={MeanFlips:0.#}";

    /// <summary>Every configuration among <paramref name="cells"/> averaged over its seeds, in display order, with
    /// <paramref name="metric"/> (default EqOd) and error.</summary>
    public static IReadOnlyList<SeedMeanPoint> Of(IEnumerable<CellRecord> cells, ShownMetric? metric = null) =>
        cells.GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Method, c.Alpha, c.Budget, c.Knob))
            .Select(g => new SeedMeanPoint(g.Key.Dataset, g.Key.Learner, g.Key.MajorityRows, g.Key.Method, g.Key.Alpha,
                g.Key.Budget,
                g.Key.Knob, g.Average(c => (double)c.Flips), Stats(g, (metric ?? ShownMetric.EqOd).Key), Stats(g,
                    MetricKeys.Error),
                SeedStats.TestRowInterval(g, (metric ?? ShownMetric.EqOd).Key), SeedStats.TestRowInterval(g,
                    MetricKeys.Error)))
            .OrderBy(p => p.Dataset, StringComparer.Ordinal).ThenBy(p => p.Learner, StringComparer.Ordinal)
            .ThenBy(p => p.MajorityRows ?? int.MaxValue).ThenBy(p => SeriesStyle.Order(p.Method)).ThenBy(p => p.Method,
                StringComparer.Ordinal)
            .ThenBy(p => p.Alpha).ThenBy(p => p.Knob ?? 0).ThenBy(p => p.MeanFlips)
            .ToArray();

    /// <summary>A metric over the group's seeds, by the one rule of
    /// <see cref="SeedStats.Of(IEnumerable{CellRecord}, string)"/>.</summary>
    internal static SeedStats Stats(IEnumerable<CellRecord> cells, string metric) => SeedStats.Of(cells, metric);
}
