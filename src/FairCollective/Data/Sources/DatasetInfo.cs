namespace FairCollective.Data.Sources;

/// <summary>Where a named dataset's rows come from.</summary>
public enum DatasetKind
{
    /// <summary>Real data shipped inside the assembly: loads with no file.</summary>
    Bundled,

    /// <summary>Drawn by a generator with a known causal model (so the Oracle and S(alpha) apply): loads with no file.</summary>
    Generated,

    /// <summary>A preset for files the user supplies (their path is given instead of the name).</summary>
    ByPath,
}

/// <summary>A named dataset of the <see cref="DatasetCatalog"/>.</summary>
/// <param name="Name">Catalog name, as given to <see cref="DatasetCatalog.Load"/>.</param>
/// <param name="Description">One line: source, rows, label orientation and minority.</param>
/// <param name="Kind">Whether it is bundled, generated, or needs the user's files.</param>
public sealed record DatasetInfo(string Name, string Description, DatasetKind Kind)
{
    /// <summary>True when the dataset loads without any file (bundled or generated).</summary>
    public bool NeedsNoFile => Kind != DatasetKind.ByPath;
}
