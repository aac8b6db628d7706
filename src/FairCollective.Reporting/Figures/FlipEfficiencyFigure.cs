using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of a budget sweep (<see cref="FigureKind.EqOdByFlips"/>; Figure 3 of the paper): EqOd against the number of
/// flips M at a fixed alpha, every strategy (and Random), the seed spread as a band of one standard deviation; one panel
/// per dataset and alpha, one legend for all.
/// </summary>
public static class FlipEfficiencyFigure
{
    /// <summary>The paper experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.FlipEfficiency;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-eqod-by-flips).</summary>
    public const string Slug = "eqod-by-flips";

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment)
    {
        var own = Panels.OfExperiment(cells, experiment);
        var styles = SeriesStyle.For(ExperimentShape.CollectiveCells(own).Select(c => c.Method));
        var panels = new List<ScottPlot.Plot>();
        foreach (var panel in Panels.ByDataset(own))
        {
            var rows = ResultsSummary.ByBudget(Panels.MostInformed(panel.Cells));
            var alphas = rows.Select(r => r.Alpha).Distinct().Order().ToArray();
            var baseEqOd = BaseLine.EqOd(panel.Cells);
            foreach (var alpha in alphas.DefaultIfEmpty(double.NaN))
            {
                var plot = PlotLook.NewPanel($"{panel.Title}, α = {Number(alpha)}", AxisLabels.Flips, AxisLabels.EqOd);
                var atAlpha = rows.Where(r => r.Alpha.Equals(alpha)).ToArray();
                foreach (var (method, style) in styles)
                {
                    var line = atAlpha.Where(r => r.Method == method).OrderBy(r => r.MeanFlips).ToArray();
                    if (line.Length == 0) continue;
                    double[] xs = line.Select(r => r.MeanFlips).ToArray(), ys = line.Select(r => r.EqOd.Mean).ToArray();
                    if (line.Length > 1) PlotLook.Band(plot, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                    else PlotLook.ErrorBars(plot, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                    PlotLook.Line(plot, xs, ys, style);
                }
                if (baseEqOd.Count > 0) PlotLook.HorizontalReference(plot, baseEqOd.Mean, SeriesStyle.Base, SeriesStyle.Base.Name);
                if (atAlpha.Length == 0 && baseEqOd.Count == 0) PlotLook.NoData(plot, "no cells");
                else plot.Axes.SetLimitsY(0, double.NaN);
                panels.Add(plot);
            }
        }
        return Figure.Grid(FigureNaming.FileName(experiment, Experiment, Slug), FigureNaming.Title(experiment, "EqOd against the number of flips", own),
            "EqOd (seed mean; band: ± one seed standard deviation) against the number of relabelled pool members M at a fixed α, "
            + "for every strategy; the dash-dot line is the firm's model without collective action.", panels).WithSharedLegend();
    }

    /// <summary>The table behind the figure: EqOd and error per (dataset, learner, alpha, strategy, budget), mean ± sample standard deviation over seeds.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment)
    {
        var own = Panels.OfExperiment(cells, experiment);
        var rows = ResultsSummary.ByBudget(ExperimentShape.CollectiveCells(own))
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r => r.MajorityRows ?? int.MaxValue).ThenBy(r => r.Alpha)
            .ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.MeanFlips)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, Number(r.Alpha), r.Method, r.Budget, Number(r.MeanFlips, "0.#"), MeanStd(r.EqOd), MeanStd(r.Error)])
            .ToArray();
        return
        [
            new ReportTable("EqOd by flip budget", "Mean ± sample standard deviation over seeds.",
                ["dataset", "learner", "α", "strategy", "budget", "mean flips", "EqOd", "error"], rows),
            .. RandomComparisonTables.Of(own.ToArray()),
        ];
    }
}
