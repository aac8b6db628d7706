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
public sealed class FareMethod : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => "FARE";
    /// <inheritdoc/>
    public string KnobDescription => $"fairness weight w of (1 - w) Gini(y) + w (1/2 - Gini(s)), k = {FareOptions.DefaultMaxLeaves} leaves";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.0, 0.25, 0.5, 0.75, 0.95];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var tree = FareTreeBuilder.Fit(c.Split.TrainX, c.Split.TrainY, c.Split.TrainGroups, new FareOptions { FairnessWeight = knob });
        var (heldOutX, heldOutGroups) = c.Split.ValidationX is { } vx ? (vx, c.Split.ValidationGroups!) : (c.Split.TestX, c.Split.TestGroups);
        var certificate = FareCertificate.Compute(tree.LeafCount, new LeafSample(tree.LeafIds(c.Split.TrainX), c.Split.TrainGroups.Codes.ToArray()),
            new LeafSample(tree.LeafIds(heldOutX), heldOutGroups.Codes.ToArray()), c.Seed);
        return FirmSideOutcome.Of(c.FitAndPredict(tree.Encode(c.Split.TrainX), c.Split.TrainY, null, tree.Encode(c.Split.TestX), c.Split.ValidationX is { } v ? tree.Encode(v) : null),
            new Dictionary<string, double> { [Fairness.MetricKeys.FareDemographicParityBound] = certificate.DemographicParityBound });
    }
}

/// <summary>
/// Optimal steering to an ideal distribution (Sharma et al.): the minority's training rows move by the Gaussian
/// transport map of their (class, group) cell and base rates are equalised by weights; test rows are not moved.
/// Knob = interpolation t between the original (0) and the steered (1) training rows. The full-covariance variant
/// (EF-Affirmative only) also reports its solver's Newton steps and final gradient norm, so a store shows whether
/// each cell's steering problem was solved.
/// </summary>
/// <param name="mode">Which parameters move.</param>
/// <param name="covariance">Diagonal (per-feature closed forms) or full (the convex problem, solved
/// numerically).</param>
public sealed class SteeringMethod(SteeringMode mode, CovarianceKind covariance = CovarianceKind.Diagonal) : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => (mode == SteeringMode.AllSubgroups ? "Steering-EF-All" : "Steering-EF-Affirmative")
                          + (covariance == CovarianceKind.Full ? "-Full" : "");
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
            SteeringPipeline.Solve(split.TrainX, split.TrainY, split.TrainGroups.Codes, new SteeringOptions { Mode = mode, Covariance = covariance }))).Value;
        var steered = SteeringPipeline.ApplySolution(c.Split.TrainX, c.Split.TrainY, c.Split.TrainGroups.Codes, solution,
            new SteeringOptions { Mode = mode, Covariance = covariance, Interpolation = knob });
        var measures = covariance == CovarianceKind.Full
            ? new Dictionary<string, double>
            {
                [Fairness.MetricKeys.SteeringGradientNorm] = steered.Solution.SolverGradientNorm,
                [Fairness.MetricKeys.SteeringIterations] = steered.Solution.SolverIterations,
            }
            : null;
        // Test and validation rows are not moved: the steered model predicts them as they are.
        return FirmSideOutcome.Of(c.FitAndPredict(steered.X, c.Split.TrainY, steered.Weights, c.Split.TestX, c.Split.ValidationX), measures);
    }
}
