namespace FairCollective.Data.Sources;

/// <summary>A named dataset of the <see cref="DatasetCatalog"/>; <paramref name="Bundled"/> false means it needs files the user supplies.</summary>
/// <param name="Name">Catalogue name, as given to <see cref="DatasetCatalog.Load"/>.</param>
/// <param name="Description">One line: source, rows, label orientation and minority.</param>
/// <param name="Bundled">Whether the data ships inside the assembly.</param>
public sealed record DatasetInfo(string Name, string Description, bool Bundled);
