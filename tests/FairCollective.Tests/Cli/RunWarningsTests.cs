using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Tests.Cli;

/// <summary>Warnings reach the user once per run: small test groups and undefined EqOd.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class RunWarningsTests : IDisposable
{
    private readonly CliSandbox _box = new();

    [Fact]
    public void ASmallTestGroupIsSaidOnceAfterTheRun()
    {
        // The toy data has 200 rows, 30% minority: about 18 minority test rows per seed.
        var (exit, output, err) = CliSandbox.Run("run", _box.ToySpec(), "--no-report");
        Assert.True(exit == 0, err);
        var warnings = output.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
        Assert.Single(warnings);
        Assert.Matches(@"^warning: experiment 'tiny', dataset 'toy': a group has fewer than 30 test rows in 1 of 1 " +
            @"seeds \(as few as \d+\); its rates, and EqOd, are noisy$", warnings[0].TrimEnd());
    }

    [Fact]
    public void ACollectiveWithNothingToRelabelIsTheBaseFirmAndIsSaid()
    {
        // Minority rows (g = b) are labelled 1 but one in ten: a one-member collective is mostly all 1s, so most seeds'
        // pools are empty, while 30 members have some to flip. Such a grid runs (it was refused before), and each of
        // those cells is the base firm.
        var rows = string.Concat(Enumerable.Range(0, 600).Select(i => i % 3 == 0
            ? $"{i % 7},{i % 11},b,{(i % 10 == 0 ? 0 : 1)}\n"
            : $"{i % 7},{i % 13},a,{(i % 2 == 0 ? 1 : 0)}\n"));
        _box.Write("p.csv", "x,z,g,y\n" + rows);
        string data = _box.Write("p-data.yaml", "name: p\npath: p.csv\nlabel: {column: y, favourable: [\"1\"], " +
            "unfavourable: [\"0\"]}\nsensitive: {columns: [g], minority: [b]}\n");
        string spec = _box.Write("e.yaml", $"name: e\ndatasets: [{{path: p.csv, spec: {data}}}]\n" +
            "strategies: [RB-prob, Random]\nmembers: [1, 30]\nbudgets: {fractions: [0, 1]}\nseeds: {from: 0, count: " +
                "6}\n" +
            "bootstrap: {resamples: 20}\n");
        string store = _box.PathOf("e.sqlite");
        var (exit, output, err) = CliSandbox.Run("run", spec, "--store", store, "--no-report");
        Assert.True(exit == 0, err);
        using var s = ResultsStore.Open(store, StoreAccess.Read);
        var cells = s.Cells();
        var empty = cells.Where(c => c.ScoringRule == FairCollective.Collective.PoolScores.EmptyPool).ToArray();
        var flipped = cells.Where(c => c.Method != "Base" && c.Flips > 0).ToArray();
        Assert.NotEmpty(empty);
        Assert.NotEmpty(flipped);
        foreach (var cell in empty)
        {
            Assert.True(cell.Members > 0 && cell.Flips == 0 && cell.PoolSize == 0, cell.Key);
            // Every number the base cell of its seed stores is the same: the firm saw the same labels.
            var baseCell = cells.Single(c => c.Method == "Base" && c.Seed == cell.Seed);
            foreach (var (key, value) in baseCell.Metrics)
                Assert.Equal(value, cell.Metrics[key]);
        }
        int places = empty.Select(c => (c.Seed, c.Members)).Distinct().Count();
        var line = Assert.Single(output.Split('\n'), l => l.Contains("all labelled 1", StringComparison.Ordinal));
        Assert.Matches($@"^warning: experiment 'e', dataset 'p': in {empty.Length} cells the collective's members " +
            @"are all labelled 1, so nothing was relabelled and each is the base firm with no flip: seed \d+ at " +
                @"alpha " +
            @"[\d.]+ \(1 member\)", line.TrimEnd());
        Assert.Equal(Math.Min(places, RunWarnings.EmptyPoolPlacesShown), line.Split(" at alpha ").Length - 1);
    }

    [Fact]
    public void UndefinedEqOdCellsAreCountedPerDataset()
    {
        CellRecord Cell(int seed, double eqod) => new()
        {
            Experiment = "e", Dataset = "d", Learner = "logistic", Method = "RB-prob", Seed = seed,
            Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = eqod },
        };
        Assert.Equal(["experiment 'e', dataset 'd': EqOd is undefined in 2 cells (a test group without positive or " +
            "negative rows); tables leave them out of the seed means"],
            RunWarnings.OfCells([Cell(0, double.NaN), Cell(1, 0.1), Cell(2, double.NaN)]));
        Assert.Empty(RunWarnings.OfCells([Cell(0, 0.2)]));
    }

    [Fact]
    public void FlipsChosenByTheTieRuleAreSaidPerStrategy()
    {
        CellRecord Cell(string method, int flips, int tied) => new()
        {
            Experiment = "e", Dataset = "d", Learner = "logistic", Method = method, Seed = 0, Flips = flips,
            Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = 0.1, [MetricKeys.TieFlips] = tied },
        };
        Assert.Equal(["experiment 'e', dataset 'd', RB-label: in 2 of 3 cells with flips, some flips were chosen " +
            "among members with tied scores by the tie rule, not by score (30% of those cells' flips); their results " +
            "depend on the tie-breaking"],
            RunWarnings.OfCells([Cell("RB-label", 10, 2), Cell("RB-label", 10, 4), Cell("RB-label", 10, 0),
                Cell("RB-prob", 10, 0), Cell("RB-label", 0, 0)]));
    }

    [Fact]
    public void ARealRunOfRbLabelStoresItsTieFlipsAndWarnsOnce()
    {
        // RB-label scores count majority neighbours (0..k): on COMPAS many pool members share a score at the cut.
        // (RB-prob ties too, on COMPAS's duplicate rows; Random's priorities are continuous and never tie.)
        string spec = _box.Write("ties.yaml",
            "name: ties\ndatasets: [compas]\nstrategies: [RB-label, Random]\nalphas: [0.3]\nbudgets: {fractions: " +
            "[0.25, 0.5]}\nseeds: [0]\n");
        var (exit, output, err) = CliSandbox.Run("run", spec, "--no-report");
        Assert.True(exit == 0, err);
        var ties = output.Split('\n').Where(l => l.Contains("tied scores", StringComparison.Ordinal)).ToArray();
        var line = Assert.Single(ties);
        Assert.Matches(@"^warning: experiment 'ties', dataset 'compas', RB-label: in 2 of 2 cells with flips, some " +
            @"flips were chosen among members with tied scores by the tie rule \(SeededRandom\), not by score \(\d+% " +
            @"of those cells' flips\)", line);
    }

    public void Dispose() => _box.Dispose();
}
