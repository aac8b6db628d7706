namespace FairCollective.Data;

/// <summary>
/// The common representation every source is loaded into: raw feature columns, the favourable label y in {0,1},
/// the sensitive attribute with the minority marked, a stable id per row, and optionally a split that the source
/// itself prescribes (Adult's two files, the ACS national subset's split column, Waterbirds' split).
/// </summary>
public sealed class Dataset
{
    /// <summary>A dataset over n rows; every array must have one entry per row.</summary>
    /// <param name="name">Dataset name (catalog name or the spec's name).</param>
    /// <param name="features">Raw feature columns, each of length n.</param>
    /// <param name="labels">y per row in {0, 1}, 1 = favourable.</param>
    /// <param name="sensitive">Group of every row, with the minority marked.</param>
    /// <param name="ids">A stable id per row.</param>
    /// <param name="predefinedSplit">A split name per row when the source prescribes one; else null.</param>
    /// <param name="description">One line describing the source and its settings, for listings; optional.</param>
    /// <param name="rowAccount">The rows the file held and those the missing policy dropped (<see cref="RowAccount"/>);
    /// optional.</param>
    /// <exception cref="ArgumentException">A length differs from n or a label is not 0 or 1.</exception>
    public Dataset(string name, IReadOnlyList<FeatureColumn> features, int[] labels, SensitiveAttribute sensitive,
        string[] ids, string?[]? predefinedSplit = null, string? description = null, RowAccount? rowAccount = null)
    {
        int n = labels.Length;
        if (sensitive.GroupOfRow.Length != n || ids.Length != n || (predefinedSplit is not null
            && predefinedSplit.Length != n))
            throw new
                ArgumentException($"Dataset '{name}': labels, groups, ids and split must have one entry per row.");
        if (rowAccount is not null && rowAccount.Kept != n)
            throw new ArgumentException($"Dataset '{name}': the row account keeps {rowAccount.Kept} rows, but the " +
                $"dataset has {n}.");
        foreach (var f in features)
            if (f.Length != n) throw new
                ArgumentException($"Dataset '{name}': feature '{f.Name}' has {f.Length} rows, expected {n}.");
        foreach (int y in labels)
            if (y is not (0 or 1)) throw new ArgumentException($"Dataset '{name}': labels must be 0 or 1.");
        Name = name;
        Features = features;
        Labels = labels;
        Sensitive = sensitive;
        Ids = ids;
        PredefinedSplit = predefinedSplit;
        Description = description;
        RowAccount = rowAccount;
    }

    /// <summary>Dataset name, as listed by the catalog or given in the spec.</summary>
    public string Name { get; }
    /// <summary>Raw (unencoded) feature columns; the sensitive attribute is among them only when the source makes it a
    /// feature.</summary>
    public IReadOnlyList<FeatureColumn> Features { get; }

    /// <summary>y per row: 1 = favourable.</summary>
    public int[] Labels { get; }

    /// <summary>Sensitive group of every row and which groups form the minority (a = 1).</summary>
    public SensitiveAttribute Sensitive { get; }
    /// <summary>A stable id per row (a source id column or a row number).</summary>
    public string[] Ids { get; }

    /// <summary>A split name per row ("train", "test", "validation", ...) when the source prescribes one; else
    /// null.</summary>
    public string?[]? PredefinedSplit { get; }

    /// <summary>One line describing the source and its settings, for listings; null if none was given.</summary>
    public string? Description { get; }

    /// <summary>
    /// The rows the file held and those the missing policy dropped, and why: set by
    /// <see cref="Sources.CsvDatasetLoader"/> (every file read through a dataset spec); null for the presets (whose
    /// filters are documented in docs/datasets.md), generated data, and a subset made by <see cref="Select"/>.
    /// </summary>
    public RowAccount? RowAccount { get; }

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

    /// <summary>Number of rows n.</summary>
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
        return new Dataset(Name, Features.Select(f => f.Select(rows)).ToArray(), labels, Sensitive.Select(rows), ids,
            split, Description);
    }
}
