using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>One row of the best-EqOd-by-alpha table.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="MajorityRows">m, the known majority rows; null = all.</param>
/// <param name="Method">The strategy (or "Base").</param>
/// <param name="Alpha">The collective's size as a share of the minority's training rows.</param>
/// <param name="BestBudget">The budget with the lowest seed-mean EqOd, as the spec gave it.</param>
/// <param name="MeanFlips">Flips at that budget, averaged over seeds.</param>
/// <param name="EqOd">EqOd at that budget over seeds.</param>
/// <param name="Error">Test error at that budget over seeds.</param>
public sealed record BestEqOdRow(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha,
    string BestBudget, double MeanFlips, SeedStats EqOd, SeedStats Error);

/// <summary>One row of the EqOd-by-budget table.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="MajorityRows">m, the known majority rows; null = all.</param>
/// <param name="Method">The strategy (or "Base").</param>
/// <param name="Alpha">The collective's size as a share of the minority's training rows.</param>
/// <param name="Budget">The flip budget as the spec gave it.</param>
/// <param name="MeanFlips">Flips, averaged over seeds (a share of the pool gives different counts per seed).</param>
/// <param name="EqOd">EqOd over seeds.</param>
/// <param name="Error">Test error over seeds.</param>
public sealed record BudgetRow(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha, string Budget,
    double MeanFlips, SeedStats EqOd, SeedStats Error);

/// <summary>
/// The tables of method.md section 4 from stored cells: per (dataset, learner, m, method, alpha, budget) the mean and
/// spread over seeds; "best EqOd at alpha" is the minimum over budgets of the seed-mean EqOd.
/// </summary>
public static class ResultsSummary
{
    /// <summary>The method of the unchanged firm's cells ("Base").</summary>
    public const string BaseMethod = Store.CellConfig.BaseMethod;

    /// <summary>Seed statistics per (dataset, learner, m, method, alpha, budget), firm-side cells left out; ordered by those keys, budgets by mean flips.</summary>
    public static IReadOnlyList<BudgetRow> ByBudget(IEnumerable<CellRecord> cells) =>
        cells.Where(c => c.Knob is null)
            .GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Method, c.Alpha, c.Budget))
            .Select(g => new BudgetRow(g.Key.Dataset, g.Key.Learner, g.Key.MajorityRows, g.Key.Method, g.Key.Alpha, g.Key.Budget,
                g.Average(c => (double)c.Flips), SeedStats.Of(g, MetricKeys.EqOd), SeedStats.Of(g, MetricKeys.Error)))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r => r.MajorityRows ?? int.MaxValue)
            .ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha).ThenBy(r => r.MeanFlips)
            .ToArray();

    /// <summary>Per (dataset, learner, m, method, alpha), the budget row with the lowest seed-mean EqOd (the first row when EqOd is undefined at every budget).</summary>
    public static IReadOnlyList<BestEqOdRow> BestByAlpha(IEnumerable<CellRecord> cells) =>
        ByBudget(cells)
            .GroupBy(r => (r.Dataset, r.Learner, r.MajorityRows, r.Method, r.Alpha))
            .Select(g =>
            {
                var best = g.Where(r => !double.IsNaN(r.EqOd.Mean)).MinBy(r => r.EqOd.Mean) ?? g.First();
                return new BestEqOdRow(g.Key.Dataset, g.Key.Learner, g.Key.MajorityRows, g.Key.Method, g.Key.Alpha, best.Budget, best.MeanFlips, best.EqOd, best.Error);
            })
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r => r.MajorityRows ?? int.MaxValue)
            .ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ToArray();
}
