using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// Figure 2 of the paper: best EqOd (minimum over budgets of the seed-mean EqOd) against alpha, one line per strategy
/// with error bars of one seed standard deviation at that budget, and the no-action base line; one panel per dataset.
/// </summary>
public static class CollectiveSizeFigure
{
    /// <summary>Name of the experiment whose cells this figure draws.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.CollectiveSize;
    /// <summary>File stem of the figure's PNG and SVG.</summary>
    public const string FileName = "collective-size";

    /// <summary>The figure from the collective-size cells among <paramref name="cells"/>; a panel without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells)
    {
        var panels = new List<ScottPlot.Plot>();
        foreach (var panel in Panels.ByDataset(Panels.OfExperiment(cells, Experiment)))
        {
            var plot = PlotLook.NewPanel(panel.Title, AxisLabels.Alpha, AxisLabels.BestEqOd);
            var rows = ResultsSummary.BestByAlpha(panel.Cells.Where(c => c.MajorityRows is null && c.Method != ResultsSummary.BaseMethod));
            var styles = SeriesStyle.For(rows.Select(r => r.Method));
            foreach (var (method, style) in styles)
            {
                var line = rows.Where(r => r.Method == method).OrderBy(r => r.Alpha).ToArray();
                double[] xs = line.Select(r => r.Alpha).ToArray(), ys = line.Select(r => r.EqOd.Mean).ToArray();
                PlotLook.ErrorBars(plot, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                PlotLook.Line(plot, xs, ys, style);
            }
            var baseEqOd = BaseLine.EqOd(panel.Cells);
            if (baseEqOd.Count > 0) PlotLook.HorizontalReference(plot, baseEqOd.Mean, SeriesStyle.Base, SeriesStyle.Base.Name);
            if (rows.Count == 0 && baseEqOd.Count == 0) PlotLook.NoData(plot, "no cells");
            plot.Axes.SetLimitsY(0, double.NaN);
            PlotLook.LegendBelow(plot);
            panels.Add(plot);
        }
        return Figure.Grid(FileName, "Collective size: best EqOd against α",
            "Best EqOd over flip budgets (seed mean; bars: ± one seed standard deviation at that budget) against the collective's size α, "
            + "per strategy; the dash-dot line is the firm's model without collective action.", panels);
    }

    /// <summary>The tables behind the figure: the base model, and best EqOd per (dataset, learner, m, strategy, alpha) with the budget that attains it and its error.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells)
    {
        var own = Panels.OfExperiment(cells, Experiment);
        var rows = ResultsSummary.BestByAlpha(own.Where(c => c.Method != ResultsSummary.BaseMethod))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.Alpha)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, Rows(r.MajorityRows), r.Method, Number(r.Alpha), r.BestBudget, Number(r.MeanFlips, "0.#"), MeanStd(r.EqOd), MeanStd(r.Error)])
            .ToArray();
        return
        [
            BaseLine.Table(own),
            new ReportTable("Best EqOd by α", "Per α the flip budget with the lowest seed-mean EqOd; mean ± sample standard deviation over seeds.",
                ["dataset", "learner", "m", "strategy", "α", "best budget", "mean flips", "EqOd", "error"], rows),
        ];
    }
}
