using System.Runtime.CompilerServices;
using FairCollective.Data.Splitting;
using FairCollective.Mitigation.Fare;
using FairCollective.Mitigation.Steering;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// FARE (Jovanović et al.): the firm trains on a fair-tree leaf encoding of the rows; knob = the fairness weight w of
/// the fair split criterion, with at most <see cref="FareOptions.DefaultMaxLeaves"/> leaves. Each run also reports
/// FARE's certificate: an upper bound, holding with 95% confidence, on the demographic-parity gap of any classifier on
/// the leaves, from the training rows and held-out rows the tree never saw (the validation split when there is one,
/// else the test split).
/// </summary>
/// <param name="options">The tree's options (leaves, leaf size, encoding); the knob sets its fairness weight.</param>
public sealed class FareMethod(FareOptions options) : IFirmSideMethod
{
    private readonly FareOptions _options = Checked(options);

    /// <inheritdoc/>
    public string Name => "FARE";
    /// <inheritdoc/>
    public string KnobDescription
        => $"fairness weight w of (1 - w) Gini(y) + w (1/2 - Gini(s)), k = {_options.MaxLeaves} leaves";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.0, 0.25, 0.5, 0.75, 0.95];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var tree = FareTreeBuilder.Fit(c.Split.TrainX, c.Split.TrainY, c.Split.TrainGroups,
            _options with { FairnessWeight = knob });
        var (heldOutX, heldOutGroups) = c.Split.ValidationX is { } vx ? (vx,
            c.Split.ValidationGroups!) : (c.Split.TestX, c.Split.TestGroups);
        var certificate = FareCertificate.Compute(tree.LeafCount, new LeafSample(tree.LeafIds(c.Split.TrainX),
            c.Split.TrainGroups.Codes.ToArray()),
            new LeafSample(tree.LeafIds(heldOutX), heldOutGroups.Codes.ToArray()), c.Seed);
        return FirmSideOutcome.Of(c.FitAndPredict(tree.Encode(c.Split.TrainX), c.Split.TrainY, null,
            tree.Encode(c.Split.TestX), c.Split.ValidationX is { } v ? tree.Encode(v) : null),
            new Dictionary<string, double>
            {
                [Fairness.MetricKeys.FareDemographicParityBound] =
                certificate.DemographicParityBound
            });
    }

    private static FareOptions Checked(FareOptions options)
    {
        options.Validate();
        return options;
    }
}

/// <summary>
/// Optimal steering to an ideal distribution (Sharma et al.): the minority's training rows move by the Gaussian
/// transport map of their (class, group) cell and base rates are equalised by weights; test rows are not moved.
/// Knob = interpolation t between the original (0) and the steered (1) training rows. The full-covariance variant
/// (EF-Affirmative only) also reports its solver's Newton steps and final gradient norm, so a store shows whether
/// each cell's steering problem was solved.
/// </summary>
/// <param name="options">The steering problem's options: its mode (which parameters move) and covariance (diagonal
/// closed forms, or the full convex problem solved numerically) name the variant; the knob sets the
/// interpolation.</param>
public sealed class SteeringMethod(SteeringOptions options) : IFirmSideMethod
{
    private readonly SteeringOptions _options = Checked(options);

    /// <inheritdoc/>
    public string Name => (_options.Mode == SteeringMode.AllSubgroups ? "Steering-EF-All" : "Steering-EF-Affirmative")
                          + (_options.Covariance == CovarianceKind.Full ? "-Full" : "");
    /// <inheritdoc/>
    public string KnobDescription => "interpolation t between the original and the steered training rows";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.25, 0.5, 0.75, 1.0];

    // The steering problem does not depend on the knob: solved once per split and shared by its knobs (weakly held:
    // it dies with the split). The full-covariance solve is the costly part (about 1 s on Adult).
    private readonly ConditionalWeakTable<PreparedSplit, Lazy<SteeringSolution>> _solutions = new();

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var solution = _solutions.GetValue(c.Split, split => new Lazy<SteeringSolution>(() =>
            SteeringPipeline.Solve(split.TrainX, split.TrainY, split.TrainGroups.Codes, _options))).Value;
        var steered = SteeringPipeline.ApplySolution(c.Split.TrainX, c.Split.TrainY, c.Split.TrainGroups.Codes,
            solution,
            _options with { Interpolation = knob });
        var measures = _options.Covariance == CovarianceKind.Full
            ? new Dictionary<string, double>
            {
                [Fairness.MetricKeys.SteeringGradientNorm] = steered.Solution.SolverGradientNorm,
                [Fairness.MetricKeys.SteeringIterations] = steered.Solution.SolverIterations,
            }
            : null;
        // Test and validation rows are not moved: the steered model predicts them as they are.
        return FirmSideOutcome.Of(c.FitAndPredict(steered.X, c.Split.TrainY, steered.Weights, c.Split.TestX,
            c.Split.ValidationX), measures);
    }

    // Checked when built, so a spec's bad option stops the parse with its line (the columns are checked per split).
    private static SteeringOptions Checked(SteeringOptions options)
    {
        options.Validate(int.MaxValue);
        return options;
    }
}
