using FairCollective.Collective;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>One strategy at one alpha, flipping as many members as the ideal does (budget M*), over seeds.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="Method">The strategy (Oracle: the ideal relabelling itself).</param>
/// <param name="Alpha">The collective's size.</param>
/// <param name="Seeds">Seeds with a cell.</param>
/// <param name="IdealFlips">M*, averaged over seeds.</param>
/// <param name="PoolShare">The ideal's share of the pool, M* / pool, averaged over seeds: the precision random flips
/// have in expectation.</param>
/// <param name="Precision">Share of the strategy's M* flips that the ideal also makes.</param>
/// <param name="RankCorrelation">Spearman correlation of the strategy's scores with P0(y = 1 | g(x)) over the
/// pool.</param>
/// <param name="Success">S(alpha) of the firm trained on the relabelled data.</param>
/// <param name="CounterfactualFairness">The counterfactual-fairness rate of that firm.</param>
/// <param name="Metric">The shown fairness metric (EqOd unless another was chosen).</param>
/// <param name="MetricInterval">Its test-row interval; null where not stored.</param>
/// <param name="Error">Test error.</param>
public sealed record IdealRow(string Dataset, string Learner, string Method, double Alpha, int Seeds, double IdealFlips,
    double PoolShare,
    SeedStats Precision, SeedStats RankCorrelation, SeedStats Success, SeedStats CounterfactualFairness, SeedStats
        Metric,
    (double Low, double High)? MetricInterval, SeedStats Error);

/// <summary>
/// The matched comparison with the ideal relabelling (method.md section 2): every strategy at the ideal's own flip
/// count M* (cells with budget <see cref="FlipBudget.Ideal"/>, all majority rows known), so strategies differ only in
/// which members they flip, never in how many.
/// </summary>
public static class IdealComparison
{
    /// <summary>Whether <paramref name="cells"/> hold any cell at the ideal's count.</summary>
    public static bool Present(IEnumerable<CellRecord> cells) => cells.Any(IsIdeal);

    /// <summary>One row per (dataset, learner, strategy, alpha) of the cells at M*, where the ideal flips anyone (M* >
    /// 0 in some seed); ordinal order, alpha ascending.</summary>
    public static IReadOnlyList<IdealRow> Rows(IEnumerable<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        return cells.Where(IsIdeal)
            .GroupBy(c => (c.Dataset, c.Learner, c.Method, c.Alpha))
            .Select(g => new IdealRow(g.Key.Dataset, g.Key.Learner, g.Key.Method, g.Key.Alpha, g.Select(c
                => c.Seed).Distinct().Count(),
                g.Average(c => c.Metrics.GetValueOrDefault(MetricKeys.IdealFlips, double.NaN)),
                g.Where(c => c.PoolSize > 0).Select(c => c.Metrics.GetValueOrDefault(MetricKeys.IdealFlips,
                    double.NaN) / c.PoolSize).DefaultIfEmpty(double.NaN).Average(),
                SeedStats.Of(g, MetricKeys.IdealPrecision), SeedStats.Of(g,
                    MetricKeys.P0RankCorrelation), SeedStats.Of(g, MetricKeys.CounterfactualSuccess),
                SeedStats.Of(g, MetricKeys.CounterfactualFairness), SeedStats.Of(g,
                    metric.Key), SeedStats.TestRowInterval(g, metric.Key), SeedStats.Of(g, MetricKeys.Error)))
            .Where(r => r.IdealFlips > 0)
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r
                => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ToArray();
    }

    private static bool IsIdeal(CellRecord c) =>
        c.Knob is null && c.Method != ResultsSummary.BaseMethod && c.MajorityRows is null
            && c.Budget == FlipBudget.IdealText;
}
