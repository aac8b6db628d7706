namespace FairCollective.Data.Sources;

/// <summary>Which field values mean "missing" and what to do with them.</summary>
public sealed record MissingSpec
{
    /// <summary>Policy: drop rows with a missing value in a used column.</summary>
    public const string DropRow = "drop-row";
    /// <summary>Policy: a missing value in a used column is an error naming file, line and column.</summary>
    public const string Error = "error";
    /// <summary>Policy: keep missing feature values (NaN / null) for the encoder to handle.</summary>
    public const string Keep = "keep";

    /// <summary>Tokens read as missing; default "", "?" and "NA".</summary>
    public List<string> Values { get; init; } = ["", "?", "NA"];

    /// <summary>
    /// <see cref="DropRow"/> (default): drop rows with a missing value in a used column; <see cref="Error"/>: stop;
    /// <see cref="Keep"/>: keep them as NaN / null for the encoder to impute (label, sensitive and id must still be
    /// present).
    /// </summary>
    public string Policy { get; init; } = DropRow;
}
