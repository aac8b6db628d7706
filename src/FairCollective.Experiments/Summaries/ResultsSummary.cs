using FairCollective.Experiments.Store;

namespace FairCollective.Experiments.Summaries;

/// <summary>One row of the best-EqOd-by-alpha table.</summary>
public sealed record BestEqOdRow(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha,
    string BestBudget, double MeanFlips, SeedStats EqOd, SeedStats Error);

/// <summary>One row of the EqOd-by-budget table.</summary>
public sealed record BudgetRow(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha, string Budget,
    double MeanFlips, SeedStats EqOd, SeedStats Error);

/// <summary>
/// The tables of method.md section 4 from stored cells: per (dataset, learner, m, method, alpha, budget) the mean and
/// spread over seeds; "best EqOd at alpha" is the minimum over budgets of the seed-mean EqOd.
/// </summary>
public static class ResultsSummary
{
    public const string BaseMethod = Store.CellConfig.BaseMethod;

    public static IReadOnlyList<BudgetRow> ByBudget(IEnumerable<CellRecord> cells) =>
        cells.Where(c => c.Knob is null)
            .GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Method, c.Alpha, c.Budget))
            .Select(g => new BudgetRow(g.Key.Dataset, g.Key.Learner, g.Key.MajorityRows, g.Key.Method, g.Key.Alpha, g.Key.Budget,
                g.Average(c => (double)c.Flips), SeedStats.Of(g, MetricNames.EqOd), SeedStats.Of(g, MetricNames.Error)))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r => r.MajorityRows ?? int.MaxValue)
            .ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha).ThenBy(r => r.MeanFlips)
            .ToArray();

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
