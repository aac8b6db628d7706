using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Tables;
using ScottPlot;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// Synthetic data, where the counterfactual g is known: counterfactual success S(alpha) against alpha for each strategy
/// and the oracle. Per (strategy, alpha) the budget with the highest seed-mean S is drawn (the analogue of "best EqOd"),
/// with error bars of one seed standard deviation at that budget. One panel per dataset.
/// </summary>
public static class SyntheticFigure
{
    /// <summary>Name of the experiment whose cells this figure draws.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.Synthetic;
    /// <summary>File stem of the figure's PNG and SVG.</summary>
    public const string FileName = "synthetic";

    /// <summary>S(alpha) per (dataset, learner, method, alpha) at the budget that maximises its seed mean.</summary>
    /// <param name="Dataset">Dataset name.</param>
    /// <param name="Learner">Learner (firm model).</param>
    /// <param name="Method">Strategy (or Oracle).</param>
    /// <param name="Alpha">Collective size as a share of the minority's training rows.</param>
    /// <param name="Budget">The budget with the highest seed-mean S(alpha), as the spec gave it.</param>
    /// <param name="MeanFlips">Flips M at that budget, averaged over seeds.</param>
    /// <param name="Success">S(alpha) over seeds, in [0, 1].</param>
    /// <param name="EqOd">EqOd over seeds at that budget.</param>
    /// <param name="Error">Test error over seeds at that budget.</param>
    public sealed record SuccessRow(string Dataset, string Learner, string Method, double Alpha, string Budget, double MeanFlips,
        SeedStats Success, SeedStats EqOd, SeedStats Error);

    /// <summary>One row per (dataset, learner, method, alpha) of the collective cells with all majority rows known, at its best budget.</summary>
    public static IReadOnlyList<SuccessRow> BestSuccess(IEnumerable<CellRecord> cells) =>
        cells.Where(c => c.Method != ResultsSummary.BaseMethod && c.Knob is null && c.MajorityRows is null)
            .GroupBy(c => (c.Dataset, c.Learner, c.Method, c.Alpha, c.Budget))
            .Select(g => new SuccessRow(g.Key.Dataset, g.Key.Learner, g.Key.Method, g.Key.Alpha, g.Key.Budget, g.Average(c => (double)c.Flips),
                SeedMeanPoint.Stats(g, MetricKeys.CounterfactualSuccess), SeedMeanPoint.Stats(g, MetricKeys.EqOd), SeedMeanPoint.Stats(g, MetricKeys.Error)))
            .GroupBy(r => (r.Dataset, r.Learner, r.Method, r.Alpha))
            .Select(g => g.Where(r => !double.IsNaN(r.Success.Mean)).MaxBy(r => r.Success.Mean) ?? g.First())
            .OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal)
            .ThenBy(r => SeriesStyle.Order(r.Method)).ThenBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Alpha)
            .ToArray();

    /// <summary>The figure from the synthetic cells among <paramref name="cells"/>; a panel without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells)
    {
        var panels = new List<Plot>();
        foreach (var panel in Panels.ByDataset(Panels.OfExperiment(cells, Experiment)))
        {
            var plot = PlotLook.NewPanel(panel.Title, AxisLabels.Alpha, AxisLabels.CounterfactualSuccess);
            var rows = BestSuccess(panel.Cells);
            foreach (var (method, style) in SeriesStyle.For(rows.Select(r => r.Method)))
            {
                var line = rows.Where(r => r.Method == method).OrderBy(r => r.Alpha).ToArray();
                double[] xs = line.Select(r => r.Alpha).ToArray(), ys = line.Select(r => r.Success.Mean).ToArray();
                PlotLook.ErrorBars(plot, xs, ys, line.Select(r => r.Success.Std).ToArray(), style);
                PlotLook.Line(plot, xs, ys, style);
            }
            var baseS = SeedStats.Of(BaseLine.Cells(panel.Cells), MetricKeys.CounterfactualSuccess);
            if (baseS.Count > 0) PlotLook.HorizontalReference(plot, baseS.Mean, SeriesStyle.Base, SeriesStyle.Base.Name);
            if (rows.Count == 0 && baseS.Count == 0) PlotLook.NoData(plot, "no cells");
            plot.Axes.SetLimitsY(double.NaN, 1);
            PlotLook.LegendBelow(plot);
            panels.Add(plot);
        }
        return Figure.Grid(FileName, "Synthetic data: counterfactual success S(α)",
            "S(α) = P₀[h(g(x)) = h(x)] over minority test rows (seed mean at the budget that maximises it; bars: ± one seed standard deviation) "
            + "against α, per strategy and for the oracle that flips exactly the members whose counterfactual label is 1.", panels);
    }

    /// <summary>The tables behind the figure: the base model, and the rows of <see cref="BestSuccess"/>.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells)
    {
        var own = Panels.OfExperiment(cells, Experiment);
        var rows = BestSuccess(own)
            .Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Method, Number(r.Alpha), r.Budget, Number(r.MeanFlips, "0.#"), MeanStd(r.Success), MeanStd(r.EqOd), MeanStd(r.Error)])
            .ToArray();
        return
        [
            BaseLine.Table(own),
            new ReportTable("Best counterfactual success S(α) by α", "Per α the budget with the highest seed-mean S(α); mean ± sample standard deviation over seeds.",
                ["dataset", "learner", "strategy", "α", "best budget", "mean flips", "S(α)", "EqOd", "error"], rows),
        ];
    }
}
