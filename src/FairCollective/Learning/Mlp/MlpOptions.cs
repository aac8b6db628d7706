using FairCollective.Common;

namespace FairCollective.Learning.Mlp;

/// <summary>
/// Settings of <see cref="MlpTrainer"/>. Defaults follow scikit-learn's MLPClassifier (Adam, lr 1e-3, β₁ 0.9,
/// β₂ 0.999, ε 1e-8, α 1e-4, batches of 200, at most 200 epochs, patience 10, tol 1e-4, validation fraction 0.1)
/// with a single hidden layer of 64 ReLU units.
/// </summary>
public sealed record MlpOptions
{
    /// <summary>Default units of the single hidden layer.</summary>
    public const int DefaultHiddenUnits = 64;
    /// <summary>Default Adam step size (scikit-learn's learning_rate_init).</summary>
    public const double DefaultLearningRate = 1e-3;
    /// <summary>Default Adam first-moment decay.</summary>
    public const double DefaultBeta1 = 0.9;
    /// <summary>Default Adam second-moment decay.</summary>
    public const double DefaultBeta2 = 0.999;
    /// <summary>Default Adam stability term.</summary>
    public const double DefaultEpsilon = 1e-8;
    /// <summary>Default L2 penalty (scikit-learn's alpha).</summary>
    public const double DefaultL2Penalty = 1e-4;
    /// <summary>Default rows per mini-batch.</summary>
    public const int DefaultBatchSize = 200;
    /// <summary>Default most epochs (scikit-learn's max_iter).</summary>
    public const int DefaultMaxEpochs = 200;
    /// <summary>Default: early stopping on a held-out validation share (scikit-learn's default is off).</summary>
    public const bool DefaultEarlyStopping = true;
    /// <summary>Default validation share: 10% of rows.</summary>
    public const double DefaultValidationFraction = 0.1;
    /// <summary>Default epochs without improvement before stopping (scikit-learn's n_iter_no_change).</summary>
    public const int DefaultPatience = 10;
    /// <summary>Default least improvement that counts (scikit-learn's tol).</summary>
    public const double DefaultTolerance = 1e-4;
    /// <summary>Default seed.</summary>
    public const int DefaultSeed = 0;
    /// <summary>Most hidden layers supported.</summary>
    public const int MaxHiddenLayers = 2;
    /// <summary>Most units in one hidden layer.</summary>
    public const int HiddenUnitsLimit = 10_000;
    /// <summary>Most <see cref="BatchSize"/>.</summary>
    public const int BatchSizeLimit = 1_000_000;
    /// <summary>Most <see cref="MaxEpochs"/>: five hundred times the default.</summary>
    public const int MaxEpochsLimit = 100_000;
    /// <summary>Most <see cref="Patience"/>.</summary>
    public const int PatienceLimit = MaxEpochsLimit;

    /// <summary>Units per hidden layer (one or two layers). Default one layer of
    /// <see cref="DefaultHiddenUnits"/>.</summary>
    public IReadOnlyList<int> HiddenLayerSizes { get; init; } = [DefaultHiddenUnits];

    /// <summary>Adam step size, positive (scikit-learn's learning_rate_init).</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;
    /// <summary>Adam's decay rate of the first-moment estimate, in [0, 1).</summary>
    public double Beta1 { get; init; } = DefaultBeta1;
    /// <summary>Adam's decay rate of the second-moment estimate, in [0, 1).</summary>
    public double Beta2 { get; init; } = DefaultBeta2;
    /// <summary>Adam's numerical-stability term added to the denominator, positive.</summary>
    public double Epsilon { get; init; } = DefaultEpsilon;

    /// <summary>L2 penalty on the weights (not the biases): scikit-learn's alpha, renamed because alpha is the
    /// collective's share here.</summary>
    [FormerName("alpha")]
    public double L2Penalty { get; init; } = DefaultL2Penalty;

    /// <summary>Rows per mini-batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Most passes over the training rows (scikit-learn's max_iter).</summary>
    public int MaxEpochs { get; init; } = DefaultMaxEpochs;

    /// <summary>
    /// Hold out <see cref="ValidationFraction"/> of the rows and stop when their weighted log-loss has not improved by
    /// <see cref="Tolerance"/> for <see cref="Patience"/> epochs, returning the best weights seen. When false, the same
    /// rule runs on the training loss and the last weights are returned (scikit-learn's behaviour).
    /// </summary>
    public bool EarlyStopping { get; init; } = DefaultEarlyStopping;

    /// <summary>Share of rows held out for <see cref="EarlyStopping"/>, in (0, 1).</summary>
    public double ValidationFraction { get; init; } = DefaultValidationFraction;
    /// <summary>Epochs without an improvement of <see cref="Tolerance"/> before training stops (scikit-learn's
    /// n_iter_no_change).</summary>
    public int Patience { get; init; } = DefaultPatience;
    /// <summary>Least decrease of the monitored loss that counts as improvement (scikit-learn's tol).</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Seed for initial weights, the validation split and per-epoch shuffles.</summary>
    public int Seed { get; init; } = DefaultSeed;

    internal void Validate()
    {
        if (HiddenLayerSizes is null || HiddenLayerSizes.Count is < 1 or > MaxHiddenLayers)
            throw new UserInputException($"mlp: option HiddenLayerSizes must list 1 to {MaxHiddenLayers} layer sizes.");
        if (HiddenLayerSizes.Any(h
            => h < 1)) throw new UserInputException("mlp: option HiddenLayerSizes must be positive.");
        if (!(LearningRate > 0)) throw new
            UserInputException($"mlp: option LearningRate must be positive, got {LearningRate}.");
        if (!(Beta1 is >= 0 and < 1)) throw new
            UserInputException($"mlp: option Beta1 must be in [0, 1), got {Beta1}.");
        if (!(Beta2 is >= 0 and < 1)) throw new
            UserInputException($"mlp: option Beta2 must be in [0, 1), got {Beta2}.");
        if (!(Epsilon > 0)) throw new UserInputException($"mlp: option Epsilon must be positive, got {Epsilon}.");
        if (!(L2Penalty >= 0)) throw new
            UserInputException($"mlp: option l2_penalty must be non-negative, got {L2Penalty}.");
        if (BatchSize < 1) throw new UserInputException($"mlp: option BatchSize must be at least 1, got {BatchSize}.");
        if (MaxEpochs < 1) throw new UserInputException($"mlp: option MaxEpochs must be at least 1, got {MaxEpochs}.");
        if (!(ValidationFraction is > 0 and < 1)) throw new
            UserInputException($"mlp: option ValidationFraction must be in (0, 1), got {ValidationFraction}.");
        if (Patience < 1) throw new UserInputException($"mlp: option Patience must be at least 1, got {Patience}.");
        if (!(Tolerance >= 0)) throw new
            UserInputException($"mlp: option Tolerance must be non-negative, got {Tolerance}.");
        CountLimit.Check(HiddenLayerSizes.Max(), HiddenUnitsLimit, "mlp: a layer of option HiddenLayerSizes");
        CountLimit.Check(BatchSize, BatchSizeLimit, "mlp: option BatchSize");
        CountLimit.Check(MaxEpochs, MaxEpochsLimit, "mlp: option MaxEpochs");
        CountLimit.Check(Patience, PatienceLimit, "mlp: option Patience");
    }
}
