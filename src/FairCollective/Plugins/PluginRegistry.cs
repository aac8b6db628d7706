using FairCollective.Collective.Strategies;
using FairCollective.Data.Sources;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Mitigation.FirmSide;

namespace FairCollective.Plugins;

/// <summary>
/// What a plug-in registers through: each entry goes to its kind's catalog stamped with the plug-in's
/// <see cref="Origin"/>, so a stored cell records which assembly (name, version and SHA-256 of the file) computed it
/// (a dataset's origin is in its identity through its data and settings hashes, which bind its rows).
/// </summary>
public sealed class PluginRegistry
{
    private readonly List<string> _added = [];

    internal PluginRegistry(string origin) => Origin = origin;

    /// <summary>The plug-in's identity: assembly name, version and the SHA-256 of its file.</summary>
    public string Origin { get; }

    /// <summary>What was added, as "strategy Centroid", "learner ...", in order.</summary>
    public IReadOnlyList<string> Added => _added;

    /// <summary>Adds a strategy (<see cref="StrategyCatalog.Register"/>).</summary>
    public void Add(StrategyEntry entry)
    {
        StrategyCatalog.Register(entry with { Origin = Origin });
        _added.Add($"strategy {entry.Name}");
    }

    /// <summary>Adds a learner (<see cref="LearnerCatalog.Register"/>).</summary>
    public void Add(LearnerEntry entry)
    {
        LearnerCatalog.Register(entry with { Origin = Origin });
        _added.Add($"learner {entry.Name}");
    }

    /// <summary>Adds a dataset (<see cref="DatasetCatalog.Register"/>).</summary>
    public void Add(DatasetEntry entry)
    {
        DatasetCatalog.Register(entry with { Origin = Origin });
        _added.Add($"dataset {entry.Name}");
    }

    /// <summary>Adds a firm-side method (<see cref="FirmSideCatalog.Register"/>).</summary>
    public void Add(FirmSideEntry entry)
    {
        FirmSideCatalog.Register(entry with { Origin = Origin });
        _added.Add($"firm-side method {entry.Name}");
    }

    /// <summary>Adds a by-group metric (<see cref="Fairness.MetricCatalog.Register"/>; build it with
    /// <see cref="Fairness.MetricDefinition.ByGroup"/>): every evaluation then computes it, and every cell stores it
    /// when it is stored, recording this plug-in.</summary>
    public void Add(Fairness.MetricDefinition metric)
    {
        Fairness.MetricCatalog.Register(metric with { Origin = Origin });
        _added.Add($"metric {metric.Key}");
    }

    /// <summary>Adds a defence (<see cref="DefenceCatalog.Register"/>).</summary>
    public void Add(DefenceEntry entry)
    {
        DefenceCatalog.Register(entry with { Origin = Origin });
        _added.Add($"defence {entry.Name}");
    }
}
