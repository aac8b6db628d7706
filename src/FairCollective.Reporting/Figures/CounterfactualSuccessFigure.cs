using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Tables;
using ScottPlot;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of cells that carry the counterfactual metric (<see cref="FigureKind.CounterfactualSuccess"/>; synthetic
/// data, where the counterfactual g is known). With cells at the ideal's own flip count M* (budget <c>ideal</c>), the
/// matched comparison (<see cref="IdealComparison"/>): per dataset S(alpha), the fairness metric and the precision of
/// the flips against the ideal's, every strategy flipping M* members, the Oracle (the ideal relabelling itself) as the
/// reference. Without them, S(alpha) against alpha at the budget with the highest seed-mean S. One legend for all.
/// </summary>
public static class CounterfactualSuccessFigure
{
    /// <summary>The paper experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.Synthetic;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-counterfactual-success).</summary>
    public const string Slug = "counterfactual-success";

    /// <summary><see cref="CounterfactualSummary.BestByAlpha"/> in the legends' order: the paper's strategies
    /// first.</summary>
    public static IReadOnlyList<SuccessRow> BestSuccess(IEnumerable<CellRecord> cells, ShownMetric? metric = null) =>
        CounterfactualSummary.BestByAlpha(cells, metric)
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal)
            .ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ToArray();

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    /// <param name="cells">The store's cells.</param>
    /// <param name="experiment">The experiment drawn.</param>
    /// <param name="selection">Its metric is drawn only beside S(α) in the matched comparison with the ideal; the
    /// tables show it.</param>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var own = Panels.OfExperiment(cells, experiment);
        if (IdealComparison.Present(own)) return Matched(own, experiment, (selection ?? BudgetSelection.Paper).Shown);
        var styles = SeriesStyle.For(ExperimentShape.CollectiveCells(own).Select(c => c.Method));
        var panels = new List<Plot>();
        foreach (var panel in Panels.ByDataset(own))
        {
            var plot = PlotLook.NewPanel(panel.Title, AxisLabels.Alpha, AxisLabels.CounterfactualSuccess);
            var rows = BestSuccess(panel.Cells);
            foreach (var (method, style) in styles)
            {
                var line = rows.Where(r => r.Method == method).OrderBy(r => r.Alpha).ToArray();
                if (line.Length == 0) continue;
                double[] xs = line.Select(r => r.Alpha).ToArray(), ys = line.Select(r => r.Success.Mean).ToArray();
                PlotLook.ErrorBars(plot, xs, ys, line.Select(r => r.Success.Std).ToArray(), style);
                PlotLook.Line(plot, xs, ys, style);
            }
            var baseS = SeedStats.Of(BaseLine.Cells(panel.Cells), MetricKeys.CounterfactualSuccess);
            if (baseS.Count > 0) PlotLook.HorizontalReference(plot, baseS.Mean, SeriesStyle.Base,
                SeriesStyle.Base.Name);
            if (rows.Count == 0 && baseS.Count == 0) PlotLook.NoData(plot, "no cells");
            else plot.Axes.SetLimitsY(double.NaN, 1);
            panels.Add(plot);
        }
        return Figure.Grid(FigureNaming.FileName(experiment, Experiment, Slug), FigureNaming.Title(experiment,
            "S(α) against α", own),
            "S(α) = P₀[h(g(x)) = h(x)] over minority test rows (seed mean at the budget that maximises it; bars: ± " +
                "one seed standard deviation) "
            + "against α, per strategy and for the oracle that flips exactly the members whose counterfactual label " +
                "is 1.", panels).WithSharedLegend();
    }

    // Three panels per dataset at M*: S(alpha) and precision with t bands over seeds, the metric with its test-row
    // band.
    private static Figure Matched(IReadOnlyList<CellRecord> own, string experiment, ShownMetric metric)
    {
        var styles = SeriesStyle.For(ExperimentShape.CollectiveCells(own).Select(c => c.Method));
        var panels = new List<Plot>();
        foreach (var panel in Panels.ByDataset(own))
        {
            var rows = IdealComparison.Rows(panel.Cells, metric);
            var success = PlotLook.NewPanel($"{panel.Title}: S(α) at M*", AxisLabels.Alpha,
                AxisLabels.CounterfactualSuccess);
            var fairness = PlotLook.NewPanel($"{panel.Title}: {metric.Name} at M*", AxisLabels.Alpha,
                AxisLabels.Of(metric));
            var precision = PlotLook.NewPanel($"{panel.Title}: precision at M*", AxisLabels.Alpha,
                AxisLabels.IdealPrecision);
            foreach (var (method, style) in styles)
            {
                var line = rows.Where(r => r.Method == method && !double.IsNaN(r.Precision.Mean)).OrderBy(r
                    => r.Alpha).ToArray();
                if (line.Length == 0) continue;
                double[] xs = line.Select(r => r.Alpha).ToArray();
                foreach (var (plot, values, band) in new[]
                {
                    (success, line.Select(r => r.Success).ToArray(), line.Select(r
                        => r.Success.MeanInterval()).ToArray()),
                    (fairness, line.Select(r => r.Metric).ToArray(), line.Select(r => r.MetricInterval).ToArray()),
                    (precision, line.Select(r => r.Precision).ToArray(), line.Select(r
                        => r.Precision.MeanInterval()).ToArray()),
                })
                {
                    double[] ys = values.Select(v => v.Mean).ToArray();
                    PlotLook.IntervalBandWhereFinite(plot, xs, band, style);
                    PlotLook.ErrorBars(plot, xs, ys, values.Select(v => v.Std).ToArray(), style);
                    PlotLook.Line(plot, xs, ys, style);
                }
            }
            var baseS = SeedStats.Of(BaseLine.Cells(panel.Cells), MetricKeys.CounterfactualSuccess);
            if (baseS.Count > 0) PlotLook.HorizontalReference(success, baseS.Mean, SeriesStyle.Base,
                SeriesStyle.Base.Name);
            var baseMetric = BaseLine.Of(panel.Cells, metric);
            if (baseMetric.Count > 0) PlotLook.HorizontalReference(fairness, baseMetric.Mean, SeriesStyle.Base,
                SeriesStyle.Base.Name);
            foreach (var plot in new[] { success, fairness, precision })
                if (rows.Count == 0) PlotLook.NoData(plot, "no cells at M*");
            precision.Axes.SetLimitsY(0, 1.05);
            panels.AddRange([success, fairness, precision]);
        }
        return new Figure(FigureNaming.FileName(experiment, Experiment, Slug, metric), FigureNaming.Title(experiment,
            "every strategy at the ideal's flip count M*", own),
            $"Every strategy flips M* pool members, as many as the ideal relabelling (the Oracle: exactly the " +
                "members with P0(y = 1 | g(x)) >= 1/2). "
            + $"Left: counterfactual success S(α); middle: {metric.Name} ({metric.Fairer}); right: the share of the " +
                "strategy's flips the ideal also makes. "
            + "Seed means; bars: ± one seed standard deviation; bands: 95% t interval over seeds (S, precision) or " +
                "the test-row bootstrap interval of the seed mean "
            + $"({metric.Name}). The dash-dot line is the firm's model without collective action.", panels, Columns:
                3).WithSharedLegend();
    }

    /// <summary>The table behind the figure: the rows of <see cref="BestSuccess"/>.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var rows = BestSuccess(own, metric)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Method, Number(r.Alpha), r.Budget,
                Number(r.MeanFlips, "0.#"), MeanStd(r.Success), MeanStd(r.EqOd), MeanStd(r.Error)])
            .ToArray();
        return
        [
            .. IdealComparisonTable.Of(own, metric),
            new ReportTable("Best counterfactual success S(α) by α",
                "Per α the budget with the highest seed-mean S(α); mean ± sample standard deviation over seeds.",
                ["dataset", "learner", "strategy", "α", "best budget", "mean flips", "S(α)", metric.Name,
                    "error"], rows),
        ];
    }
}
