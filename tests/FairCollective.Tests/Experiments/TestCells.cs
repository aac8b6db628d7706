using System.Globalization;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;
using FairCollective.Experiments.Store;

namespace FairCollective.Tests.Experiments;

/// <summary>Gives hand-built display cells (figure and report fixtures) a configuration, so they can be
/// stored.</summary>
public static class TestCells
{
    public static readonly StrategySettings Strategy = new();

    /// <summary>Settings matching <see cref="Configured"/>'s cells, for <see cref="ResultsStore.BeginRun"/>.</summary>
    public static ExperimentSettings Settings(params string[] datasets) => new()
    {
        TestFraction = 0.3, Strategy = Strategy, Learners = new Dictionary<string, string> { ["logistic"] = "{}" },
        Datasets = datasets.ToDictionary(d => d, d => Ref(d)),
    };

    /// <summary>RB-label's and RB-dist's own options with k = <paramref name="k"/>, as a spec holds them.</summary>
    public static IReadOnlyDictionary<string, string> NeighbourK(int k) =>
        new[] { StrategyCatalog.RbLabel, StrategyCatalog.RbDist }.ToDictionary(s => s,
            s => StrategyCatalog.OptionsJson(s, new NeighbourStrategyOptions { K = k })!, StringComparer.Ordinal);

    public static DatasetIdentity Ref(string dataset) => new(dataset, "content-" + dataset, "spec-" + dataset);

    /// <summary><paramref name="c"/> rebuilt from a configuration read off its display fields.</summary>
    public static CellRecord Configured(CellRecord c)
    {
        var config = new CellConfig
        {
            Experiment = c.Experiment, Dataset = Ref(c.Dataset), Learner = c.Learner, LearnerOptionsJson = "{}",
            TestFraction = 0.3,
            Seed = c.Seed, Method = c.Method, Knob = c.Knob, RandomnessSha256 = "seeded-" + c.Seed,
        };
        if (c.Knob is null && c.Method != CellConfig.BaseMethod)
            config = config with
            {
                MajorityRows = c.MajorityRows,
                Size = CollectiveSize.Share(c.Alpha),
                Budget = ParseBudget(c.Budget),
                Strategy = Strategy
            };
        return CellRecord.Of(config, c.Alpha, c.Members, c.Flips, c.PoolSize, c.Metrics, c.Seconds, c.ScoringRule);
    }

    private static FlipBudget ParseBudget(string text) => text.EndsWith(" flips", StringComparison.Ordinal)
        ? FlipBudget.Flips(int.Parse(text[..^" flips".Length], CultureInfo.InvariantCulture))
        : FlipBudget.ShareOfPool(double.Parse(text[..^" of pool".Length], CultureInfo.InvariantCulture));
}
