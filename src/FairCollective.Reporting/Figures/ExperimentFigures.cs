using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;


namespace FairCollective.Reporting.Figures;

/// <summary>How the report draws one figure kind for any experiment whose grid has that shape: its figure and the
/// tables behind it.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Applies">The kind's rule: whether an experiment of this grid shape gets it.</param>
/// <param name="Experiment">The experiment of <see cref="PaperExperiments"/> the kind was made for: its figure keeps
/// the bare file name (figures/collective-size.png).</param>
/// <param name="Slug">File-name suffix for any other experiment: figures/&lt;experiment&gt;-&lt;slug&gt;.png.</param>
/// <param name="Build">The figure from the store's cells, the experiment's name and the rule that chooses a best budget
/// (with the fairness metric shown).</param>
/// <param name="Tables">The tables behind the figure, from the same three.</param>
public sealed record ExperimentFigure(FigureKind Kind, Func<ExperimentShape, bool> Applies, string Experiment,
    string Slug,
    Func<IReadOnlyList<CellRecord>, string, BudgetSelection?, Figure> Build, Func<IReadOnlyList<CellRecord>, string,
        BudgetSelection?, IReadOnlyList<ReportTable>> Tables);

/// <summary>
/// The registry of figure kinds, one per <see cref="FigureKind"/>, each with its rule. Which kinds an experiment gets
/// is decided by the shape of its cells (<see cref="ExperimentShape"/>), never by its name:
/// <list type="bullet">
/// <item>firm-side cells (a knob) -> <see cref="FigureKind.ParetoFronts"/>, which shows every alpha and budget of the
/// collective;</item>
/// <item>several m (majority rows) -> <see cref="FigureKind.KnownRowsFronts"/> (unless firm-side), fronts over every
/// alpha and budget;</item>
/// <item>several alphas, and neither kind of front -> <see cref="FigureKind.BestByAlpha"/>;</item>
/// <item>the counterfactual metric (data with a known counterfactual) ->
/// <see cref="FigureKind.CounterfactualSuccess"/>;</item>
/// <item>several budgets at an alpha, and neither kind of front -> <see cref="FigureKind.MetricByFlips"/> (with many
/// alphas, drawn at <see cref="ExperimentShape.DrawnAlphas"/>);</item>
/// <item>defended firms (cells with a defence) -> <see cref="FigureKind.SurvivingGain"/> and
/// <see cref="FigureKind.DefenceDetection"/>, and with plausible-flips thresholds also
/// <see cref="FigureKind.PlausibleTradeOff"/>.</item>
/// </list>
/// Each kind each kind was first drawn for one experiment
/// of <see cref="PaperExperiments"/>, whose figure keeps that experiment's name as its file name. Plotting lives here
/// because the experiments assembly carries no plotting dependency. The toy example is drawn from its own points
/// (<see cref="ToyFigure"/>), not from cells.
/// </summary>
public static class ExperimentFigures
{
    /// <summary>Every figure kind, in the order <see cref="FigureKind"/> lists them (the report's order within an
    /// experiment).</summary>
    public static IReadOnlyList<ExperimentFigure> All { get; } =
    [
        new(FigureKind.BestByAlpha, s => s.AlphaSweep && !s.FirmSide && !Limited(s), BestByAlphaFigure.Experiment,
            BestByAlphaFigure.Slug, BestByAlphaFigure.Build, BestByAlphaFigure.Tables),
        new(FigureKind.MetricByFlips, s => s.BudgetSweep && !s.FirmSide && !Limited(s), MetricByFlipsFigure.Experiment,
            MetricByFlipsFigure.Slug, MetricByFlipsFigure.Build, MetricByFlipsFigure.Tables),
        new(FigureKind.KnownRowsFronts, Limited, KnownRowsFrontsFigure.Experiment, KnownRowsFrontsFigure.Slug,
            KnownRowsFrontsFigure.Build, KnownRowsFrontsFigure.Tables),
        new(FigureKind.ParetoFronts, s => s.FirmSide, ParetoFrontsFigure.Experiment, ParetoFrontsFigure.Slug,
            ParetoFrontsFigure.Build, ParetoFrontsFigure.Tables),
        new(FigureKind.CounterfactualSuccess, s => s.Counterfactual, CounterfactualSuccessFigure.Experiment,
            CounterfactualSuccessFigure.Slug, CounterfactualSuccessFigure.Build, CounterfactualSuccessFigure.Tables),
        new(FigureKind.SurvivingGain, s => s.Defended, SurvivingGainFigure.Experiment, SurvivingGainFigure.Slug,
            SurvivingGainFigure.Build, SurvivingGainFigure.Tables),
        new(FigureKind.DefenceDetection, s => s.Defended, DefenceDetectionFigure.Experiment,
            DefenceDetectionFigure.Slug, DefenceDetectionFigure.Build, DefenceDetectionFigure.Tables),
        new(FigureKind.PlausibleTradeOff, s => s.Defended && s.Plausible, PlausibleTradeOffFigure.Experiment,
            PlausibleTradeOffFigure.Slug, PlausibleTradeOffFigure.Build, PlausibleTradeOffFigure.Tables),
    ];

    /// <summary>The registry entry of <paramref name="kind"/>.</summary>
    public static ExperimentFigure Of(FigureKind kind) => All.Single(f => f.Kind == kind);

    /// <summary>The figures an experiment of grid shape <paramref name="shape"/> gets, in the report's order; none for
    /// a single point (then only tables).</summary>
    public static ExperimentFigure[] For(ExperimentShape shape) => All.Where(f => f.Applies(shape)).ToArray();

    /// <summary>The figure kinds of <see cref="For"/>.</summary>
    public static IReadOnlyList<FigureKind> KindsOf(ExperimentShape shape) => For(shape).Select(f => f.Kind).ToArray();

    // Several m and no firm-side cells: the known-rows fronts show every alpha and budget, so no alpha or budget
    // figure.
    private static bool Limited(ExperimentShape s) => s.MajorityRowSweep && !s.FirmSide;
}
