using FairCollective.Collective.Strategies;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Mitigation.FirmSide;

namespace FairCollective.Experiments.Store;

/// <summary>The plug-ins a cell's components come from, as its configuration records them
/// (<see cref="CellConfig.Plugins"/>).</summary>
internal static class PluginOrigins
{
    /// <summary>The origins of the learner, defence, strategy and firm-side method that are plug-ins', then of every
    /// registered stored metric (each cell stores it), distinct, in that order, joined by "; "; null when none
    /// is.</summary>
    public static string? Of(string learner, DefenceChoice? defence, string? strategy, string? firmSide = null)
    {
        var origins = new[]
        {
            LearnerCatalog.Get(learner).Origin, defence is null ? null : DefenceCatalog.Get(defence.Name).Origin,
            strategy is null ? null : StrategyCatalog.Get(strategy).Origin, firmSide is null ? null :
                FirmSideCatalog.Entry(firmSide).Origin,
        }.Concat(MetricOrigins()).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return origins.Length == 0 ? null : string.Join("; ", origins);
    }

    /// <summary>Where each registered stored metric came from: its plug-in's origin, or for a metric a host program
    /// registered, its key (a cell storing it is another cell than one without it).</summary>
    private static IEnumerable<string> MetricOrigins() => Fairness.MetricCatalog.Registered.Where(d => d.Stored)
        .Select(d => d.Origin ?? $"metric {d.Key} registered by the host");

    /// <summary>Every plug-in whose component <paramref name="spec"/> uses, by assembly name (an origin's first
    /// word).</summary>
    public static IReadOnlyDictionary<string, string> ByAssembly(Specs.ExperimentSpec spec) =>
        spec.Learners.Select(l => LearnerCatalog.Get(l).Origin)
            .Concat(spec.Defences.Select(d => DefenceCatalog.Get(d.Name).Origin))
            .Concat(spec.Strategies.Select(s => StrategyCatalog.Get(s).Origin))
            .Concat(spec.FirmSide.Select(f => FirmSideCatalog.Entry(f.Method).Origin))
            .Concat(Fairness.MetricCatalog.Registered.Where(d => d.Stored).Select(d => d.Origin))
            .OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(o => o.Split(' ')[0], o => o, StringComparer.Ordinal);
}
