namespace FairCollective.Data.Sources;

/// <summary>Options for <see cref="DatasetCatalog.Load"/> that apply across sources (each null = the source's
/// default).</summary>
public sealed record LoadOptions
{
    /// <summary>No overrides: every source's own defaults.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>A <see cref="DatasetSpec"/> describing a user CSV; the dataset is then read by
    /// <see cref="CsvDatasetLoader"/>.</summary>
    public DatasetSpec? Spec { get; init; }

    /// <summary>Where <see cref="Spec"/> came from (a file path): messages name it, and a relative data path resolves
    /// beside it.</summary>
    public string? SpecSource { get; init; }

    /// <summary>Extra features (--embeddings): Waterbirds' image embeddings, or for any dataset a CSV keyed by row id
    /// or a positional .npy array (<see cref="FeatureFile"/>).</summary>
    public string? EmbeddingsPath { get; init; }

    /// <summary>adult.test when loading Adult by path; default: the adult.test next to adult.data, if any.</summary>
    public string? AdultTestPath { get; init; }

    /// <summary>Overrides the minority group(s) of the source.</summary>
    public IReadOnlyList<string>? Minority { get; init; }

    /// <summary>Overrides whether the sensitive attribute is a feature.</summary>
    public bool? SensitiveAsFeature { get; init; }

    /// <summary>
    /// The file holds one part of a population (a collective's members, a sample of majority rows): it may have a
    /// single group or label, and declared groups need not all occur. Only an empty file is refused. Default false.
    /// </summary>
    public bool PartialFile { get; init; }
}
