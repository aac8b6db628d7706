using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>The matched comparison with the ideal relabelling as a table (none when no cell flips M*).</summary>
public static class IdealComparisonTable
{
    /// <summary>One row per (dataset, learner, strategy, alpha) at M*, with the precision random flips would have in
    /// expectation beside it.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var rows = IdealComparison.Rows(cells, metric);
        if (rows.Count == 0) return [];
        return
        [
            new ReportTable("The ideal relabelling: every strategy at M* flips",
                $"Every strategy flips as many pool members as the ideal (M*, the members with P0(y = 1 | g(x)) >= " +
                    "1/2); Oracle is the ideal itself. "
                + "Precision: the share of its flips the ideal also makes (random flips: the ideal's share of the " +
                    "pool, in expectation); rank corr.: Spearman "
                + $"correlation of its scores with P0 over the pool. Mean ± sample standard deviation over seeds; " +
                    $"{metric.Name} with its test-row interval.",
                ["dataset", "learner", "strategy", "α", "seeds", "mean M*", "ideal share of pool", "precision at M*",
                    "rank corr.", "S(α)", "CF-fair rate", metric.Name,
                    $"{metric.Name} test-row CI", "error"],
                rows.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Method, Number(r.Alpha),
                    Count(r.Seeds), Number(r.IdealFlips, "0.#"), Number(r.PoolShare, "0.000"),
                    MeanStd(r.Precision), MeanStd(r.RankCorrelation), MeanStd(r.Success),
                        MeanStd(r.CounterfactualFairness), MeanStd(r.Metric),
                    SeedStats.Format(r.MetricInterval), MeanStd(r.Error)]).ToArray()),
        ];
    }
}
