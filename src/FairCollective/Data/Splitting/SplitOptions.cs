namespace FairCollective.Data.Splitting;

/// <summary>
/// Options of <see cref="StratifiedSplitter"/>. Defaults follow the independent re-implementation of the method
/// (method.md section 5): a 70/30 train/test split stratified by label x sensitive group, no validation part.
/// </summary>
public sealed record SplitOptions
{
    /// <summary>Default test share: 30% of rows.</summary>
    public const double DefaultTestFraction = 0.3;
    /// <summary>Default validation share: none.</summary>
    public const double DefaultValidationFraction = 0.0;
    /// <summary>Default predefined-split name of training rows.</summary>
    public const string DefaultTrainName = "train";
    /// <summary>Default predefined-split name of test rows.</summary>
    public const string DefaultTestName = "test";

    /// <summary>Names a predefined split may use for the validation part.</summary>
    public static readonly IReadOnlyList<string> DefaultValidationNames = ["validation", "valid", "val"];

    /// <summary>Seed of the split (the stream is <c>Seeds.Create(Seed, "split")</c>).</summary>
    public int Seed { get; init; }

    /// <summary>What each part keeps the proportions of: label x group (the default: every group's base rate, which the
    /// fairness metrics compare) or the label alone.</summary>
    public Stratification Stratify { get; init; } = Stratification.LabelAndGroup;

    /// <summary>Share of all rows in the test part; its size is ceil(TestFraction * n), as scikit-learn's.</summary>
    public double TestFraction { get; init; } = DefaultTestFraction;

    /// <summary>Share of all rows in the validation part; its size is ceil(ValidationFraction * n).</summary>
    public double ValidationFraction { get; init; } = DefaultValidationFraction;

    /// <summary>Use <see cref="Dataset.PredefinedSplit"/> instead of drawing a split.</summary>
    public bool UsePredefined { get; init; }

    /// <summary>With <see cref="UsePredefined"/>: the split name of training rows (ordinal,
    /// case-insensitive).</summary>
    public string TrainName { get; init; } = DefaultTrainName;

    /// <summary>With <see cref="UsePredefined"/>: the split name of test rows.</summary>
    public string TestName { get; init; } = DefaultTestName;

    /// <summary>With <see cref="UsePredefined"/>: the split names of validation rows.</summary>
    public IReadOnlyList<string> ValidationNames { get; init; } = DefaultValidationNames;
}

/// <summary>The strata of a drawn split.</summary>
public enum Stratification
{
    /// <summary>Label x sensitive group: every part keeps each group's base rate.</summary>
    LabelAndGroup,

    /// <summary>The label alone (scikit-learn's train_test_split(stratify=y)).</summary>
    Label,
}
