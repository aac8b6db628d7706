namespace FairCollective.Data.Encoding;

/// <summary>What the encoder does with a missing numeric value (NaN).</summary>
public enum NumericMissingPolicy
{
    /// <summary>Replace by the training mean of the column (so it scales to 0).</summary>
    ImputeMean,

    /// <summary>Refuse the data with a <see cref="Common.UserInputException"/> naming column and row.</summary>
    Error,
}

/// <summary>What the encoder does with a missing categorical value (null).</summary>
public enum CategoricalMissingPolicy
{
    /// <summary>Treat missing as a category of its own, named <see cref="EncoderOptions.MissingCategory"/>.</summary>
    OwnCategory,

    /// <summary>Refuse the data with a <see cref="Common.UserInputException"/> naming column and row.</summary>
    Error,
}

/// <summary>
/// Options of <see cref="TabularEncoder"/>. The defaults reproduce the independent scikit-learn re-implementation
/// of the method (method.md section 5): numeric columns z-scored, categoricals one-hot with every level kept.
/// </summary>
public sealed record EncoderOptions
{
    /// <summary>Name of the category that stands for a missing (null) categorical value.</summary>
    public const string MissingCategory = "<missing>";

    /// <summary>Default of <see cref="ScaleNumeric"/>: numeric columns are z-scored.</summary>
    public const bool DefaultScaleNumeric = true;
    /// <summary>Default of <see cref="ScaleOneHot"/>: one-hot columns stay 0/1.</summary>
    public const bool DefaultScaleOneHot = false;
    /// <summary>Default of <see cref="DropFirst"/>: every category keeps its column.</summary>
    public const bool DefaultDropFirst = false;

    /// <summary>Z-score numeric columns with the training mean and population standard deviation.</summary>
    public bool ScaleNumeric { get; init; } = DefaultScaleNumeric;

    /// <summary>Also z-score the 0/1 one-hot columns (off by default: the re-implementation left them 0/1).</summary>
    public bool ScaleOneHot { get; init; } = DefaultScaleOneHot;

    /// <summary>Drop the first (ordinal) category of each categorical column, as pandas'
    /// get_dummies(drop_first).</summary>
    public bool DropFirst { get; init; } = DefaultDropFirst;

    /// <summary>Default of <see cref="BinaryAsOneColumn"/>: a two-level category keeps both columns (FairCollective
    /// 0.1, and the method's re-implementation's one-hot).</summary>
    public const bool DefaultBinaryAsOneColumn = false;

    /// <summary>Encode a categorical with exactly two levels (in training) as one 0/1 column (its second level, ordinal
    /// order) instead of two.</summary>
    public bool BinaryAsOneColumn { get; init; } = DefaultBinaryAsOneColumn;

    /// <summary>Handling of a missing numeric value (NaN); default impute the training mean.</summary>
    public NumericMissingPolicy NumericMissing { get; init; } = NumericMissingPolicy.ImputeMean;

    /// <summary>Handling of a missing categorical value (null); default a category of its own.</summary>
    public CategoricalMissingPolicy CategoricalMissing { get; init; } = CategoricalMissingPolicy.OwnCategory;

    /// <summary>The defaults.</summary>
    public static EncoderOptions Default { get; } = new();
}
