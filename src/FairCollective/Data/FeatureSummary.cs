namespace FairCollective.Data;

/// <summary>A feature column: kind, missing values, and distinct levels for a categorical one.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Missing">Rows with a missing value (NaN or null).</param>
/// <param name="Levels">Distinct non-missing levels of a categorical column; null for a numeric one.</param>
public sealed record FeatureSummary(string Name, FeatureKind Kind, int Missing, int? Levels);
