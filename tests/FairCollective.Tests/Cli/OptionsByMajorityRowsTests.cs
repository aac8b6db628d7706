using System.Text.Json;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;

namespace FairCollective.Tests.Cli;

/// <summary><c>strategy.options_by_majority_rows</c>: a strategy's own options per level of majority knowledge in one
/// experiment (k = 3 where the collective knows 20 majority rows, k = 10 where it knows them all).</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class OptionsByMajorityRowsTests : IDisposable
{
    private readonly CliSandbox _box = new();

    private const string Grid = "datasets: [toy]\nstrategies: [RB-label, Random]\nalphas: [0.5]\n" +
        "budgets: {fractions: [0.5, 1]}\nmajority_rows: [all, 20]\nseeds: [0, 1]\nbootstrap: {resamples: 0}\n";

    [Fact]
    public void ALevelsOptionsReplaceTheExperimentsInItsCellsOnly()
    {
        var spec = SpecParser.Parse("name: lv\n" + Grid + "strategy: {options: {RB-label: {k: 10}}, " +
            "options_by_majority_rows: {20: {RB-label: {k: 3}}}}\n", "lv.yaml");
        Assert.Equal(10, K(spec.StrategyOptionsJson(StrategyCatalog.RbLabel, null)));
        Assert.Equal(3, K(spec.StrategyOptionsJson(StrategyCatalog.RbLabel, 20)));
        // The written spec keeps the level and reads back the same.
        string written = SpecWriter.Write(spec);
        Assert.Contains("\"options_by_majority_rows\":{\"20\":{\"RB-label\":", written);
        Assert.Equal(written, SpecWriter.Write(SpecParser.Parse(written, "recorded.json")));

        // Run it, and the same grid with k = 3 everywhere: the m = 20 cells are those of k = 3, the m = all cells
        // those of k = 10 (the default), each recording the k it ran.
        string mixed = Run("lv", "strategy: {options: {RB-label: {k: 10}}, options_by_majority_rows: {20: " +
            "{RB-label: {k: 3}}}}\n");
        string three = Run("k3", "strategy: {options: {RB-label: {k: 3}}}\n");
        string ten = Run("k10", "");
        using var a = ResultsStore.Open(mixed, StoreAccess.Read);
        using var b = ResultsStore.Open(three, StoreAccess.Read);
        using var c = ResultsStore.Open(ten, StoreAccess.Read);
        string Cells(ResultsStore s, int? m) => string.Join("\n", s.Cells()
            .Where(x => x.Method == StrategyCatalog.RbLabel && x.MajorityRows == m)
            .OrderBy(x => (x.Seed, x.Budget)).Select(x => $"{x.Seed} {x.Budget} {x.Flips} " +
                string.Join(",", x.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv
                    => $"{kv.Key}={kv.Value:R}"))));
        Assert.Equal(Cells(b, 20), Cells(a, 20));
        Assert.Equal(Cells(c, null), Cells(a, null));
        Assert.NotEqual(Cells(b, 20), Cells(c, 20));
        Assert.All(a.Cells().Where(x => x.Method == StrategyCatalog.RbLabel), x => Assert.Equal(
            x.MajorityRows == 20 ? 3 : 10, K(JsonDocument.Parse(x.ConfigJson).RootElement.GetProperty("collective")
                .GetProperty("strategy").GetProperty("options").GetRawText())));
    }

    [Fact]
    public void ALevelTheGridDoesNotRunIsOneLineNamingIt()
    {
        var e = Assert.Throws<UserInputException>(() => SpecParser.Parse("name: lv\n" + Grid +
            "strategy: {options_by_majority_rows: {30: {RB-label: {k: 3}}}}\n", "lv.yaml"));
        Assert.Matches(@"^lv\.yaml:9:\d+: strategy\.options_by_majority_rows names m = 30, which majority_rows does " +
            @"not list \(all, 20\)$", e.Message);
        var bad = Assert.Throws<UserInputException>(() => SpecParser.Parse("name: lv\n" + Grid +
            "strategy: {options_by_majority_rows: {20: {RB-label: {k: 0}}}}\n", "lv.yaml"));
        Assert.StartsWith("lv.yaml:9:58: strategy 'RB-label': option", bad.Message);
    }

    private string Run(string name, string extra)
    {
        string store = _box.PathOf($"{name}.sqlite");
        var (exit, _, err) = CliSandbox.Run("run", _box.Write($"{name}.yaml", $"name: {name}\n" + Grid + extra),
            "--store", store, "--no-report");
        Assert.True(exit == 0, err);
        return store;
    }

    private static int K(string? json) => JsonDocument.Parse(json!).RootElement.GetProperty("K").GetInt32();

    public void Dispose() => _box.Dispose();
}
