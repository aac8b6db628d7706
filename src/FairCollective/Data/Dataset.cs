namespace FairCollective.Data;

/// <summary>
/// The common representation every source is loaded into: raw feature columns, the favourable label y in {0,1},
/// the sensitive attribute with the minority marked, a stable id per row, and optionally a split that the source
/// itself prescribes (Adult's two files, the ACS national subset's split column, Waterbirds' split).
/// </summary>
public sealed class Dataset
{
    public Dataset(string name, IReadOnlyList<FeatureColumn> features, int[] labels, SensitiveAttribute sensitive,
        string[] ids, string?[]? predefinedSplit = null, string? description = null)
    {
        int n = labels.Length;
        if (sensitive.GroupOfRow.Length != n || ids.Length != n || (predefinedSplit is not null && predefinedSplit.Length != n))
            throw new ArgumentException($"Dataset '{name}': labels, groups, ids and split must have one entry per row.");
        foreach (var f in features)
            if (f.Length != n) throw new ArgumentException($"Dataset '{name}': feature '{f.Name}' has {f.Length} rows, expected {n}.");
        foreach (int y in labels)
            if (y is not (0 or 1)) throw new ArgumentException($"Dataset '{name}': labels must be 0 or 1.");
        Name = name;
        Features = features;
        Labels = labels;
        Sensitive = sensitive;
        Ids = ids;
        PredefinedSplit = predefinedSplit;
        Description = description;
    }

    public string Name { get; }
    public IReadOnlyList<FeatureColumn> Features { get; }

    /// <summary>y per row: 1 = favourable.</summary>
    public int[] Labels { get; }

    public SensitiveAttribute Sensitive { get; }
    public string[] Ids { get; }

    /// <summary>A split name per row ("train", "test", "validation", ...) when the source prescribes one; else null.</summary>
    public string?[]? PredefinedSplit { get; }

    public string? Description { get; }

    /// <summary>
    /// What was loaded and how (<see cref="DatasetIdentity"/>): set by <see cref="Sources.DatasetCatalog.Load"/>,
    /// <see cref="Sources.CsvDatasetLoader"/> and <see cref="Synthetic.SyntheticGenerator"/>; null for a dataset
    /// built in code, loaded by a loader directly, or made by <see cref="Select"/> (a subset is not what was loaded).
    /// </summary>
    public DatasetIdentity? Identity { get; private set; }

    /// <summary>Sets <see cref="Identity"/> once, as the loader returns the dataset; returns this dataset.</summary>
    internal Dataset Identify(DatasetIdentity identity)
    {
        if (Identity is not null) throw new InvalidOperationException($"Dataset '{Name}' already has an identity.");
        Identity = identity;
        return this;
    }

    public int RowCount => Labels.Length;

    /// <summary>The rows <paramref name="rows"/>, in that order, as a new dataset.</summary>
    public Dataset Select(IReadOnlyList<int> rows)
    {
        var labels = new int[rows.Count];
        var ids = new string[rows.Count];
        string?[]? split = PredefinedSplit is null ? null : new string?[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            labels[i] = Labels[rows[i]];
            ids[i] = Ids[rows[i]];
            if (split is not null) split[i] = PredefinedSplit![rows[i]];
        }
        return new Dataset(Name, Features.Select(f => f.Select(rows)).ToArray(), labels, Sensitive.Select(rows), ids, split, Description);
    }
}
