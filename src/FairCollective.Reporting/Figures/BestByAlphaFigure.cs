using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

using FairCollective.Fairness;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of an alpha sweep (<see cref="FigureKind.BestByAlpha"/>; Figure 2 of the paper): best EqOd (minimum
/// over budgets of the seed-mean EqOd; or the best value of another chosen <see cref="ShownMetric"/>) against alpha,
/// one line per strategy with error bars of one seed standard deviation at that budget and a band of the test-row
/// interval where cells store one, and the no-action base line; beside it the error cost, the test error at that same
/// budget. One row of two panels per dataset, one legend for all.
/// </summary>
public static class BestByAlphaFigure
{
    /// <summary>The paper experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.CollectiveSize;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-eqod-by-alpha).</summary>
    public const string Slug = "eqod-by-alpha";

    /// <summary>
    /// The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>: per dataset a panel
    /// of best EqOd against alpha and a panel of the error at that budget; a panel without data says so.
    /// </summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var styles = SeriesStyle.For(ExperimentShape.CollectiveCells(own).Select(c => c.Method));
        var panels = new List<ScottPlot.Plot>();
        foreach (var panel in Panels.ByDataset(own))
        {
            var rows = ResultsSummary.BestByAlpha(Panels.MostInformed(panel.Cells), selection ?? BudgetSelection.Paper);
            var eqod = PlotLook.NewPanel(panel.Title, AxisLabels.Alpha, AxisLabels.Best(metric));
            var error = PlotLook.NewPanel($"{panel.Title}: its error cost", AxisLabels.Alpha, AxisLabels.ErrorAtBest);
            foreach (var (method, style) in styles)
            {
                var line = rows.Where(r => r.Method == method).OrderBy(r => r.Alpha).ToArray();
                if (line.Length == 0) continue;
                double[] xs = line.Select(r => r.Alpha).ToArray();
                double[] ys = line.Select(r => r.EqOd.Mean).ToArray(), es = line.Select(r => r.Error.Mean).ToArray();
                // The test-row interval (how sure each seed's own test set makes the mean) as a band, the seed spread
                // as bars.
                PlotLook.IntervalBandWhereFinite(eqod, xs, line.Select(r => r.EqOdInterval).ToArray(), style);
                PlotLook.ErrorBars(eqod, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                PlotLook.Line(eqod, xs, ys, style);
                PlotLook.IntervalBandWhereFinite(error, xs, line.Select(r => r.ErrorInterval).ToArray(), style);
                PlotLook.ErrorBars(error, xs, es, line.Select(r => r.Error.Std).ToArray(), style);
                PlotLook.Line(error, xs, es, style);
            }
            SeedStats baseEqOd = BaseLine.Of(panel.Cells, metric), baseError = BaseLine.Error(panel.Cells);
            if (baseEqOd.Count > 0) PlotLook.HorizontalReference(eqod, baseEqOd.Mean, SeriesStyle.Base,
                SeriesStyle.Base.Name);
            if (baseError.Count > 0) PlotLook.HorizontalReference(error, baseError.Mean, SeriesStyle.Base,
                SeriesStyle.Base.Name);
            if (rows.Count == 0 && baseEqOd.Count == 0)
            {
                PlotLook.NoData(eqod, "no cells");
                PlotLook.NoData(error, "no cells");
            }
            else eqod.Axes.SetLimitsY(0, double.NaN);
            panels.Add(eqod);
            panels.Add(error);
        }
        return new Figure(FigureNaming.FileName(experiment, Experiment, Slug, metric), FigureNaming.Title(experiment,
            $"best {metric.Name} and its error cost against α", own),
            $"Left: best {metric.Name} over flip budgets ({metric.Fairer}; seed mean; bars: ± one seed standard " +
                "deviation at that budget; shaded band, where stored: "
            + "the test-row bootstrap interval of the seed mean) against the collective's size α, per strategy. " +
                "Right: the firm's test error at that same budget (seed mean ± one seed standard deviation; band: " +
                "its test-row interval). "
            + "The dash-dot line is the firm's model without collective action.", panels, Columns:
                2).WithSharedLegend();
    }

    /// <summary>
    /// The tables behind the figure: best value of the shown metric per (dataset, learner, m, strategy, alpha) with the
    /// budget that attains it and its error, under <paramref name="selection"/> (default the paper's rule, budget
    /// chosen on test) and, when the cells were also measured on a validation split and the rule chose on test, with
    /// the budget chosen there; each table names its rule.
    /// </summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        selection ??= BudgetSelection.Paper;
        var metric = selection.Shown;
        var own = ExperimentShape.CollectiveCells(Panels.OfExperiment(cells, experiment)).ToArray();
        var rules = new List<BudgetSelection> { selection };
        var onValidation = selection with { Split = SelectionSplit.Validation };
        if (selection.Split == SelectionSplit.Test && own.Any(c
            => c.Metrics.ContainsKey(onValidation.ChoosingKey))) rules.Add(onValidation);
        return rules.Select(rule => new ReportTable(
            rule.Split == SelectionSplit.Test ? $"Best {metric.Name} by α" :
                $"Best {metric.Name} by α, budget chosen on validation",
            $"Per α the best flip budget: {rule.Describe()}. Mean ± sample standard deviation over seeds, on test; " +
                "the test-row interval combines each seed's bootstrap interval over its test rows.",
            ["dataset", "learner", "m", "strategy", "α", "best budget", "mean flips", metric.Name,
                $"{metric.Name} test-row CI", "error", "error test-row CI", "seeds"],
            ResultsSummary.BestByAlpha(own, rule)
                .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r
                    => r.MajorityRows ?? int.MaxValue)
                .ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.Alpha)
                .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, Rows(r.MajorityRows), r.Method,
                    Number(r.Alpha), r.BestBudget, Number(r.MeanFlips, "0.#"), MeanStd(r.EqOd),
                    SeedStats.Format(r.EqOdInterval), MeanStd(r.Error), SeedStats.Format(r.ErrorInterval),
                        Count(r.EqOd.Count)])
                .ToArray())).ToArray();
    }
}
