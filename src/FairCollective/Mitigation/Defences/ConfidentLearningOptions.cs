using FairCollective.Common;

namespace FairCollective.Mitigation.Defences;

/// <summary>Options of <see cref="ConfidentLearning"/>.</summary>
public sealed record ConfidentLearningOptions
{
    /// <summary>Default <see cref="Folds"/>: the published method's cross-validation folds.</summary>
    public const int DefaultFolds = 5;

    /// <summary>Most <see cref="Folds"/>: each fold is one fit of the firm's learner per cell.</summary>
    public const int FoldsLimit = 100;

    /// <summary>Folds of the out-of-fold predicted probabilities (stratified by label, seeded; 2 to
    /// <see cref="FoldsLimit"/>).</summary>
    public int Folds { get; init; } = DefaultFolds;

    /// <summary>Drop flagged rows (the published cleaning) or relabel them to the class they were counted in.</summary>
    public DefenceAction Action { get; init; } = DefenceAction.Drop;

    internal void Validate()
    {
        if (Folds < 2) throw new
            UserInputException($"{DefenceCatalog.ConfidentLearning}: option 'folds' must be at least 2; got {Folds}");
        CountLimit.Check(Folds, FoldsLimit, $"{DefenceCatalog.ConfidentLearning}: option 'folds'");
    }
}
