using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The figure of defended firms (<see cref="FigureKind.SurvivingGain"/>): per data set, the share of the collective's
/// gain that survives each defence against alpha (the whole pool eligible; gains pooled over strategies and budgets:
/// their summed seed-mean gain against the defended firm over their summed gain against the undefended one).
/// </summary>
public static class SurvivingGainFigure
{
    /// <summary>The experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.Countermeasures;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-surviving-gain).</summary>
    public const string Slug = "surviving-gain";

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var rows = CountermeasureSummary.Rows(own, metric).Where(r => r.Plausible == 0
            && r.MajorityRows is null).ToArray();
        var styles = SeriesStyle.For(rows.Select(r => r.Defence));
        var panels = new List<ScottPlot.Plot>();
        foreach (var (title, panel) in DefencePanels.Of(rows))
        {
            var plot = PlotLook.NewPanel(title, AxisLabels.Alpha, AxisLabels.GainKept);
            var kept = new List<double>();
            foreach (var (defence, style) in styles)
            {
                var points = panel.Where(r => r.Defence == defence).GroupBy(r => r.Alpha).OrderBy(g => g.Key)
                    .Select(g => (Alpha: g.Key, Kept: CountermeasureSummary.Kept(g))).Where(p
                        => double.IsFinite(p.Kept.Share)).ToArray();
                if (points.Length == 0) continue;
                double[] xs = points.Select(p => p.Alpha).ToArray();
                // The share's t interval over seeds as a band (where every point has one), as the other figures draw
                // theirs.
                PlotLook.IntervalBandWhereFinite(plot, xs, points.Select(p => ((double Low, double High)?)(p.Kept.Low,
                    p.Kept.High)).ToArray(), style);
                PlotLook.Line(plot, xs, points.Select(p => p.Kept.Share).ToArray(), style);
                kept.AddRange(points.SelectMany(p => new[] { p.Kept.Share, p.Kept.Low,
                    p.Kept.High }).Where(double.IsFinite));
            }
            if (kept.Count == 0) PlotLook.NoData(plot, "no collective gain to keep");
            else
            {
                PlotLook.HorizontalReference(plot, 1, SeriesStyle.Base with { Name = "all kept" },
                    "all of the gain kept");
                // From 0 (or below, where a defence turned the gain into a loss) to just above 1 or the largest share.
                plot.Axes.SetLimitsY(Math.Min(0, kept.Min() - 0.05), Math.Max(1.1, kept.Max() + 0.05));
            }
            panels.Add(plot);
        }
        if (panels.Count == 0) panels.Add(DefencePanels.Empty(AxisLabels.Alpha, AxisLabels.GainKept));
        return Figure.Grid(FigureNaming.FileName(experiment, Experiment, Slug, metric), FigureNaming.Title(experiment,
            "How much of the collective's gain survives each defence", own),
            $"The share of the collective's {metric.Name} gain that survives each defence, against α: the gain (the " +
                $"firm's {metric.UnfairnessName} without the collective minus with it) "
            + "against the defended firm over the same collective's gain against the firm without a defence, pooled " +
                "over strategies and budgets (seed means; every pool member eligible; band: its 95% t interval over " +
                "seeds). "
            + $"1 = the defence took nothing away, 0 = it took all, below 0 it turned the gain into a loss; settings " +
                $"where the undefended gain is below {TableFormat.Number(CountermeasureSummary.MinimumGain)} are " +
                "left out.", panels).WithSharedLegend();
    }

    /// <summary>The tables behind both countermeasure figures: the reading, every defended setting, and each defence
    /// alone.</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null) =>
        CountermeasureTables.Of(Panels.OfExperiment(cells, experiment), (selection ?? BudgetSelection.Paper).Shown);
}
