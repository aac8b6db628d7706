using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// The detection figure of defended firms (<see cref="FigureKind.DefenceDetection"/>): per data set, each defence's
/// recall of the collective's flips against the share of honest minority rows it flags, one point per (strategy, alpha)
/// seed mean; a series per defence and plausible-flips threshold, and the diagonal a defence flagging at random would
/// lie on.
/// </summary>
public static class DefenceDetectionFigure
{
    /// <summary>The experiment this kind was made for; its figure keeps the bare file name.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.Countermeasures;
    /// <summary>Suffix of the file stem for any other experiment (&lt;experiment&gt;-detection).</summary>
    public const string Slug = "detection";

    /// <summary>The figure from the cells of <paramref name="experiment"/> among <paramref name="cells"/>; a panel
    /// without data says so.</summary>
    public static Figure Build(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null)
    {
        var own = Panels.OfExperiment(cells, experiment);
        var all = CountermeasureSummary.Rows(own, (selection ?? BudgetSelection.Paper).Shown).Where(r
            => r.MajorityRows is null && r.Recall.Count > 0 && r.FalseFlagsMinority.Count > 0).ToArray();
        // The whole pool and the highest plausible threshold only (the tables hold the others): a defence keeps its
        // colour and marker shape, filled for the whole pool and open for plausible flips.
        double top = all.Select(r => r.Plausible).DefaultIfEmpty(0).Max();
        var rows = all.Where(r => r.Plausible == 0 || r.Plausible == top).ToArray();
        var colours = SeriesStyle.For(rows.Select(r => r.Defence));
        var panels = new List<ScottPlot.Plot>();
        foreach (var (title, panel) in DefencePanels.Of(rows))
        {
            var plot = PlotLook.NewPanel(title, AxisLabels.FalseFlagsMinority, AxisLabels.DefenceRecall);
            int index = 0;
            foreach (var (defence, style) in colours)
            {
                var (filled, open) = Markers[index++ % Markers.Length];
                foreach (bool plausible in new[] { false, true })
                {
                    var mine = panel.Where(r => r.Defence == defence && (r.Plausible > 0) == plausible).ToArray();
                    if (mine.Length == 0) continue;
                    var dots = PlotLook.Line(plot, mine.Select(r => r.FalseFlagsMinority.Mean).ToArray(), mine.Select(r
                        => r.Recall.Mean).ToArray(),
                        style with { Marker = plausible ? open : filled }, plausible ?
                            $"{defence}, plausible {TableFormat.Number(top)}" : defence);
                    dots.LineWidth = 0; // points, not a path: they are different strategies and sizes
                }
            }
            var diagonal = plot.Add.Line(0, 0, 1, 1);
            diagonal.Color = SeriesStyle.Base.Color;
            diagonal.LinePattern = SeriesStyle.Base.Pattern;
            diagonal.LegendText = "flagging at random";
            plot.Axes.SetLimits(0, 1, 0, 1);
            panels.Add(plot);
        }
        if (panels.Count == 0) panels.Add(DefencePanels.Empty(AxisLabels.FalseFlagsMinority, AxisLabels.DefenceRecall));
        // Always with its slug: the bare name is the surviving-gain figure's.
        return Figure.Grid(FigureNaming.FileName(experiment, "", Slug), FigureNaming.Title(experiment,
            "Which defences find the collective's flips", own),
            "Each defence's recall (the share of the collective's flips it flagged) against the share of honest " +
                "minority training rows it flagged, one point per strategy "
            + "and α (seed means). Above the diagonal a defence finds flips more often than it hits honest members; " +
                "on it, no better than flagging at random. "
            + "Open markers: collectives that flip only members the majority model finds plausible as positive (the " +
                "highest threshold of the grid; the tables hold every threshold).", panels).WithSharedLegend();
    }

    /// <summary>Marker shapes per defence, filled (whole pool) and open (plausible flips), distinct in
    /// greyscale.</summary>
    private static readonly (ScottPlot.MarkerShape Filled, ScottPlot.MarkerShape Open)[] Markers =
    [
        (ScottPlot.MarkerShape.FilledSquare, ScottPlot.MarkerShape.OpenSquare), (ScottPlot.MarkerShape.FilledCircle,
            ScottPlot.MarkerShape.OpenCircle),
        (ScottPlot.MarkerShape.FilledTriangleUp,
            ScottPlot.MarkerShape.OpenTriangleUp), (ScottPlot.MarkerShape.FilledDiamond,
            ScottPlot.MarkerShape.OpenDiamond),
        (ScottPlot.MarkerShape.FilledTriangleDown, ScottPlot.MarkerShape.OpenTriangleDown),
    ];

    /// <summary>None: the detection counts are in the countermeasures tables
    /// (<see cref="SurvivingGainFigure.Tables"/>).</summary>
    public static IReadOnlyList<ReportTable> Tables(IReadOnlyList<CellRecord> cells, string experiment = Experiment,
        BudgetSelection? selection = null) => [];
}
