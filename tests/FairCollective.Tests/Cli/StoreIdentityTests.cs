using FairCollective.Experiments.Store;

namespace FairCollective.Tests.Cli;

/// <summary>End to end: what a run stores is exactly what its configuration produces, and resuming reuses only
/// that.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class StoreIdentityTests : IDisposable
{
    private readonly CliSandbox _box = new();

    private IReadOnlyList<CellRecord> Cells(string store)
    {
        using var s = ResultsStore.Open(store, StoreAccess.Read);
        return s.Cells();
    }

    [Fact]
    public void TwoSpecsOverOneFileAreTwoDatasets()
    {
        var a = _box.UserData("people", specName: "people-all");
        var kept = _box.Write("kept.yaml", File.ReadAllText(a).Replace("name: people-all",
            "name: people-no-x") + "features: [ { name: g } ]\n");
        var exp = _box.Write("two.yaml",
            $"name: two\ndatasets: [{{path: people.csv, spec: {a}}}, {{path: people.csv, spec: " +
            $"{kept}}}]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0, 1]\n");
        CliSandbox.RunOk("run", exp, "--threads", "1");
        var cells = Cells(_box.PathOf("two.sqlite"));
        // Per dataset and seed: the base cell and one collective cell.
        Assert.Equal(2 * 2 * 2, cells.Count);
        Assert.Equal(["people-all", "people-no-x"], cells.Select(c => c.Dataset).Distinct().Order());
        Assert.NotEqual(cells.First(c => c.Dataset == "people-all").Config!.Dataset.SpecHash, cells.First(c
            => c.Dataset == "people-no-x").Config!.Dataset.SpecHash);
        Assert.Equal(cells.First(c => c.Dataset == "people-all").Config!.Dataset.ContentHash, cells.First(c
            => c.Dataset == "people-no-x").Config!.Dataset.ContentHash);
    }

    [Fact]
    public void ARerunComputesNothingAndAGrownGridOnlyTheNewCells()
    {
        var spec = _box.ToySpec();
        var store = _box.PathOf("tiny.sqlite");
        Assert.Contains("computed 2 cells", CliSandbox.RunOk("run", spec, "--store", store));
        Assert.Contains("computed 0 cells", CliSandbox.RunOk("run", spec, "--store", store));
        var before = Cells(store).ToDictionary(c => c.Key);
        // 0.0125 and 0.013 agree to three decimals; both are their own cells now.
        var grown = _box.Write("tiny.yaml",
            "name: tiny\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5, 0.0125, " +
            "0.013]}\nseeds: [0]\n");
        Assert.Contains("computed 2 cells", CliSandbox.RunOk("run", grown, "--store", store));
        var after = Cells(store);
        Assert.Equal(4, after.Count);
        Assert.Equal(["0.0125 of pool", "0.013 of pool", "0.5 of pool", "none"], after.Select(c
            => c.Budget).Order(StringComparer.Ordinal));
        foreach (var c in after.Where(c => before.ContainsKey(c.Key)))
            Assert.Equal(before[c.Key].Metrics.OrderBy(kv => kv.Key), c.Metrics.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void LimitedInformationFallsBackToADocumentedRuleAndRecordsIt()
    {
        // m = 3 known majority rows and k = 10: RB-label counts among all three, RB-dist among the positives it knows.
        var spec = _box.Write("lim.yaml",
            "name: lim\ndatasets: [toy]\nstrategies: [RB-prob, RB-label, RB-dist]\nalphas: [0.5]\nbudgets: " +
            "{fractions: [0.5]}\nmajority_rows: [3]\nseeds: [0, 1, 2]\n");
        CliSandbox.RunOk("run", spec, "--threads", "1");
        var cells = Cells(_box.PathOf("lim.sqlite")).Where(c => c.Method != "Base").ToArray();
        Assert.Equal(9, cells.Length);
        Assert.All(cells.Where(c => c.Method == "RB-label"), c
            => Assert.Equal("k = 3 instead of 10 (only 3 known majority rows)", c.ScoringRule));
        Assert.All(cells.Where(c => c.Method == "RB-dist"),
            c => Assert.Matches(@"^(k = [0-3] instead of 10 \(only [0-3] positive known majority rows\)|constant " +
            @"score \(the collective knows no positive majority row\); the tie rule orders the pool)$", c.ScoringRule));
        var csv = _box.PathOf("lim.csv");
        CliSandbox.RunOk("results", "export", _box.PathOf("lim.sqlite"), "--csv", csv);
        Assert.Contains("k = 3 instead of 10 (only 3 known majority rows)", File.ReadAllText(csv));
    }

    public void Dispose() => _box.Dispose();
}
