using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// Figure 3 of the paper: EqOd against the number of flips M at a fixed alpha, every strategy and Random, the seed
/// spread as a band of one standard deviation; one panel per dataset (and per alpha when the store holds several).
/// </summary>
public static class FlipEfficiencyFigure
{
    /// <summary>Name of the experiment whose cells this figure draws.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.FlipEfficiency;
    /// <summary>File stem of the figure's PNG and SVG.</summary>
    public const string FileName = "flip-efficiency";

    /// <summary>The figure from the flip-efficiency cells among <paramref name="cells"/>; a panel without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells)
    {
        var panels = new List<ScottPlot.Plot>();
        foreach (var panel in Panels.ByDataset(Panels.OfExperiment(cells, Experiment)))
        {
            var rows = ResultsSummary.ByBudget(panel.Cells.Where(c => c.MajorityRows is null && c.Method != ResultsSummary.BaseMethod));
            var alphas = rows.Select(r => r.Alpha).Distinct().Order().ToArray();
            var baseEqOd = BaseLine.EqOd(panel.Cells);
            foreach (var alpha in alphas.DefaultIfEmpty(double.NaN))
            {
                var plot = PlotLook.NewPanel($"{panel.Title}, α = {Number(alpha)}", AxisLabels.Flips, AxisLabels.EqOd);
                var atAlpha = rows.Where(r => r.Alpha.Equals(alpha)).ToArray();
                foreach (var (method, style) in SeriesStyle.For(atAlpha.Select(r => r.Method)))
                {
                    var line = atAlpha.Where(r => r.Method == method).OrderBy(r => r.MeanFlips).ToArray();
                    double[] xs = line.Select(r => r.MeanFlips).ToArray(), ys = line.Select(r => r.EqOd.Mean).ToArray();
                    if (line.Length > 1) PlotLook.Band(plot, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                    else PlotLook.ErrorBars(plot, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                    PlotLook.Line(plot, xs, ys, style);
                }
                if (baseEqOd.Count > 0) PlotLook.HorizontalReference(plot, baseEqOd.Mean, SeriesStyle.Base, SeriesStyle.Base.Name);
                if (atAlpha.Length == 0 && baseEqOd.Count == 0) PlotLook.NoData(plot, "no cells");
                plot.Axes.SetLimitsY(0, double.NaN);
                PlotLook.LegendBelow(plot);
                panels.Add(plot);
            }
        }
        return Figure.Grid(FileName, "Flip efficiency: EqOd against the number of flips",
            "EqOd (seed mean; band: ± one seed standard deviation) against the number of relabelled pool members M at a fixed α, "
            + "for every strategy and the Random baseline; the dash-dot line is the firm's model without collective action.", panels);
    }

    /// <summary>The tables behind the figure: the base model, and EqOd and error per (dataset, learner, alpha, strategy, budget), mean ± sample standard deviation over seeds.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells)
    {
        var own = Panels.OfExperiment(cells, Experiment);
        var rows = ResultsSummary.ByBudget(own.Where(c => c.Method != ResultsSummary.BaseMethod))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.MeanFlips)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, Number(r.Alpha), r.Method, r.Budget, Number(r.MeanFlips, "0.#"), MeanStd(r.EqOd), MeanStd(r.Error)])
            .ToArray();
        return
        [
            BaseLine.Table(own),
            new ReportTable("EqOd by flip budget", "Mean ± sample standard deviation over seeds.",
                ["dataset", "learner", "α", "strategy", "budget", "mean flips", "EqOd", "error"], rows),
        ];
    }
}
