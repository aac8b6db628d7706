namespace FairCollective.Data.Sources;

/// <summary>One feature column of a <see cref="DatasetSpec"/>; kind "numeric" or "categorical", inferred when
/// omitted.</summary>
public sealed record FeatureSpec
{
    /// <summary>Column name (or 1-based position without a header). Required.</summary>
    public string? Name { get; init; }
    /// <summary>"numeric" or "categorical"; null = numeric when every present value is a number and at least one is
    /// finite, else categorical.</summary>
    public string? Kind { get; init; }

    /// <summary>Most distinct levels if the column is categorical; default
    /// <see cref="DatasetSpec.MaxLevels"/>.</summary>
    public int? MaxLevels { get; init; }
}
