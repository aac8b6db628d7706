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
/// <param name="EqOd">The chosen metric (EqOd unless the selection names another) at that budget over seeds.</param>
/// <param name="Error">Test error at that budget over seeds.</param>
/// <param name="EqOdInterval">The test-row interval of the seed-mean EqOd (<see cref="SeedStats.TestRowInterval"/>);
/// null without stored intervals.</param>
/// <param name="ErrorInterval">The test-row interval of the seed-mean error at that budget; null without stored
/// intervals.</param>
public sealed record BestEqOdRow(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha,
    string BestBudget, double MeanFlips, SeedStats EqOd, SeedStats Error, (double Low,
        double High)? EqOdInterval = null,
    (double Low, double High)? ErrorInterval = null);

/// <summary>One row of the EqOd-by-budget table.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="MajorityRows">m, the known majority rows; null = all.</param>
/// <param name="Method">The strategy (or "Base").</param>
/// <param name="Alpha">The collective's size as a share of the minority's training rows.</param>
/// <param name="Budget">The flip budget as the spec gave it.</param>
/// <param name="MeanFlips">Flips, averaged over seeds (a share of the pool gives different counts per seed).</param>
/// <param name="EqOd">The shown metric (EqOd unless another was chosen) over seeds.</param>
/// <param name="Error">Test error over seeds.</param>
/// <param name="EqOdInterval">The test-row interval of the shown metric's seed mean
/// (<see cref="SeedStats.TestRowInterval"/>); null without stored intervals.</param>
/// <param name="ErrorInterval">The test-row interval of the seed-mean error; null without stored intervals.</param>
public sealed record BudgetRow(string Dataset, string Learner, int? MajorityRows, string Method, double Alpha,
    string Budget,
    double MeanFlips, SeedStats EqOd, SeedStats Error, (double Low, double High)? EqOdInterval = null, (double Low,
        double High)? ErrorInterval = null);

/// <summary>
/// The tables of method.md section 4 from stored cells: per (dataset, learner, m, method, alpha, budget) the mean and
/// spread over seeds; "best EqOd at alpha" under a named <see cref="BudgetSelection"/> (default the paper's rule: the
/// minimum over budgets of the seed-mean test EqOd).
/// </summary>
public static class ResultsSummary
{
    /// <summary>The method of the unchanged firm's cells ("Base").</summary>
    public const string BaseMethod = Store.CellConfig.BaseMethod;

    /// <summary>
    /// Seed statistics of <paramref name="metric"/> (default EqOd) and error per (dataset, learner, m, method, alpha,
    /// budget), with their test-row intervals where stored; firm-side cells left out; ordered by those keys, budgets by
    /// mean flips.
    /// </summary>
    public static IReadOnlyList<BudgetRow> ByBudget(IEnumerable<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        return cells.Where(c => c.Knob is null)
            .GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Method, c.Alpha, c.Budget))
            .Select(g => (Row: new BudgetRow(g.Key.Dataset, g.Key.Learner, g.Key.MajorityRows, g.Key.Method,
                g.Key.Alpha, g.Key.Budget,
                g.Average(c => (double)c.Flips), SeedStats.Of(g, metric.Key), SeedStats.Of(g, MetricKeys.Error),
                SeedStats.TestRowInterval(g, metric.Key), SeedStats.TestRowInterval(g,
                    MetricKeys.Error)), Order: BudgetOrder(g.First())))
            .OrderBy(r => r.Row.Dataset, StringComparer.Ordinal).ThenBy(r => r.Row.Learner,
                StringComparer.Ordinal).ThenBy(r => r.Row.MajorityRows ?? int.MaxValue)
            .ThenBy(r => r.Row.Method, StringComparer.Ordinal).ThenBy(r => r.Row.Alpha).ThenBy(r
                => r.Row.MeanFlips).ThenBy(r => r.Order)
            .Select(r => r.Row)
            .ToArray();
    }

    /// <summary>
    /// Per (dataset, learner, m, method, alpha), the best budget's EqOd and error on test under
    /// <paramref name="selection"/> (default: the paper's rule, the lowest seed-mean test EqOd). Budgets whose choosing
    /// metric is undefined are skipped.
    /// </summary>
    public static IReadOnlyList<BestEqOdRow> BestByAlpha(IEnumerable<CellRecord> cells,
        BudgetSelection? selection = null)
    {
        selection ??= BudgetSelection.Paper;
        var collected = cells.Where(c => c.Knob is null).ToArray();
        selection.CheckAvailable(collected.Where(c => c.Method != BaseMethod));
        return collected
            .GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Method, c.Alpha))
            .Select(g => selection.Best == BestDefinition.MinOfSeedMeans ? OneBudget(g.Key, g,
                selection) : PerSeed(g.Key, g, selection))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r
                => r.MajorityRows ?? int.MaxValue)
            .ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ToArray();
    }

    /// <summary>
    /// The best budget shown where no budget flips anything (an empty collective or pool, as at α = 0): every budget
    /// gives the unchanged firm, so none is better than another.
    /// </summary>
    public const string NoFlipsBudget = "none (nothing flipped)";

    // Budgets in the order the spec's values run: shares of the pool, then counts, then the ideal M*, each by value
    // (the tie-break where mean flips are equal, as at alpha = 0 where every budget flips nothing).
    private static (int Kind, double Value) BudgetOrder(CellRecord cell) => cell.Config?.Budget switch
    {
        { IsIdeal: true } => (2, 0),
        { Count: { } n } => (1, n),
        { Fraction: { } f } => (0, f),
        _ => (3, 0),
    };

    private static BestEqOdRow OneBudget((string Dataset, string Learner, int? MajorityRows, string Method,
        double Alpha) k, IEnumerable<CellRecord> cells, BudgetSelection selection)
    {
        var budgets = cells.GroupBy(c => c.Budget).Select(b => (Budget: b.Key, Cells: b.ToArray(),
            Choosing: SeedStats.Of(b, selection.ChoosingKey)))
            .OrderBy(b => BudgetOrder(b.Cells[0])).ToArray();
        var best = budgets.Where(b => !double.IsNaN(b.Choosing.Mean)).OrderBy(b
            => selection.Direction * b.Choosing.Mean).ThenBy(b => b.Cells.Average(c
            => (double)c.Flips)).FirstOrDefault();
        if (best.Cells is null) best = budgets.OrderBy(b => b.Cells.Average(c => (double)c.Flips)).First();
        bool nothingFlipped = budgets.All(b => b.Cells.All(c => c.Flips == 0));
        return new BestEqOdRow(k.Dataset, k.Learner, k.MajorityRows, k.Method, k.Alpha,
            nothingFlipped ? NoFlipsBudget : best.Budget, best.Cells.Average(c => (double)c.Flips),
            SeedStats.Of(best.Cells, selection.Metric), SeedStats.Of(best.Cells, MetricKeys.Error),
            SeedStats.TestRowInterval(best.Cells, selection.Metric), SeedStats.TestRowInterval(best.Cells,
                MetricKeys.Error));
    }

    // Each seed picks its own budget by the choosing metric; the reported numbers are that seed's test numbers.
    private static BestEqOdRow PerSeed((string Dataset, string Learner, int? MajorityRows, string Method,
        double Alpha) k, IEnumerable<CellRecord> cells, BudgetSelection selection)
    {
        var all = cells.ToArray();
        var chosen = all.GroupBy(c => c.Seed)
            .Select(seed => seed.OrderBy(BudgetOrder).Where(c
                => !double.IsNaN(c.Metrics.GetValueOrDefault(selection.ChoosingKey, double.NaN)))
                .OrderBy(c => selection.Direction * c.Metrics[selection.ChoosingKey]).ThenBy(c
                    => c.Flips).FirstOrDefault() ?? seed.OrderBy(c => c.Flips).First())
            .ToArray();
        return new BestEqOdRow(k.Dataset, k.Learner, k.MajorityRows, k.Method, k.Alpha, all.All(c
            => c.Flips == 0) ? NoFlipsBudget : "per seed", chosen.Average(c => (double)c.Flips),
            SeedStats.Of(chosen, selection.Metric), SeedStats.Of(chosen, MetricKeys.Error),
            SeedStats.TestRowInterval(chosen, selection.Metric), SeedStats.TestRowInterval(chosen, MetricKeys.Error));
    }
}
