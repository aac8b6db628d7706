namespace FairCollective.Data.Sources;

/// <summary>
/// The sensitive attribute of a <see cref="DatasetSpec"/>. Several columns make intersectional groups, their
/// values joined by <see cref="SensitiveAttribute.IntersectionSeparator"/> in column order ("Female x Black").
/// </summary>
public sealed record SensitiveSpec
{
    /// <summary>Sensitive column(s); several make intersectional groups. At least one is required.</summary>
    public List<string> Columns { get; init; } = [];

    /// <summary>The group labels forming the minority (a = 1).</summary>
    public List<string> Minority { get; init; } = [];

    /// <summary>Declared group labels; when given, any other observed group is an error.</summary>
    public List<string>? Groups { get; init; }

    /// <summary>Whether the sensitive columns are features when <see cref="DatasetSpec.Features"/> is not given;
    /// default true.</summary>
    public bool AsFeature { get; init; } = true;
}
