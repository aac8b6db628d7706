using System.Text.Json.Nodes;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
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
/// <param name="Metric">The fairness metric every section shows (<c>report --metric</c>); null: each experiment's own (<see cref="MetricOf"/>).</param>
/// <param name="Gaps">What the store lacks (<see cref="ResultsStore.Gaps"/>): listed first among the report's warnings; null: nothing.</param>
public sealed record ReportInput(IReadOnlyList<CellRecord> Cells, IReadOnlyList<RunInfo> Runs, ToyFigureData? Toy = null, string Source = "", ShownMetric? Metric = null,
    StoreGaps? Gaps = null)
{
    /// <summary>Reads every cell and run of <paramref name="store"/>; <paramref name="toy"/> adds the toy figure's data; <paramref name="metric"/> overrides each experiment's metric.</summary>
    public static ReportInput From(ResultsStore store, ToyFigureData? toy = null, ShownMetric? metric = null) => From(store, store.Cells(), toy, metric);

    /// <summary>As <see cref="From(ResultsStore, ToyFigureData?, ShownMetric?)"/> with cells the caller has already read (reads only the runs).</summary>
    public static ReportInput From(ResultsStore store, IReadOnlyList<CellRecord> cells, ToyFigureData? toy = null, ShownMetric? metric = null) =>
        new(cells, store.Runs().Select(r => new RunInfo(r.RunId, r.Experiment, r.StartedUtc, r.SpecJson, r.EnvironmentJson)).ToArray(), toy, store.Path, metric, store.Gaps());

    /// <summary>
    /// The fairness metric the section of <paramref name="experiment"/> shows: <see cref="Metric"/> when given, else the
    /// <c>metric</c> key of the experiment's latest recorded spec, else EqOd (specs recorded before the key existed).
    /// </summary>
    public ShownMetric MetricOf(string experiment)
    {
        if (Metric is not null) return Metric;
        var latest = Runs.Where(r => r.Experiment == experiment).MaxBy(r => r.StartedUtc, StringComparer.Ordinal);
        if (latest is null) return ShownMetric.EqOd;
        var key = (JsonNode.Parse(latest.SpecJson) as JsonObject)?["metric"]?.GetValue<string>();
        return key is null ? ShownMetric.EqOd : ShownMetric.Of(key, $"the recorded spec of run {latest.RunId}: metric");
    }
}
