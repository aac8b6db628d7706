using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using ScottPlot;
using static FairCollective.Reporting.Tables.TableFormat;

using FairCollective.Fairness;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of firm-side cells (<see cref="FigureKind.ParetoFronts"/>; Figure 5 of the paper): Pareto fronts of EqOd
/// against error for every firm-side method (its points are its Knob settings), the base model as one point, and the
/// collective: the front over all its (strategy, alpha, budget) seed-mean points, i.e. the best strategy at every
/// trade-off. One panel per dataset, one legend for all.
/// </summary>
public static class ParetoFrontsFigure
{
    /// <summary>The paper experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.FirmSide;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-pareto-fronts).</summary>
    public const string Slug = "pareto-fronts";
    /// <summary>Legend name of the collective's front (the best strategy at every trade-off).</summary>
    public const string Collective = FirmSideSummary.CollectiveSeries;

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var firmMethods = own.Where(c => c.Knob is not null).Select(c => c.Method).Distinct().ToArray();
        var styles = SeriesStyle.For(firmMethods.Append(Collective));
        var panels = new List<Plot>();
        foreach (var panel in Panels.ByDataset(own))
        {
            var plot = PlotLook.NewPanel(panel.Title, AxisLabels.Error, metric.UnfairnessAxis);
            var points = SeedMeanPoint.Of(panel.Cells.Where(c => c.Method != ResultsSummary.BaseMethod), metric);
            var firm = points.Where(p => p.Knob is not null).ToArray();
            var collective = points.Where(p => p.Knob is null).ToArray();
            foreach (var method in SeriesStyle.Sorted(firm.Select(p => p.Method)))
            {
                var mine = firm.Where(p => p.Method == method).ToArray();
                ParetoSeries.Intervals(plot, ParetoSeries.Draw(plot, mine.Select(p => p.TradeOffOf(metric)).ToArray(),
                    styles[method], method), mine, metric, styles[method]);
            }
            if (collective.Length > 0)
                ParetoSeries.Intervals(plot, ParetoSeries.Draw(plot, collective.Select(p
                    => p.TradeOffOf(metric)).ToArray(), styles[Collective], Collective), collective, metric,
                    styles[Collective]);
            var be = BaseLine.Error(panel.Cells);
            if (be.Count > 0) ParetoSeries.Point(plot, be.Mean, metric.Unfairness(BaseLine.Of(panel.Cells,
                metric).Mean), SeriesStyle.Base, SeriesStyle.Base.Name);
            if (points.Count == 0 && be.Count == 0) PlotLook.NoData(plot, "no cells");
            panels.Add(plot);
        }
        return Figure.Grid(FigureNaming.FileName(experiment, Experiment, Slug, metric), FigureNaming.Title(experiment,
            "Pareto fronts of firm-side methods and collective action", own),
            $"Pareto fronts of {metric.UnfairnessName} against test error (seed means; bars on the front's points, " +
                "where stored: their test-row bootstrap intervals on both axes; faded: all points). A firm-side " +
                "method's points are its trade-off "
            + "settings; the collective's front is taken over every strategy, α and budget; the diamond is the " +
                "firm's model without intervention.", panels).WithSharedLegend();
    }

    /// <summary>
    /// The tables behind the figure: every firm-side setting (knob), and the collective's Pareto-front settings; the
    /// shown metric (default EqOd) and error as mean ± sample standard deviation over seeds, with test-row intervals
    /// where stored.
    /// </summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var points = SeedMeanPoint.Of(own.Where(c => c.Method != ResultsSummary.BaseMethod), metric);
        var firmRows = points.Where(p => p.Knob is not null)
            .Select(p => (IReadOnlyList<string>)[p.Dataset, p.Learner, p.Method, Number(p.Knob ?? double.NaN),
                MeanStd(p.EqOd), SeedStats.Format(p.EqOdInterval), MeanStd(p.Error), SeedStats.Format(p.ErrorInterval)])
            .ToArray();
        var frontRows = points.Where(p => p.Knob is null).GroupBy(p => (p.Dataset, p.Learner))
            .SelectMany(g => ParetoFront.Of(g.Select(p => p.TradeOffOf(metric))).Select(f => g.First(p
                => p.TradeOffOf(metric) == f)))
            .Select(p => (IReadOnlyList<string>)[p.Dataset, p.Learner, p.Method, Number(p.Alpha), p.Budget,
                Number(p.MeanFlips, "0.#"), MeanStd(p.EqOd), SeedStats.Format(p.EqOdInterval), MeanStd(p.Error),
                SeedStats.Format(p.ErrorInterval)])
            .ToArray();
        const string intervals = "the test-row interval combines each seed's bootstrap interval over its test rows " +
            "(n/a where not stored; for randomised post-processors, of the sampled predictions)";
        return
        [
            .. FirmSideReadingTable.Of(own, metric),
            .. FareCertificateTable.Of(own),
            .. SteeringSolverTable.Of(own),
            new ReportTable("Firm-side methods",
                $"Every trade-off setting (knob); mean ± sample standard deviation over seeds; {intervals}.",
                ["dataset", "learner", "method", "knob", metric.Name, $"{metric.Name} test-row CI", "error",
                    "error test-row CI"], firmRows),
            new ReportTable("Collective action: Pareto front",
                "The non-dominated (strategy, α, budget) settings; mean ± sample standard deviation over seeds; " +
                $"{intervals}.",
                ["dataset", "learner", "strategy", "α", "budget", "mean flips", metric.Name,
                    $"{metric.Name} test-row CI", "error", "error test-row CI"], frontRows),
        ];
    }
}
