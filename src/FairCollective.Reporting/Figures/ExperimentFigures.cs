using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Figures;

/// <summary>How the report draws one experiment: its figure and the tables behind it.</summary>
/// <param name="Experiment">The experiment's name in <see cref="PaperExperiments"/>.</param>
/// <param name="Build">The figure from the store's cells.</param>
/// <param name="Tables">The tables behind the figure.</param>
public sealed record ExperimentFigure(string Experiment, Func<IReadOnlyList<CellRecord>, Figure> Build, Func<IReadOnlyList<CellRecord>, IReadOnlyList<ReportTable>> Tables);

/// <summary>
/// The registry of figures, one per experiment of <see cref="PaperExperiments"/> (the experiments themselves, their
/// names, headings and grids, are registered there; plotting lives here because the experiments assembly carries no
/// plotting dependency). The toy example is drawn from its own points (<see cref="ToyFigure"/>), not from cells.
/// </summary>
public static class ExperimentFigures
{
    /// <summary>Every experiment's figure, in the paper's order.</summary>
    public static IReadOnlyList<ExperimentFigure> All { get; } =
    [
        new(CollectiveSizeFigure.Experiment, CollectiveSizeFigure.Build, CollectiveSizeFigure.Tables),
        new(FlipEfficiencyFigure.Experiment, FlipEfficiencyFigure.Build, FlipEfficiencyFigure.Tables),
        new(LimitedInfoFigure.Experiment, LimitedInfoFigure.Build, LimitedInfoFigure.Tables),
        new(FirmSideFigure.Experiment, FirmSideFigure.Build, FirmSideFigure.Tables),
        new(SyntheticFigure.Experiment, SyntheticFigure.Build, SyntheticFigure.Tables),
    ];
}
