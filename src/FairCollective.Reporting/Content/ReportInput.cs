using FairCollective.Experiments.Store;
using FairCollective.Reporting.Figures;

namespace FairCollective.Reporting.Content;

/// <summary>One recorded run of the engine (a row of the results store's runs table).</summary>
/// <param name="RunId">Id of the run.</param>
/// <param name="Experiment">Experiment the run belongs to.</param>
/// <param name="StartedUtc">Start time (UTC) as stored.</param>
/// <param name="SpecJson">The run's experiment spec as JSON.</param>
/// <param name="EnvironmentJson">The run's environment as JSON (the engine's versions among it).</param>
public sealed record RunInfo(string RunId, string Experiment, string StartedUtc, string SpecJson, string EnvironmentJson);

/// <summary>Everything a report is made of: the stored cells, the runs that produced them, and optionally the toy data.</summary>
/// <param name="Cells">Every stored cell.</param>
/// <param name="Runs">Every recorded run.</param>
/// <param name="Toy">Data of the toy figure, which the store does not hold; null = no toy figure.</param>
/// <param name="Source">Path of the results store, shown in the report; empty when not from a store.</param>
public sealed record ReportInput(IReadOnlyList<CellRecord> Cells, IReadOnlyList<RunInfo> Runs, ToyFigureData? Toy = null, string Source = "")
{
    /// <summary>Reads every cell and run of <paramref name="store"/>; <paramref name="toy"/> adds the toy figure's data.</summary>
    public static ReportInput From(ResultsStore store, ToyFigureData? toy = null) =>
        new(store.Cells(), store.Runs().Select(r => new RunInfo(r.RunId, r.Experiment, r.StartedUtc, r.SpecJson, r.EnvironmentJson)).ToArray(), toy, store.Path);
}
