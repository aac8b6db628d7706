using FairCollective.Common;

namespace FairCollective.Learning.Logistic;

/// <summary>
/// Settings of <see cref="LogisticRegressionTrainer"/>. The objective is scikit-learn's
/// Σ sᵢ·logloss + ‖w‖²/(2C) with an unpenalised intercept. Gradient tolerances are relative to Σ sᵢ (a mean-loss
/// scale), so the same setting means the same thing for 500 rows and for a million.
/// </summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Default C: 1, scikit-learn's.</summary>
    public const double DefaultC = 1.0;
    /// <summary>Default most L-BFGS iterations.</summary>
    public const int DefaultMaxIterations = 1000;
    /// <summary>Default L-BFGS memory: 10 pairs, as scipy.</summary>
    public const int DefaultHistorySize = 10;
    /// <summary>Default convergence threshold on max|∇f| / Σsᵢ.</summary>
    public const double DefaultGradientTolerance = 1e-10;
    /// <summary>Default max|∇f| / Σsᵢ at which L-BFGS hands over to Newton.</summary>
    public const double DefaultNewtonHandOverTolerance = 1e-4;
    /// <summary>Default relative-decrease stop (fires only at rounding level).</summary>
    public const double DefaultRelativeObjectiveTolerance = 1e-15;
    /// <summary>Default most function evaluations per line search.</summary>
    public const int DefaultMaxLineSearchSteps = 30;
    /// <summary>Default largest d polished with Newton steps.</summary>
    public const int DefaultNewtonMaxDimension = 256;
    /// <summary>Default most Newton steps.</summary>
    public const int DefaultMaxNewtonSteps = 10;
    /// <summary>Default rows per chunk of the parallel loss/gradient pass.</summary>
    public const int DefaultChunkRows = 4096;
    /// <summary>Default narrowest one-hot group the row passes read as codes.</summary>
    public const int DefaultOneHotGroupMinWidth = 4;

    /// <summary>Most <see cref="MaxIterations"/>: a thousand times the default.</summary>
    public const int MaxIterationsLimit = 1_000_000;
    /// <summary>Most <see cref="HistorySize"/> (each pair holds two vectors of d numbers).</summary>
    public const int HistorySizeLimit = 1_000;
    /// <summary>Most <see cref="MaxLineSearchSteps"/>.</summary>
    public const int MaxLineSearchStepsLimit = 1_000;
    /// <summary>Most <see cref="NewtonMaxDimension"/>: the dense Hessian of d = 4,096 takes 134 MB and its Cholesky
    /// factor about 23 GFLOP.</summary>
    public const int NewtonMaxDimensionLimit = 4_096;
    /// <summary>Most <see cref="MaxNewtonSteps"/>.</summary>
    public const int MaxNewtonStepsLimit = 1_000;
    /// <summary>Most <see cref="ChunkRows"/> (2^24).</summary>
    public const int ChunkRowsLimit = 16_777_216;
    /// <summary>Most <see cref="OneHotGroupMinWidth"/>: no block wider than <see cref="ColumnUnits.MaxGroupWidth"/> is
    /// read as codes.</summary>
    public const int OneHotGroupMinWidthLimit = ColumnUnits.MaxGroupWidth;

    /// <summary>Inverse regularisation strength (scikit-learn's C). Default <see cref="DefaultC"/> = 1.</summary>
    public double C { get; init; } = DefaultC;

    /// <summary>Most L-BFGS iterations. Default <see cref="DefaultMaxIterations"/>.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>L-BFGS memory (correction pairs kept). Default <see cref="DefaultHistorySize"/> = 10, as
    /// scipy.</summary>
    public int HistorySize { get; init; } = DefaultHistorySize;

    /// <summary>Converged when max|∇f| ≤ this × Σsᵢ. Default <see cref="DefaultGradientTolerance"/> = 1e-10.</summary>
    public double GradientTolerance { get; init; } = DefaultGradientTolerance;

    /// <summary>
    /// When Newton polishing applies, L-BFGS hands over once max|∇f| ≤ this × Σsᵢ; Newton then converges
    /// quadratically. Default <see cref="DefaultNewtonHandOverTolerance"/> = 1e-4.
    /// </summary>
    public double NewtonHandOverTolerance { get; init; } = DefaultNewtonHandOverTolerance;

    /// <summary>
    /// L-BFGS also stops when an iteration lowers f by at most this × max(|f|, 1) (scipy's factr test; the default
    /// <see cref="DefaultRelativeObjectiveTolerance"/> = 1e-15 only fires once progress is at rounding level).
    /// </summary>
    public double RelativeObjectiveTolerance { get; init; } = DefaultRelativeObjectiveTolerance;

    /// <summary>Most function evaluations per line search. Default <see cref="DefaultMaxLineSearchSteps"/>.</summary>
    public int MaxLineSearchSteps { get; init; } = DefaultMaxLineSearchSteps;

    /// <summary>
    /// Finish with Newton steps (dense (d+1)² Hessian, Cholesky) when d ≤ this, so the optimum is exact to rounding.
    /// 0 disables. Default <see cref="DefaultNewtonMaxDimension"/> = 256.
    /// </summary>
    public int NewtonMaxDimension { get; init; } = DefaultNewtonMaxDimension;

    /// <summary>Most Newton steps. Default <see cref="DefaultMaxNewtonSteps"/>.</summary>
    public int MaxNewtonSteps { get; init; } = DefaultMaxNewtonSteps;

    /// <summary>
    /// Rows per chunk of the parallel loss/gradient pass. Fixed (not derived from the core count) so sums, and so
    /// results, are identical for any parallelism. Default <see cref="DefaultChunkRows"/> = 4096.
    /// </summary>
    public int ChunkRows { get; init; } = DefaultChunkRows;

    /// <summary>
    /// Runs of at least this many consecutive 0/1 columns with at most one 1 per row (one-hot blocks, found from the
    /// data) are read by the row passes as one byte code per row instead of as dense columns: one pass per block
    /// instead of one per column, and a Hessian pass that no longer grows with the square of the block's width. Only
    /// the rounding of the sums changes. 0 reads every column densely. Default <see cref="DefaultOneHotGroupMinWidth"/>
    /// = 4 (a 3-wide block held in cache read 8% slower as codes than as dense columns on COMPAS; wide blocks on larger
    /// data read 2-10x faster: bench/README.md).
    /// </summary>
    public int OneHotGroupMinWidth { get; init; } = DefaultOneHotGroupMinWidth;

    /// <summary>Threads for the row passes; -1 = all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Warm start: starting coefficients (length d), e.g. the previous fit in a refit loop. Null =
    /// zeros.</summary>
    public IReadOnlyList<double>? InitialCoefficients { get; init; }

    /// <summary>Warm start: starting intercept. Default 0.</summary>
    public double InitialIntercept { get; init; }

    /// <summary>Warm start: the Hessian factor of the model the warm start came from, fitted on the same rows; refits
    /// then begin with chord steps (see <see cref="CurvatureFactor"/>). Set by
    /// <see cref="Catalog.LearnerCatalog.WarmStartedFrom"/>.</summary>
    internal CurvatureFactor? InitialCurvature { get; init; }

    internal void Validate()
    {
        if (!(C > 0)
            || !double.IsFinite(C)) throw new
            UserInputException($"logistic: option C must be a positive finite number, got {C}.");
        if (MaxIterations < 0) throw new
            UserInputException($"logistic: option MaxIterations must be non-negative, got {MaxIterations}.");
        if (HistorySize < 1) throw new
            UserInputException($"logistic: option HistorySize must be at least 1, got {HistorySize}.");
        if (!(GradientTolerance >= 0)) throw new
            UserInputException($"logistic: option GradientTolerance must be non-negative, got {GradientTolerance}.");
        if (!(NewtonHandOverTolerance >= 0)) throw new UserInputException($"logistic: option NewtonHandOverTolerance " +
            $"must be non-negative, got {NewtonHandOverTolerance}.");
        if (!(RelativeObjectiveTolerance >= 0)) throw new UserInputException($"logistic: option " +
            $"RelativeObjectiveTolerance must be non-negative, got {RelativeObjectiveTolerance}.");
        if (MaxLineSearchSteps < 1) throw new
            UserInputException($"logistic: option MaxLineSearchSteps must be at least 1, got {MaxLineSearchSteps}.");
        if (MaxNewtonSteps < 0) throw new
            UserInputException($"logistic: option MaxNewtonSteps must be non-negative, got {MaxNewtonSteps}.");
        if (ChunkRows < 1) throw new
            UserInputException($"logistic: option ChunkRows must be at least 1, got {ChunkRows}.");
        if (OneHotGroupMinWidth < 0) throw new UserInputException($"logistic: option OneHotGroupMinWidth must be " +
            $"non-negative, got {OneHotGroupMinWidth}.");
        CountLimit.Check(MaxIterations, MaxIterationsLimit, "logistic: option MaxIterations");
        CountLimit.Check(HistorySize, HistorySizeLimit, "logistic: option HistorySize");
        CountLimit.Check(MaxLineSearchSteps, MaxLineSearchStepsLimit, "logistic: option MaxLineSearchSteps");
        CountLimit.Check(NewtonMaxDimension, NewtonMaxDimensionLimit, "logistic: option NewtonMaxDimension");
        CountLimit.Check(MaxNewtonSteps, MaxNewtonStepsLimit, "logistic: option MaxNewtonSteps");
        CountLimit.Check(ChunkRows, ChunkRowsLimit, "logistic: option ChunkRows");
        CountLimit.Check(OneHotGroupMinWidth, OneHotGroupMinWidthLimit, "logistic: option OneHotGroupMinWidth");
        if (MaxDegreeOfParallelism is 0 or < -1) throw new UserInputException($"logistic: option " +
            $"MaxDegreeOfParallelism must be -1 or positive, got {MaxDegreeOfParallelism}.");
        if (!double.IsFinite(InitialIntercept)) throw new
            UserInputException("logistic: option InitialIntercept must be finite.");
        if (InitialCoefficients is not null && InitialCoefficients.Any(v => !double.IsFinite(v)))
            throw new UserInputException("logistic: option InitialCoefficients must be finite.");
    }
}
