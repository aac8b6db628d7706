using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;


namespace FairCollective.Reporting.Figures;

/// <summary>How the report draws one figure kind for any experiment whose grid has that shape: its figure and the tables behind it.</summary>
/// <param name="Kind">The shape this kind draws (<see cref="ExperimentShape.Kinds"/> decides which an experiment gets).</param>
/// <param name="Experiment">The experiment of <see cref="PaperExperiments"/> the kind was made for: its figure keeps the bare file name (figures/collective-size.png).</param>
/// <param name="Slug">File-name suffix for any other experiment: figures/&lt;experiment&gt;-&lt;slug&gt;.png.</param>
/// <param name="Build">The figure from the store's cells, the experiment's name and the rule that chooses a best budget (with the fairness metric shown).</param>
/// <param name="Tables">The tables behind the figure, from the same three.</param>
public sealed record ExperimentFigure(FigureKind Kind, string Experiment, string Slug,
    Func<IReadOnlyList<CellRecord>, string, BudgetSelection?, Figure> Build, Func<IReadOnlyList<CellRecord>, string, BudgetSelection?, IReadOnlyList<ReportTable>> Tables);

/// <summary>
/// The registry of figure kinds, one per <see cref="FigureKind"/>. Which kinds an experiment gets is decided by the shape
/// of its cells (<see cref="ExperimentShape"/>), never by its name; each kind was first drawn for one experiment of
/// <see cref="PaperExperiments"/>, whose figure keeps that experiment's name as its file name. Plotting lives here
/// because the experiments assembly carries no plotting dependency. The toy example is drawn from its own points
/// (<see cref="ToyFigure"/>), not from cells.
/// </summary>
public static class ExperimentFigures
{
    /// <summary>Every figure kind, in the order <see cref="FigureKind"/> lists them (the report's order within an experiment).</summary>
    public static IReadOnlyList<ExperimentFigure> All { get; } =
    [
        new(FigureKind.BestEqOdByAlpha, CollectiveSizeFigure.Experiment, CollectiveSizeFigure.Slug, CollectiveSizeFigure.Build, CollectiveSizeFigure.Tables),
        new(FigureKind.EqOdByFlips, FlipEfficiencyFigure.Experiment, FlipEfficiencyFigure.Slug, FlipEfficiencyFigure.Build, FlipEfficiencyFigure.Tables),
        new(FigureKind.LimitedInformation, LimitedInfoFigure.Experiment, LimitedInfoFigure.Slug, LimitedInfoFigure.Build, LimitedInfoFigure.Tables),
        new(FigureKind.ParetoFronts, FirmSideFigure.Experiment, FirmSideFigure.Slug, FirmSideFigure.Build, FirmSideFigure.Tables),
        new(FigureKind.CounterfactualSuccess, SyntheticFigure.Experiment, SyntheticFigure.Slug, SyntheticFigure.Build, SyntheticFigure.Tables),
        new(FigureKind.SurvivingGain, SurvivingGainFigure.Experiment, SurvivingGainFigure.Slug, SurvivingGainFigure.Build, SurvivingGainFigure.Tables),
        new(FigureKind.DefenceDetection, DefenceDetectionFigure.Experiment, DefenceDetectionFigure.Slug, DefenceDetectionFigure.Build, DefenceDetectionFigure.Tables),
        new(FigureKind.PlausibleTradeOff, PlausibleTradeOffFigure.Experiment, PlausibleTradeOffFigure.Slug, PlausibleTradeOffFigure.Build, PlausibleTradeOffFigure.Tables),
    ];

    /// <summary>The registry entry of <paramref name="kind"/>.</summary>
    public static ExperimentFigure Of(FigureKind kind) => All.Single(f => f.Kind == kind);
}
