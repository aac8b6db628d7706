using System.Text.Json.Nodes;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Figures;

namespace FairCollective.Reporting.Content;

/// <summary>One recorded run of the engine (a row of the results store's runs table).</summary>
/// <param name="RunId">Id of the run.</param>
/// <param name="Experiment">Experiment the run belongs to.</param>
/// <param name="StartedUtc">Start time (UTC) as stored.</param>
/// <param name="SpecJson">The run's experiment spec as JSON.</param>
/// <param name="EnvironmentJson">The run's environment as JSON (the engine's versions among it).</param>
public sealed record RunInfo(string RunId, string Experiment, string StartedUtc, string SpecJson,
    string EnvironmentJson);

/// <summary>Everything a report is made of: the stored cells, the runs that produced them, and optionally the toy
/// data.</summary>
/// <param name="Cells">Every stored cell.</param>
/// <param name="Runs">Every recorded run.</param>
/// <param name="Toy">Data of the toy figure, which the store does not hold; null = no toy figure.</param>
/// <param name="Source">Path of the results store, shown in the report; empty when not from a store.</param>
/// <param name="Metric">The fairness metric every section shows (<c>report --metric</c>); null: each experiment's own
/// (<see cref="MetricOf"/>).</param>
/// <param name="Split">Which split chooses a best budget (<c>--selection</c>): test (the paper's rule) or
/// validation.</param>
/// <param name="Best">How seeds combine when a best budget is chosen (<c>--best</c>).</param>
/// <param name="Gaps">What the store lacks (<see cref="ResultsStore.Gaps"/>): listed first among the warnings; null:
/// nothing.</param>
/// <param name="DatasetRows">Per (experiment, dataset) the rows read and dropped, as the store keeps them beside the
/// dataset's identity; null: none known.</param>
public sealed record ReportInput(IReadOnlyList<CellRecord> Cells, IReadOnlyList<RunInfo> Runs,
    ToyFigureData? Toy = null, string Source = "", ShownMetric? Metric = null,
    SelectionSplit Split = SelectionSplit.Test, BestDefinition Best = BestDefinition.MinOfSeedMeans,
    IReadOnlyDictionary<(string Experiment, string Dataset), RowAccount>? DatasetRows = null, StoreGaps? Gaps = null)
{
    /// <summary>Reads every cell and run of <paramref name="store"/>; <paramref name="toy"/> adds the toy figure's
    /// data; <paramref name="metric"/> overrides each experiment's metric.</summary>
    public static ReportInput From(ResultsStore store, ToyFigureData? toy = null, ShownMetric? metric = null)
        => From(store, store.Cells(), toy, metric);

    /// <summary>As <see cref="From(ResultsStore, ToyFigureData?, ShownMetric?)"/> with cells the caller has already
    /// read (reads only the runs).</summary>
    public static ReportInput From(ResultsStore store, IReadOnlyList<CellRecord> cells, ToyFigureData? toy = null,
        ShownMetric? metric = null) =>
        new(cells, store.Runs().Select(r => new RunInfo(r.RunId, r.Experiment, r.StartedUtc, r.SpecJson,
            r.EnvironmentJson)).ToArray(), toy, store.Path, metric,
            DatasetRows: cells.Select(c => c.Experiment).Distinct().SelectMany(e => (store.SettingsOf(e)?.DatasetRows
                ?? new Dictionary<string, RowAccount>()).Select(kv => (e, kv.Key, kv.Value)))
                .ToDictionary(t => (t.e, t.Key), t => t.Value), Gaps: store.Gaps());

    /// <summary>
    /// The warnings the report and the console print for <paramref name="experiments"/> (null: every experiment): what
    /// the store lacks first (every table covers the cells present only), then the rows their datasets lost to the
    /// missing policy and their cells' (<see cref="RunWarnings.Of"/>).
    /// </summary>
    public IReadOnlyList<string> Warnings(IEnumerable<string>? experiments = null)
    {
        var chosen = experiments?.ToHashSet(StringComparer.Ordinal);
        bool In(string experiment) => chosen is null || chosen.Contains(experiment);
        var gaps = Gaps is null ? [] : chosen is null ? Gaps.Warnings() : chosen.SelectMany(e => Gaps.Warnings(e));
        return gaps.Concat(RunWarnings.Of((DatasetRows ?? new Dictionary<(string, string), RowAccount>()).Where(kv
            => In(kv.Key.Experiment)), Cells.Where(c => In(c.Experiment))))
            .Distinct().ToArray();
    }

    /// <summary>
    /// The fairness metric the section of <paramref name="experiment"/> shows: <see cref="Metric"/> when given, else
    /// the <c>metric</c> key of the experiment's latest recorded spec, else EqOd (specs recorded before the key
    /// existed).
    /// </summary>
    public ShownMetric MetricOf(string experiment)
    {
        if (Metric is not null) return Metric;
        var latest = Runs.Where(r => r.Experiment == experiment).MaxBy(r => r.StartedUtc, StringComparer.Ordinal);
        if (latest is null) return ShownMetric.EqOd;
        var spec = JsonNode.Parse(latest.SpecJson) as JsonObject;
        var key = spec?["metric"]?.GetValue<string>();
        if (key is null) return ShownMetric.EqOd;
        try
        {
            return ShownMetric.Of(key, $"the recorded spec of run {latest.RunId}: metric");
        }
        catch (UserInputException e) when (MetricCatalog.Find(key) is null
                                           && spec?["plugins"] is JsonArray { Count: > 0 } plugins)
        {
            // The run's own spec names the plug-ins that registered its metric: say which to load.
            throw new UserInputException($"{e.Message}; the run's spec loaded the plug-in(s) " +
                $"{string.Join(", ", plugins.Select(p => $"'{p}'"))}: give each with --plugin");
        }
    }

    /// <summary>The rule that chooses a best budget in the section of <paramref name="experiment"/>:
    /// <see cref="Split"/> and <see cref="Best"/> on its metric (<see cref="MetricOf"/>).</summary>
    public BudgetSelection SelectionOf(string experiment) => new(Split, Best, MetricOf(experiment).Key);

    /// <summary>Refuses a rule some experiment's cells cannot answer (a metric they do not store, a validation split
    /// they lack), naming the experiment.</summary>
    /// <exception cref="Common.UserInputException">An experiment cannot answer its rule.</exception>
    public void CheckSelections()
    {
        foreach (var experiment in Cells.Select(c => c.Experiment).Distinct().Order(StringComparer.Ordinal))
        {
            try
            {
                SelectionOf(experiment).CheckAvailable(ExperimentShape.CollectiveCells(Cells.Where(c
                    => c.Experiment == experiment)));
            }
            catch (Common.UserInputException e)
            {
                throw new Common.UserInputException($"experiment '{experiment}': {e.Message}", e);
            }
        }
    }
}
