using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using ScottPlot;
using static FairCollective.Reporting.Tables.TableFormat;

using FairCollective.Fairness;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of several known-majority-rows settings (<see cref="FigureKind.KnownRowsFronts"/>; Figure 4 of the
/// paper): Pareto fronts of EqOd against error when the collective knows all majority rows versus only m of them. A
/// strategy keeps its colour and marker; the front is solid with filled markers for all rows and dashed with open
/// markers for m rows, so the pairing reads without colour. One panel per dataset, one legend for all.
/// </summary>
public static class KnownRowsFrontsFigure
{
    /// <summary>The paper experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.LimitedInfo;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-limited-info).</summary>
    public const string Slug = "limited-info";

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var styles = SeriesStyle.For(ExperimentShape.CollectiveCells(own).Select(c => c.Method));
        var panels = new List<Plot>();
        foreach (var panel in Panels.ByDataset(own))
        {
            var plot = PlotLook.NewPanel(panel.Title, AxisLabels.Error, metric.UnfairnessAxis);
            var points = SeedMeanPoint.Of(ExperimentShape.CollectiveCells(panel.Cells), metric);
            foreach (var (method, style) in styles)
                foreach (var m in points.Where(p => p.Method == method).Select(p => p.MajorityRows).Distinct().OrderBy(m
                    => m ?? int.MaxValue).Reverse())
                {
                    var s = m is null ? style : style with
                    {
                        Marker = OpenVariant(style.Marker),
                        Pattern = LinePattern.Dashed
                    };
                    var mine = points.Where(p => p.Method == method && p.MajorityRows == m).ToArray();
                    ParetoSeries.Intervals(plot, ParetoSeries.Draw(plot, mine.Select(p
                        => p.TradeOffOf(metric)).ToArray(), s,
                        m is null ? $"{method}, all rows" : $"{method}, m = {m}"), mine, metric, s);
                }
            var be = BaseLine.Error(panel.Cells);
            if (be.Count > 0) ParetoSeries.Point(plot, be.Mean, metric.Unfairness(BaseLine.Of(panel.Cells,
                metric).Mean), SeriesStyle.Base, SeriesStyle.Base.Name);
            if (points.Count == 0 && be.Count == 0) PlotLook.NoData(plot, "no cells");
            panels.Add(plot);
        }
        return Figure.Grid(FigureNaming.FileName(experiment, Experiment, Slug, metric), FigureNaming.Title(experiment,
            "Pareto fronts with all or m known majority rows", own),
            $"Pareto fronts of {metric.UnfairnessName} against test error (seed means over every α and budget; " +
                "faded: all points; bars on the front's points, where stored: their test-row bootstrap intervals on " +
                "both axes) when the collective knows "
            + "all majority rows (solid, filled markers) or only m of them (dashed, open markers).",
                panels).WithSharedLegend();
    }

    /// <summary>The open marker of the same shape, so "m rows" differs from "all rows" by more than colour.</summary>
    public static MarkerShape OpenVariant(MarkerShape shape) => shape switch
    {
        MarkerShape.FilledCircle => MarkerShape.OpenCircle,
        MarkerShape.FilledSquare => MarkerShape.OpenSquare,
        MarkerShape.FilledTriangleUp => MarkerShape.OpenTriangleUp,
        MarkerShape.FilledTriangleDown => MarkerShape.OpenTriangleDown,
        MarkerShape.FilledDiamond => MarkerShape.OpenDiamond,
        _ => MarkerShape.OpenCircleWithDot,
    };

    /// <summary>The table behind the figure: best EqOd per (dataset, learner, strategy, alpha, m) with the budget that
    /// attains it.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var rule = selection ?? BudgetSelection.Paper;
        var metric = rule.Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var rows = ResultsSummary.BestByAlpha(ExperimentShape.CollectiveCells(own), rule)
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ThenBy(r
                => SeriesStyle.Order(r.Method))
            .ThenBy(r => r.Alpha).ThenBy(r => r.MajorityRows ?? int.MaxValue)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Method, Number(r.Alpha), Rows(r.MajorityRows),
                r.BestBudget, Number(r.MeanFlips, "0.#"), MeanStd(r.EqOd),
                SeedStats.Format(r.EqOdInterval), MeanStd(r.Error), SeedStats.Format(r.ErrorInterval)])
            .ToArray();
        return
        [
            new ReportTable($"Best {metric.Name} by α and known majority rows m",
                $"Per α and m the best flip budget: {rule.Describe()}. Mean ± sample standard deviation over seeds, " +
                "on test; the test-row interval combines each seed's bootstrap interval over its test rows.",
                ["dataset", "learner", "strategy", "α", "m", "best budget", "mean flips", metric.Name,
                    $"{metric.Name} test-row CI", "error", "error test-row CI"], rows),
        ];
    }
}
