using FairCollective.Data.Splitting;
using FairCollective.Learning;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// What a firm-side method works with: the prepared split, the firm's learner, and the unchanged (base) model fitted on
/// the training split. Groups are the split's <see cref="PreparedSplit.TrainGroups"/> and
/// <see cref="PreparedSplit.TestGroups"/> (minority = a = 1); methods with another convention translate inside
/// themselves. Post-processors are fitted on the rows <see cref="Fit"/> names: the validation split carved from the
/// training data (the literature's protocol), or the training split the base model was fitted on.
/// </summary>
public sealed class FirmSideContext(PreparedSplit split, ITrainer trainer, IClassifier baseModel, int seed,
    PostProcessingFit fit = PostProcessingFit.Training)
{
    /// <summary>Which rows post-processors are fitted on.</summary>
    public PostProcessingFit Fit { get; } = fit == PostProcessingFit.Validation && split.ValidationX is null
        ? throw new Common.UserInputException("post-processors can be fitted on a validation split only when there " +
            "is one: set validation_fraction > 0")
        : fit;

    /// <summary>The prepared split: encoded train and test rows, labels and groups.</summary>
    public PreparedSplit Split { get; } = split;

    /// <summary>The firm's learner, unchanged (methods refit it on their own training data).</summary>
    public ITrainer Trainer { get; } = trainer;

    /// <summary>The firm's model fitted on the original training split (post-processors and massaging read its
    /// scores).</summary>
    public IClassifier BaseModel { get; } = baseModel;

    /// <summary>Seed of the method's own random draws (randomised post-processors).</summary>
    public int Seed { get; } = seed;

    private double[]? _trainScores, _testScores;

    /// <summary>The base model's P(y = 1) on the training split.</summary>
    public double[] TrainScores => _trainScores ??= BaseModel.PredictProba(Split.TrainX);

    /// <summary>The base model's P(y = 1) on the test split.</summary>
    public double[] TestScores => _testScores ??= BaseModel.PredictProba(Split.TestX);

    private double[]? _fitScores;
    private int[]? _fitPredictions;

    /// <summary>The base model's P(y = 1) on the rows post-processors are fitted on (<see cref="Fit"/>).</summary>
    public double[] FitScores
        => Fit == PostProcessingFit.Training ? TrainScores : _fitScores ??= BaseModel.PredictProba(Split.ValidationX!);

    /// <summary>The base model's labels on the fitting rows.</summary>
    public int[] FitPredictions
        => _fitPredictions ??= BaseModel.Predict(Fit == PostProcessingFit.Training ? Split.TrainX : Split.ValidationX!);

    /// <summary>The true labels of the fitting rows.</summary>
    public int[] FitLabels => Fit == PostProcessingFit.Training ? Split.TrainY : Split.ValidationY!;

    /// <summary>The groups of the fitting rows.</summary>
    public Data.GroupMembership FitGroups
        => Fit == PostProcessingFit.Training ? Split.TrainGroups : Split.ValidationGroups!;

    private double[]? _validationScores;
    private int[]? _validationPredictions;

    /// <summary>The base model's P(y = 1) on the validation split; null without one.</summary>
    public double[]? ValidationScores
        => Split.ValidationX is null ? null : _validationScores ??= BaseModel.PredictProba(Split.ValidationX);

    /// <summary>The base model's labels on the validation split; null without one.</summary>
    public int[]? ValidationPredictions
        => Split.ValidationX is null ? null : _validationPredictions ??= BaseModel.Predict(Split.ValidationX);

    /// <summary>Fit the firm's learner on the training features with new labels and/or weights, and predict the test
    /// and validation splits.</summary>
    public SplitPredictions RefitAndPredict(int[] labels, double[]? weights = null) => FitAndPredict(Split.TrainX,
        labels, weights, Split.TestX, Split.ValidationX);

    /// <summary>
    /// Fit the firm's learner on other training features (a representation, moved rows) and predict matching test and
    /// validation features (<paramref name="validationX"/> null: no validation split).
    /// </summary>
    public SplitPredictions FitAndPredict(Data.DesignMatrix trainX, int[] labels, double[]? weights,
        Data.DesignMatrix testX, Data.DesignMatrix? validationX)
    {
        var model = Trainer.Fit(trainX, labels, weights ?? default(ReadOnlySpan<double>));
        return new SplitPredictions(model.Predict(testX), validationX is null ? null : model.Predict(validationX));
    }
}
