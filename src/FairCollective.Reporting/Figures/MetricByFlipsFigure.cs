using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

using FairCollective.Fairness;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of a budget sweep (<see cref="FigureKind.MetricByFlips"/>; Figure 3 of the paper): EqOd (or another
/// chosen <see cref="ShownMetric"/>) against the number of flips M at a fixed alpha, every strategy (and Random), the
/// seed spread as error bars of one standard deviation and, where cells store one, the test-row interval of the seed
/// mean as a band; one panel per dataset and alpha, one legend for all.
/// </summary>
public static class MetricByFlipsFigure
{
    /// <summary>The paper experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.FlipEfficiency;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-eqod-by-flips).</summary>
    public const string Slug = "eqod-by-flips";

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var styles = SeriesStyle.For(ExperimentShape.CollectiveCells(own).Select(c => c.Method));
        var panels = new List<ScottPlot.Plot>();
        // A small multiple: a panel per α where flips were made, at most ExperimentShape.MaxBudgetSweepAlphas of them.
        var drawn = ExperimentShape.DrawnAlphas(Panels.MostInformed(own));
        int alphaCount = ExperimentShape.CollectiveCells(own).Select(c => c.Alpha).Distinct().Count();
        foreach (var panel in Panels.ByDataset(own))
        {
            var rows = ResultsSummary.ByBudget(Panels.MostInformed(panel.Cells), metric);
            var alphas = drawn.Count > 0 ? drawn.Where(a => rows.Any(r => r.Alpha.Equals(a))).ToArray() : rows.Select(r
                => r.Alpha).Distinct().Order().ToArray();
            var baseEqOd = BaseLine.Of(panel.Cells, metric);
            foreach (var alpha in alphas.DefaultIfEmpty(double.NaN))
            {
                var plot = PlotLook.NewPanel($"{panel.Title}, α = {Number(alpha)}", AxisLabels.Flips,
                    AxisLabels.Of(metric));
                var atAlpha = rows.Where(r => r.Alpha.Equals(alpha)).ToArray();
                foreach (var (method, style) in styles)
                {
                    var line = atAlpha.Where(r => r.Method == method).OrderBy(r => r.MeanFlips).ToArray();
                    if (line.Length == 0) continue;
                    double[] xs = line.Select(r => r.MeanFlips).ToArray(), ys = line.Select(r => r.EqOd.Mean).ToArray();
                    // The test-row interval as a band where every point has one, the seed spread as bars (as in the
                    // alpha sweep).
                    PlotLook.IntervalBandWhereFinite(plot, xs, line.Select(r => r.EqOdInterval).ToArray(), style);
                    PlotLook.ErrorBars(plot, xs, ys, line.Select(r => r.EqOd.Std).ToArray(), style);
                    PlotLook.Line(plot, xs, ys, style);
                }
                if (baseEqOd.Count > 0) PlotLook.HorizontalReference(plot, baseEqOd.Mean, SeriesStyle.Base,
                    SeriesStyle.Base.Name);
                if (atAlpha.Length == 0 && baseEqOd.Count == 0) PlotLook.NoData(plot, "no cells");
                else plot.Axes.SetLimitsY(0, double.NaN);
                panels.Add(plot);
            }
        }
        return Figure.Grid(FigureNaming.FileName(experiment, Experiment, Slug, metric), FigureNaming.Title(experiment,
            $"{metric.Name} against the number of flips", own),
            $"{metric.Name} ({metric.Fairer}; seed mean; bars: ± one seed standard deviation; shaded band, where " +
                "stored: the test-row bootstrap interval of the seed mean) against the number of relabelled pool " +
                "members M at a fixed α, "
            + "for every strategy; the dash-dot line is the firm's model without collective action."
            + (drawn.Count > 0
                && drawn.Count < alphaCount ? $" Drawn at α = {string.Join(", ", drawn.Select(a => Number(a)))} of " +
                $"the grid's {alphaCount} values of α; the table has every α." : ""),
            panels).WithSharedLegend();
    }

    /// <summary>The table behind the figure: the shown metric (default EqOd) and error per (dataset, learner, alpha,
    /// strategy, budget), mean ± sample standard deviation over seeds, with test-row intervals.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var rows = ResultsSummary.ByBudget(ExperimentShape.CollectiveCells(own), metric)
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r
                => r.MajorityRows ?? int.MaxValue).ThenBy(r => r.Alpha)
            .ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.MeanFlips)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, Number(r.Alpha), r.Method, r.Budget,
                Number(r.MeanFlips, "0.#"), MeanStd(r.EqOd),
                SeedStats.Format(r.EqOdInterval), MeanStd(r.Error), SeedStats.Format(r.ErrorInterval)])
            .ToArray();
        return
        [
            new ReportTable($"{metric.Name} by flip budget",
                "Mean ± sample standard deviation over seeds, on test; the test-row interval combines each seed's " +
                "bootstrap interval over its test rows.",
                ["dataset", "learner", "α", "strategy", "budget", "mean flips", metric.Name,
                    $"{metric.Name} test-row CI", "error", "error test-row CI"], rows),
        ];
    }
}
