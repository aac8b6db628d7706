using FairCollective.Data;

namespace FairCollective.Learning;

/// <summary>
/// A learner in scikit-learn's estimator shape: configuration (including the seed) is fixed at construction in an
/// options object; <see cref="Fit"/> learns and returns a separate, immutable <see cref="IClassifier"/>.
/// Implementations refuse bad shapes (row counts that disagree, labels outside {0,1}, negative or non-finite
/// weights, a single class) with a <see cref="Common.UserInputException"/> naming the problem.
/// </summary>
public interface ITrainer
{
    /// <summary>Short name used in specs, tables and the results store ("logistic", "mlp", "gbt").</summary>
    string Name { get; }

    /// <summary>Learns from the rows of <paramref name="x"/> and returns a new fitted model.</summary>
    /// <param name="x">n x d design matrix.</param>
    /// <param name="y">n labels in {0,1}.</param>
    /// <param name="sampleWeights">optional n non-negative weights (empty, the default, = all ones).</param>
    IClassifier Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> sampleWeights = default);
}
