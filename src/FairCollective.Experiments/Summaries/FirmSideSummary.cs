using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>
/// Fronts of EqOd against error per dataset for the firm-side comparison, on seed-means: the base point, each
/// firm-side method over its knob, and the collective over every (strategy, alpha, budget), so per budget its best
/// strategy.
/// </summary>
public static class FirmSideSummary
{
    /// <summary>Name of the collective's series (every strategy, alpha and budget; the best at each trade-off), in
    /// tables and figures alike.</summary>
    public const string CollectiveSeries = "Collective action";

    /// <summary>The fronts of one (dataset, learner).</summary>
    /// <param name="Dataset">The dataset's display name.</param>
    /// <param name="Learner">The firm's learner.</param>
    /// <param name="Fronts">Series name (Base, a firm-side method, or <see cref="CollectiveSeries"/>) to its Pareto
    /// front, sorted by error.</param>
    public sealed record DatasetFronts(string Dataset, string Learner, IReadOnlyDictionary<string,
        IReadOnlyList<TradeOffPoint>> Fronts);

    /// <summary>
    /// The fronts of every (dataset, learner) in <paramref name="cells"/>, datasets in ordinal order; each point is a
    /// seed-mean of the error and of <paramref name="metric"/>'s distance from parity
    /// (<see cref="ShownMetric.Unfairness"/>; EqOd by default).
    /// </summary>
    public static IReadOnlyList<DatasetFronts> Compute(IEnumerable<CellRecord> cells, ShownMetric? metric = null) =>
        cells.GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).Select(g =>
        {
            var fronts = g.GroupBy(SeriesOf).OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s
                => ParetoFront.Of(
                s.GroupBy(LabelOf).Select(p => new TradeOffPoint(
                    SeedStats.Of(p, MetricKeys.Error).Mean, (metric ?? ShownMetric.EqOd).Unfairness(SeedStats.Of(p,
                        (metric ?? ShownMetric.EqOd).Key).Mean), p.Key))), StringComparer.Ordinal);
            return new DatasetFronts(g.Key.Dataset, g.Key.Learner, fronts);
        }).ToArray();

    /// <summary>Collective strategies share one series; Base and each firm-side method are their own.</summary>
    public static string SeriesOf(CellRecord c) => c.Knob is not null
        || c.Method == ResultsSummary.BaseMethod ? c.Method : CollectiveSeries;

    private static string LabelOf(CellRecord c) => c.Knob is { } k
        ? $"knob {k.ToString("0.###", CultureInfo.InvariantCulture)}"
        : c.Method == ResultsSummary.BaseMethod ? "base" :
            $"{c.Method}, alpha {c.Alpha.ToString("0.###", CultureInfo.InvariantCulture)}, {c.Budget}";
}
