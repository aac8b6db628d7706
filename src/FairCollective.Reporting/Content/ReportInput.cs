using FairCollective.Experiments.Store;
using FairCollective.Reporting.Figures;

namespace FairCollective.Reporting.Content;

/// <summary>One recorded run of the engine (a row of the results store's runs table).</summary>
public sealed record RunInfo(string RunId, string Experiment, string StartedUtc, string SpecJson, string EnvironmentJson);

/// <summary>Everything a report is made of: the stored cells, the runs that produced them, and optionally the toy data.</summary>
public sealed record ReportInput(IReadOnlyList<CellRecord> Cells, IReadOnlyList<RunInfo> Runs, ToyFigureData? Toy = null, string Source = "")
{
    public static ReportInput From(ResultsStore store, ToyFigureData? toy = null) =>
        new(store.Cells(), store.Runs().Select(r => new RunInfo(r.RunId, r.Experiment, r.StartedUtc, r.SpecJson, r.EnvironmentJson)).ToArray(), toy, store.Path);
}
