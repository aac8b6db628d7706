using FairCollective.Data.Splitting;
using FairCollective.Learning;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// What a firm-side method works with: the prepared split, the firm's learner, and the unchanged (base) model fitted on
/// the training split. The majority plays AIF360's "privileged" role and the minority the "unprivileged" one;
/// post-processors are fitted on the training split's predictions (no separate validation split).
/// </summary>
public sealed class FirmSideContext(PreparedSplit split, ITrainer trainer, IClassifier baseModel, int seed)
{
    public PreparedSplit Split { get; } = split;
    public ITrainer Trainer { get; } = trainer;
    public IClassifier BaseModel { get; } = baseModel;
    public int Seed { get; } = seed;

    public bool[] TrainPrivileged { get; } = split.TrainMinority.Select(m => !m).ToArray();
    public bool[] TestPrivileged { get; } = split.TestMinority.Select(m => !m).ToArray();

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

    /// <summary>1 for minority training rows, 0 for the majority (the group coding of FARE and steering).</summary>
    public int[] TrainGroupCodes => Split.TrainMinority.Select(m => m ? 1 : 0).ToArray();
}
