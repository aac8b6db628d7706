using FairCollective.Common;

namespace FairCollective.Mitigation.Steering;

/// <summary>Which parameters steering may move (Sharma, Deshpande, Bhattacharyya, Shah, NeurIPS 2025).</summary>
public enum SteeringMode
{
    /// <summary>EF-Affirmative: only the disadvantaged group's class-conditionals move (convex).</summary>
    Affirmative,

    /// <summary>EF-All-subgroups: all four (class, group) cells move (non-convex; line search over the
    /// scale).</summary>
    AllSubgroups,

    /// <summary>Baseline: the disadvantaged group's class means become the template's; variances are left
    /// alone.</summary>
    MeanMatching,
}

/// <summary>Shape of the fitted class-conditional covariances.</summary>
public enum CovarianceKind
{
    /// <summary>Per-feature variances; the 1-D closed forms are applied feature by feature.</summary>
    Diagonal,

    /// <summary>Full covariance matrices; EF-Affirmative then minimises its convex objective numerically.</summary>
    Full,
}

/// <summary>The common base rate P(Y = 1 | A = a) both groups are reweighted to.</summary>
public enum BaseRateTarget
{
    /// <summary>The advantaged (template) group's base rate: only the disadvantaged group's weights change.</summary>
    Advantaged,

    /// <summary>The pooled base rate of the training data: both groups' weights change.</summary>
    Pooled,
}

/// <summary>Settings of <see cref="SteeringPipeline"/> and <see cref="GaussianSteering"/> (optimal steering to exact
/// fairness).</summary>
public sealed record SteeringOptions
{
    /// <summary>Default moved group: 1, the minority.</summary>
    public const int DefaultDisadvantagedGroup = 1;
    /// <summary>Default interpolation: fully steered.</summary>
    public const double DefaultInterpolation = 1.0;
    /// <summary>Default variance added to every fitted variance.</summary>
    public const double DefaultVarianceFloor = 1e-9;
    /// <summary>Default grid points of the EF-All line search.</summary>
    public const int DefaultGammaGridSize = 400;
    /// <summary>Default span factor of the EF-All grid around rho.</summary>
    public const double DefaultGammaGridSpan = 100;
    /// <summary>Default Newton-step cap of the full-covariance solver (the bundled data sets need 9 to 16).</summary>
    public const int DefaultMaxIterations = 200;
    /// <summary>Default shrinkage of full cell covariances toward a multiple of the identity.</summary>
    public const double DefaultCovarianceShrinkage = 0.01;
    /// <summary>Default gradient-norm tolerance of the full-covariance solver.</summary>
    public const double DefaultGradientTolerance = 1e-10;

    /// <summary>Which parameters may move; default EF-Affirmative.</summary>
    public SteeringMode Mode { get; init; } = SteeringMode.Affirmative;

    /// <summary>Shape of the fitted covariances; default diagonal.</summary>
    public CovarianceKind Covariance { get; init; } = CovarianceKind.Diagonal;

    /// <summary>The group that is moved (and, in EF-All, the one mapped onto the template's shape). The product's
    /// convention is a = 1 = minority, so the default is 1; the other group is the advantaged template.</summary>
    public int DisadvantagedGroup { get; init; } = DefaultDisadvantagedGroup;

    /// <summary>The common base rate both groups are reweighted to; default the advantaged group's.</summary>
    public BaseRateTarget BaseRate { get; init; } = BaseRateTarget.Advantaged;

    /// <summary>Columns steered in log space (positive, right-skewed features): log, steer, exp back.</summary>
    public IReadOnlyList<int> LogColumns { get; init; } = [];

    /// <summary>t in [0, 1]: moved rows are (1 - t) x + t T(x), weights (1 - t) + t w. 1 = fully steered.</summary>
    public double Interpolation { get; init; } = DefaultInterpolation;

    /// <summary>Added to every fitted variance (diagonal) so constant features do not make the problem
    /// singular.</summary>
    public double VarianceFloor { get; init; } = DefaultVarianceFloor;

    /// <summary>
    /// Full covariances only: each fitted cell covariance S becomes (1 - lambda) S + lambda (tr S / d) I, the shrunk
    /// covariance of Ledoit and Wolf's target (scikit-learn's <c>ShrunkCovariance</c>). One-hot features and categories
    /// absent from a cell make sample covariances singular; without shrinkage the steering problem is then ill-posed
    /// (its curvature spans some 1e9 and no solver reaches its tolerance). Diagonal models ignore it: their per-feature
    /// closed forms are well posed with <see cref="VarianceFloor"/> alone. In [0, 1); default 0.01.
    /// </summary>
    public double CovarianceShrinkage { get; init; } = DefaultCovarianceShrinkage;

    /// <summary>EF-All line search: number of log-spaced grid points for the scale gamma (then golden-section
    /// refinement).</summary>
    public int GammaGridSize { get; init; } = DefaultGammaGridSize;

    /// <summary>EF-All line search: the grid spans [rho / span, rho * span], rho = the groups' geometric sd
    /// ratio.</summary>
    public double GammaGridSpan { get; init; } = DefaultGammaGridSpan;

    /// <summary>Full-covariance EF-Affirmative: cap on Newton steps and tolerance on the gradient's Frobenius
    /// norm.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <inheritdoc cref="MaxIterations"/>
    public double GradientTolerance { get; init; } = DefaultGradientTolerance;

    /// <summary>Most points of the γ grid a spec may ask for.</summary>
    public const int GammaGridSizeLimit = 100_000;

    /// <summary>Most Newton steps a spec may ask for.</summary>
    public const int MaxIterationsLimit = 100_000;

    internal void Validate(int cols)
    {
        if (DisadvantagedGroup is not (0 or 1)) throw new
            UserInputException($"option disadvantaged_group must be 0 or 1; got {DisadvantagedGroup}");
        if (!(Interpolation >= 0 && Interpolation <= 1))
            throw new UserInputException($"the interpolation must be in [0, 1]; got {Interpolation}");
        if (!(VarianceFloor >= 0)) throw new
            UserInputException($"option variance_floor must be non-negative; got {VarianceFloor}");
        if (!(CovarianceShrinkage >= 0 && CovarianceShrinkage < 1))
            throw new UserInputException($"option covariance_shrinkage must be in [0, 1); got {CovarianceShrinkage}");
        if (GammaGridSize < 3) throw new
            UserInputException($"option gamma_grid_size must be at least 3; got {GammaGridSize}");
        CountLimit.Check(GammaGridSize, GammaGridSizeLimit, "option gamma_grid_size");
        if (!(GammaGridSpan > 1)) throw new
            UserInputException($"option gamma_grid_span must exceed 1; got {GammaGridSpan}");
        if (MaxIterations < 1) throw new
            UserInputException($"option max_iterations must be at least 1; got {MaxIterations}");
        CountLimit.Check(MaxIterations, MaxIterationsLimit, "option max_iterations");
        if (!(GradientTolerance > 0)) throw new
            UserInputException($"option gradient_tolerance must be positive; got {GradientTolerance}");
        foreach (int c in LogColumns)
            if ((uint)c >= (uint)cols) throw new
                UserInputException($"steering log column {c} is outside 0..{cols - 1}");
        if (Covariance == CovarianceKind.Full && Mode == SteeringMode.AllSubgroups)
            throw new UserInputException("steering mode all-subgroups supports only diagonal covariance");
    }
}
