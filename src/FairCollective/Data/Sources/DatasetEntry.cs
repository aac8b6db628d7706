using FairCollective.Common;

namespace FairCollective.Data.Sources;

/// <summary>Where a named dataset's rows come from.</summary>
public enum DatasetKind
{
    /// <summary>Real data shipped inside the assembly: loads with no file.</summary>
    Bundled,

    /// <summary>Drawn by a generator with a known causal model (so the Oracle and S(alpha) apply): loads with no
    /// file.</summary>
    Generated,

    /// <summary>A preset for files the user supplies (their path is given instead of the name).</summary>
    ByPath,
}

/// <summary>
/// A named dataset of the <see cref="DatasetCatalog"/>: its name, one line about it, where its rows come from, and how
/// it loads (the loader is the entry's, so adding a dataset is one entry; a plug-in may register its own).
/// </summary>
/// <param name="Name">Catalog name, as given to <see cref="DatasetCatalog.Load"/>.</param>
/// <param name="Description">One line: source, rows, label orientation and minority.</param>
/// <param name="Kind">Whether it is bundled, generated, or needs the user's files.</param>
/// <param name="Load">Loads the rows with the caller's options (minority, sensitive attribute as a feature, partial
/// file); the dataset carries its identity.</param>
public sealed record DatasetEntry(string Name, string Description, DatasetKind Kind, Func<LoadOptions,
    Dataset> Load) : IRegistryEntry
{
    /// <summary>True when the dataset loads without any file (bundled or generated).</summary>
    public bool NeedsNoFile => Kind != DatasetKind.ByPath;

    /// <summary>A generated dataset's sample with its causal model (what the Oracle and S(alpha) need beyond the rows);
    /// null for the others.</summary>
    public Func<Synthetic.SyntheticSample>? Generate { get; init; }

    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256); null when built in.</summary>
    public string? Origin { get; init; }
}
