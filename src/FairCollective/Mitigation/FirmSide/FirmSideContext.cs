using FairCollective.Data.Splitting;
using FairCollective.Learning;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// What a firm-side method works with: the prepared split, the firm's learner, and the unchanged (base) model fitted on
/// the training split. Groups are the split's <see cref="PreparedSplit.TrainGroups"/> and <see cref="PreparedSplit.TestGroups"/>
/// (minority = a = 1); methods with another convention translate inside themselves. Post-processors are fitted on the
/// training split's predictions (no separate validation split).
/// </summary>
public sealed class FirmSideContext(PreparedSplit split, ITrainer trainer, IClassifier baseModel, int seed)
{
    /// <summary>The prepared split: encoded train and test rows, labels and groups.</summary>
    public PreparedSplit Split { get; } = split;

    /// <summary>The firm's learner, unchanged (methods refit it on their own training data).</summary>
    public ITrainer Trainer { get; } = trainer;

    /// <summary>The firm's model fitted on the original training split (post-processors and massaging read its scores).</summary>
    public IClassifier BaseModel { get; } = baseModel;

    /// <summary>Seed of the method's own random draws (randomised post-processors).</summary>
    public int Seed { get; } = seed;

    private double[]? _trainScores, _testScores;

    /// <summary>The base model's P(y = 1) on the training split.</summary>
    public double[] TrainScores => _trainScores ??= BaseModel.PredictProba(Split.TrainX);

    /// <summary>The base model's P(y = 1) on the test split.</summary>
    public double[] TestScores => _testScores ??= BaseModel.PredictProba(Split.TestX);

    /// <summary>Fit the firm's learner on the training features with new labels and/or weights, and predict the test split.</summary>
    public int[] RefitAndPredict(int[] labels, double[]? weights = null) => FitAndPredict(Split.TrainX, labels, weights, Split.TestX);

    /// <summary>Fit the firm's learner on other training features (a representation, moved rows) and predict matching test features.</summary>
    public int[] FitAndPredict(Data.DesignMatrix trainX, int[] labels, double[]? weights, Data.DesignMatrix testX) =>
        Trainer.Fit(trainX, labels, weights ?? default(ReadOnlySpan<double>)).Predict(testX);
}
