using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>One group's test-split rates of one setting, as seed means (the by-group table of cells).</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="Setting">What the firm was trained on: "Base" or "strategy, alpha, budget".</param>
/// <param name="Group">"minority" or "majority".</param>
/// <param name="Count">Test rows of the group (seed mean).</param>
/// <param name="BaseRate">P(y = 1 | group).</param>
/// <param name="SelectionRate">P(yhat = 1 | group).</param>
/// <param name="TruePositiveRate">P(yhat = 1 | y = 1, group).</param>
/// <param name="FalsePositiveRate">P(yhat = 1 | y = 0, group).</param>
/// <param name="FalseNegativeRate">P(yhat = 0 | y = 1, group).</param>
/// <param name="Error">P(yhat != y | group).</param>
public sealed record ByGroupRow(string Dataset, string Learner, string Setting, string Group, SeedStats Count,
    SeedStats BaseRate, SeedStats SelectionRate,
    SeedStats TruePositiveRate, SeedStats FalsePositiveRate, SeedStats FalseNegativeRate, SeedStats Error)
{
    /// <summary>
    /// Per (dataset, learner): the base model, then each strategy at the largest alpha at its best budget under
    /// <paramref name="selection"/> (default the paper's rule on EqOd; always one budget for all seeds, so that each
    /// row is one setting); per setting the minority's and the majority's rows. Cells stored before the per-group keys
    /// existed give NaN (shown as n/a).
    /// </summary>
    public static IReadOnlyList<ByGroupRow> Of(IEnumerable<CellRecord> cells, BudgetSelection? selection = null)
    {
        selection = (selection ?? BudgetSelection.Paper) with { Best = BestDefinition.MinOfSeedMeans };
        var collected = cells.Where(c => c.Knob is null).ToArray();
        var rows = new List<ByGroupRow>();
        foreach (var panel in collected.GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset,
            StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal))
        {
            var baseCells = panel.Where(c => c.Method == ResultsSummary.BaseMethod).ToArray();
            if (baseCells.Length > 0) rows.AddRange(Rows(panel.Key.Dataset, panel.Key.Learner,
                ResultsSummary.BaseMethod, baseCells));
            var collective = panel.Where(c => c.Method != ResultsSummary.BaseMethod
                && c.MajorityRows is null).ToArray();
            if (collective.Length == 0) continue;
            double alpha = collective.Max(c => c.Alpha);
            foreach (var best in ResultsSummary.BestByAlpha(collective.Where(c => c.Alpha.Equals(alpha)),
                selection).Where(r => r.Method != ResultsSummary.BaseMethod))
            {
                var chosen = collective.Where(c => c.Method == best.Method && c.Alpha.Equals(alpha)
                    && c.Budget == best.BestBudget).ToArray();
                rows.AddRange(Rows(panel.Key.Dataset, panel.Key.Learner, string.Create(CultureInfo.InvariantCulture,
                    $"{best.Method}, alpha {alpha:0.###}, budget {best.BestBudget}"), chosen));
            }
        }
        return rows;
    }

    private static IEnumerable<ByGroupRow> Rows(string dataset, string learner, string setting,
        IReadOnlyList<CellRecord> cells)
    {
        SeedStats S(string key) => SeedStats.Of(cells, key);
        yield return new ByGroupRow(dataset, learner, setting, "minority", S(MetricKeys.MinorityCount),
            S(MetricKeys.MinorityBaseRate), S(MetricKeys.MinoritySelectionRate),
            S(MetricKeys.MinorityTruePositiveRate), S(MetricKeys.MinorityFalsePositiveRate),
                S(MetricKeys.MinorityFalseNegativeRate), S(MetricKeys.ErrorMinority));
        yield return new ByGroupRow(dataset, learner, setting, "majority", S(MetricKeys.MajorityCount),
            S(MetricKeys.MajorityBaseRate), S(MetricKeys.MajoritySelectionRate),
            S(MetricKeys.MajorityTruePositiveRate), S(MetricKeys.MajorityFalsePositiveRate),
                S(MetricKeys.MajorityFalseNegativeRate), S(MetricKeys.ErrorMajority));
    }
}
