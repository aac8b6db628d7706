namespace FairCollective.Learning.Catalog;

/// <summary>The learner options an experiment can set; <see cref="LearnerCatalog"/> turns them into each learner's own options.</summary>
public sealed record LearnerSettings
{
    /// <summary>Inverse L2 strength of the logistic-regression firm (scikit-learn's C).</summary>
    public double C { get; init; } = Logistic.LogisticRegressionOptions.DefaultC;
}
