using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>S(alpha) per (dataset, learner, strategy, alpha) at the budget that maximises its seed mean.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="Method">Strategy (or Oracle).</param>
/// <param name="Alpha">Collective size as a share of the minority's training rows.</param>
/// <param name="Budget">The budget with the highest seed-mean S(alpha), as the spec gave it.</param>
/// <param name="MeanFlips">Flips M at that budget, averaged over seeds.</param>
/// <param name="Success">S(alpha) over seeds, in [0, 1].</param>
/// <param name="EqOd">The shown fairness metric (EqOd unless another was chosen) over seeds at that budget.</param>
/// <param name="Error">Test error over seeds at that budget.</param>
public sealed record SuccessRow(string Dataset, string Learner, string Method, double Alpha, string Budget,
    double MeanFlips,
    SeedStats Success, SeedStats EqOd, SeedStats Error);

/// <summary>Counterfactual success S(alpha) on data whose counterfactual is known (synthetic data): the analogue of
/// best EqOd by alpha.</summary>
public static class CounterfactualSummary
{
    /// <summary>One row per (dataset, learner, strategy, alpha) of the collective cells with all majority rows known,
    /// at the budget with the highest seed-mean S(alpha) (the first budget when S is undefined at every budget);
    /// ordinal order.</summary>
    /// <param name="cells">The cells.</param>
    /// <param name="metric">The fairness metric shown beside S(alpha) in <see cref="SuccessRow.EqOd"/> (default
    /// EqOd).</param>
    public static IReadOnlyList<SuccessRow> BestByAlpha(IEnumerable<CellRecord> cells, ShownMetric? metric = null) =>
        ExperimentShape.CollectiveCells(cells).Where(c => c.MajorityRows is null)
            .GroupBy(c => (c.Dataset, c.Learner, c.Method, c.Alpha, c.Budget))
            .Select(g => new SuccessRow(g.Key.Dataset, g.Key.Learner, g.Key.Method, g.Key.Alpha, g.Key.Budget,
                g.Average(c => (double)c.Flips),
                SeedStats.Of(g, MetricKeys.CounterfactualSuccess), SeedStats.Of(g, (metric
                    ?? ShownMetric.EqOd).Key), SeedStats.Of(g, MetricKeys.Error)))
            .GroupBy(r => (r.Dataset, r.Learner, r.Method, r.Alpha))
            .Select(g => g.Where(r => !double.IsNaN(r.Success.Mean)).MaxBy(r => r.Success.Mean) ?? g.First())
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ToArray();
}
