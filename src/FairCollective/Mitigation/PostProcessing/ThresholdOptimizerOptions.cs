namespace FairCollective.Mitigation.PostProcessing;

/// <summary>Options of <see cref="ThresholdOptimizer"/> (fairlearn's constraints='equalized_odds',
/// objective='accuracy_score', flip=False).</summary>
public sealed record ThresholdOptimizerOptions
{
    /// <summary>fairlearn's default grid: FPR values linspace(0, 1, 1001).</summary>
    public const int DefaultGridSize = 1000;

    /// <summary>Most intervals of the FPR grid a spec may ask for: a thousand times fairlearn's.</summary>
    public const int GridSizeLimit = 1_000_000;

    /// <summary>The exact equalized-odds constraint (fairlearn).</summary>
    public const double DefaultTolerance = 0.0;

    /// <summary>Number of intervals of the FPR grid; the grid has GridSize + 1 points.</summary>
    public int GridSize { get; init; } = DefaultGridSize;

    /// <summary>
    /// The trade-off knob τ in [0,1]: slack on the TPR half of the equalized-odds constraint. Every group keeps the
    /// common grid FPR x (so FPRs stay equal), but a group's TPR may exceed the lowest group TPR at x by up to τ:
    /// its target is t_g(x) = min(hull_g(x), min_h hull_h(x) + τ), the most accurate choice at x since accuracy
    /// rises with each group's TPR. On the fit data the expected equalized-odds difference (max over groups of the TPR
    /// and FPR gaps) is therefore at most τ. τ = 0 is fairlearn's ThresholdOptimizer exactly; τ = 1 lets every group
    /// use its own ROC hull at the shared FPR.
    /// </summary>
    public double Tolerance { get; init; } = DefaultTolerance;
}
