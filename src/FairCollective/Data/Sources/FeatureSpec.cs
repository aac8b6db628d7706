namespace FairCollective.Data.Sources;

/// <summary>One feature column of a <see cref="DatasetSpec"/>; kind "numeric" or "categorical", inferred when omitted.</summary>
public sealed record FeatureSpec
{
    public string? Name { get; init; }
    public string? Kind { get; init; }

    /// <summary>Most distinct levels if the column is categorical; default <see cref="DatasetSpec.MaxLevels"/>.</summary>
    public int? MaxLevels { get; init; }
}
