using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The trade-off of the collective's plausible-flips answer (<see cref="FigureKind.PlausibleTradeOff"/>): per data set
/// and defence, the share of flips the defence catches against the collective's gain against that defended firm, one
/// point per plausible-flips threshold (seed means, averaged over strategies and alphas), joined in threshold order.
/// Hiding pays where a line falls to the left (fewer caught) without falling far down (little gain lost).
/// </summary>
public static class PlausibleTradeOffFigure
{
    /// <summary>The experiment this kind was made for (its file always carries the slug: the bare name is the
    /// surviving-gain figure's).</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.Countermeasures;
    /// <summary>Suffix of the file stem (&lt;experiment&gt;-plausible).</summary>
    public const string Slug = "plausible";

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var metric = (selection ?? BudgetSelection.Paper).Shown;
        var own = Panels.OfExperiment(cells, experiment);
        var rows = CountermeasureSummary.Rows(own, metric).Where(r => r.MajorityRows is null && r.Recall.Count > 0
            && r.Gain.Count > 0).ToArray();
        var styles = SeriesStyle.For(rows.Select(r => r.Defence));
        var panels = new List<ScottPlot.Plot>();
        foreach (var (title, panel) in DefencePanels.Of(rows))
        {
            var plot = PlotLook.NewPanel(title, AxisLabels.DefenceRecall, AxisLabels.GainAgainstDefence(metric));
            double widest = 0;
            foreach (var (defence, style) in styles)
            {
                var points = panel.Where(r => r.Defence == defence).GroupBy(r => r.Plausible).OrderBy(g => g.Key)
                    .Select(g => (Threshold: g.Key, Recall: g.Average(r => r.Recall.Mean), Gain: g.Average(r
                        => r.Gain.Mean))).ToArray();
                if (points.Length == 0) continue;
                PlotLook.Line(plot, points.Select(p => p.Recall).ToArray(), points.Select(p => p.Gain).ToArray(),
                    style);
                widest = Math.Max(widest, points.Max(p => p.Recall));
                foreach (var p in points)
                {
                    // Each point names its threshold: 0 is the whole pool.
                    var label = plot.Add.Text(p.Threshold == 0 ? "all" : $"≥ {TableFormat.Number(p.Threshold)}",
                        p.Recall, p.Gain);
                    label.LabelFontSize = 11;
                    label.LabelFontColor = style.Color;
                    label.LabelOffsetX = 6;
                }
            }
            // From 0 to just past the largest recall (a share, so never past 1), leaving room for the labels.
            plot.Axes.SetLimitsX(0, Math.Min(1, widest + 0.1));
            panels.Add(plot);
        }
        if (panels.Count == 0) panels.Add(DefencePanels.Empty(AxisLabels.DefenceRecall,
            AxisLabels.GainAgainstDefence(metric)));
        return Figure.Grid(FigureNaming.FileName(experiment, "", Slug, metric), FigureNaming.Title(experiment,
            "Hiding from the defences: plausible flips", own),
            $"For each defence: the share of the collective's flips it catches against the collective's " +
                $"{metric.Name} gain against it (the firm's {metric.UnfairnessName} "
            + "without the collective minus with it), one point per plausible-flips threshold ('all': every pool " +
                "member may flip; '≥ t': only members whose RB-prob score reaches t), "
            + "seed means averaged over strategies and α. A line that moves left without falling far would mean " +
                "hiding pays.", panels).WithSharedLegend();
    }

    /// <summary>None: the numbers are in the countermeasures tables
    /// (<see cref="SurvivingGainFigure.Tables"/>).</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null) => [];
}
