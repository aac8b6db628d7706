using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting;

/// <summary>
/// The tables of one experiment, computed once and shown alike by the report (index.html, summary.md) and the console
/// (<c>run</c>, <c>reproduce</c>, <c>results show</c>): the base model, the by-group rates, the tables behind every
/// figure kind its grid supports (<see cref="ExperimentShape"/>), and the strategies against Random. A renderer only
/// lays the rows out; it never computes a number, so the outputs cannot disagree.
/// </summary>
public static class ExperimentTables
{
    /// <summary>Every table of <paramref name="experiment"/> among <paramref name="cells"/>, in display
    /// order.</summary>
    /// <param name="cells">The store's cells (other experiments' are ignored).</param>
    /// <param name="experiment">The experiment.</param>
    /// <param name="selection">The rule that chooses a best budget and the metric shown (default: the paper's rule on
    /// EqOd).</param>
    /// <param name="toy">The toy figure's points, tabulated with the toy's cells; null: the engine's toy run
    /// (<see cref="ToyScenario"/>), as the report draws it.</param>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> cells, string experiment,
        BudgetSelection? selection = null, ToyFigureData? toy = null)
    {
        selection ??= BudgetSelection.Paper;
        var metric = selection.Shown;
        var own = Panels.OfExperiment(cells, experiment);
        // The toy's cells are tabulated as its section always showed them (its figure is drawn from its own points).
        if (experiment == ToyFigure.Experiment) return ToyFigure.Tables(toy
            ?? (own.Count > 0 ? ToyFigureData.Of(ToyScenario.Run()) : null), own);
        var kinds = ExperimentFigures.For(ExperimentShape.Of(experiment, own));
        IEnumerable<ReportTable> behindFigures = kinds.Length == 0 ? [SeedMeans(own, experiment,
            selection)] : kinds.SelectMany(k => k.Tables(own, experiment, selection));
        return
        [
            .. BaseLine.Cells(own).Any() ? [BaseLine.Table(own, metric)] : Array.Empty<ReportTable>(),
            .. ByGroupTable.Of(own, selection),
            .. behindFigures,
            .. RandomComparisonTables.Of(own, metric),
        ];
    }

    /// <summary>The seed means of every setting, for a grid with no axis to draw (one α, one budget, one m, no
    /// firm-side method).</summary>
    private static ReportTable SeedMeans(IReadOnlyList<CellRecord> own, string experiment, BudgetSelection selection)
    {
        var metric = selection.Shown;
        return new($"Seed means of '{experiment}'", "Mean ± sample standard deviation over seeds.",
            ["dataset", "learner", "m", "method", "α", "budget", "knob", "mean flips", metric.Name, "error"],
            SeedMeanPoint.Of(own.Where(c => c.Method != ResultsSummary.BaseMethod), metric)
                .Select(p => (IReadOnlyList<string>)[p.Dataset, p.Learner, Rows(p.MajorityRows), p.Method,
                    Number(p.Alpha), p.Budget,
                    p.Knob is { } k ? Number(k) : "", Number(p.MeanFlips, "0.#"), MeanStd(p.EqOd), MeanStd(p.Error)])
                .ToArray());
    }
}
