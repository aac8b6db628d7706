using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Tests.Experiments;

[Trait(TestKind.Name, TestKind.Integration)]
public sealed class RunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-runner-").FullName;

    private static ExperimentSpec SmallSpec(string name = "t") => new()
    {
        Name = name, Datasets = [new DatasetChoice("synthetic")], Learners = ["logistic"],
        Strategies = ["RB-prob", "RB-label", "RB-dist", "Random", "Oracle"],
        Sizes = [CollectiveSize.Share(0), CollectiveSize.Share(0.2), CollectiveSize.Share(0.4)],
        Budgets = [FlipBudget.ShareOfPool(0), FlipBudget.ShareOfPool(0.5), FlipBudget.ShareOfPool(1)],
        MajorityRows = [null, 10], Seeds = [0, 1], StrategyOptions = TestCells.NeighbourK(3),
    };

    private RunSummary Run(ExperimentSpec spec, string store, int threads)
    {
        using var s = ResultsStore.Open(Path.Combine(_dir, store));
        return new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = threads },
            SilentProgress.Instance).Run(spec, s);
    }

    private Dictionary<string, CellRecord> Cells(string store)
    {
        using var s = ResultsStore.Open(Path.Combine(_dir, store), StoreAccess.Read);
        return s.Cells().ToDictionary(c => c.Key);
    }

    [Fact]
    public void ResultsAreIdenticalForAnyThreadCount()
    {
        var spec = SmallSpec();
        var one = Run(spec, "one.sqlite", 1);
        Run(spec, "many.sqlite", 8);
        var a = Cells("one.sqlite");
        var b = Cells("many.sqlite");
        // Base per seed + (2 m x 3 sizes x 5 strategies x 3 budgets) per seed.
        Assert.Equal(2 * (1 + 2 * 3 * 5 * 3), one.TotalCells);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (key, cell) in a)
        {
            Assert.Equal(cell.Flips, b[key].Flips);
            Assert.Equal(cell.PoolSize, b[key].PoolSize);
            Assert.Equal(cell.Metrics.OrderBy(kv => kv.Key), b[key].Metrics.OrderBy(kv
                => kv.Key)); // bit-identical doubles
        }
    }

    [Fact]
    public void CellsAreConsistent()
    {
        Run(SmallSpec(), "c.sqlite", -1);
        var cells = Cells("c.sqlite").Values.ToArray();
        var bases = cells.Where(c => c.Method == "Base").ToDictionary(c => c.Seed);
        foreach (var c in cells)
        {
            Assert.InRange(c.Metrics[MetricKeys.EqOd], 0, 1);
            Assert.InRange(c.Metrics[MetricKeys.CounterfactualSuccess], 0, 1);
            if (c.Flips == 0) Assert.Equal(bases[c.Seed].Metrics[MetricKeys.EqOd], c.Metrics[MetricKeys.EqOd]);
            if (c.Alpha == 0) Assert.Equal(0, c.PoolSize);
            if (c.Budget == FlipBudget.ShareOfPool(1).ToString()) Assert.Equal(c.PoolSize, c.Flips);
        }
        // Nested collectives: the pool at alpha = 0.4 is at least the pool at 0.2.
        foreach (var seed in new[] { 0, 1 })
            Assert.True(cells.First(c => c.Seed == seed && c.Alpha == 0.4 && c.Method == "Random").PoolSize
                        >= cells.First(c => c.Seed == seed && c.Alpha == 0.2 && c.Method == "Random").PoolSize);
    }

    // What a cell adds to its firm's metrics: about its own ranking, not the refit.
    private static readonly HashSet<string> PerCellKeys = [MetricKeys.TieFlips, MetricKeys.IdealFlips,
        MetricKeys.IdealPrecision, MetricKeys.P0RankCorrelation];

    /// <summary>
    /// At a budget of the whole pool every strategy flips every member (the cells SharedRefits gives one refit): their
    /// firms' stored metrics are equal to the last bit, whichever strategy's cell computed the fit.
    /// </summary>
    [Fact]
    public void CellsFlippingTheWholePoolHaveTheSameFirmMetrics()
    {
        Run(SmallSpec(), "whole.sqlite", 2);
        var whole = Cells("whole.sqlite").Values.Where(c => c.Flips > 0 && c.Flips == c.PoolSize
            && c.Method is "RB-prob" or "RB-label" or "RB-dist" or "Random")
            .GroupBy(c => (c.Seed, c.Alpha, c.Config!.MajorityRows)).ToArray();
        Assert.NotEmpty(whole);
        foreach (var group in whole)
        {
            Assert.Equal(4, group.Count());
            var first = group.First().Metrics;
            foreach (var cell in group)
                foreach (var (key, value) in first)
                    if (!PerCellKeys.Contains(key))
                        Assert.True(BitConverter.DoubleToInt64Bits(value) ==
                            BitConverter.DoubleToInt64Bits(cell.Metrics[key]),
                            $"{cell.Method} {key}: {value:R} vs {cell.Metrics[key]:R}");
        }
    }

    [Fact]
    public void ARunResumedAfterAStopRecomputesNothingAndDuplicatesNothing()
    {
        var spec = SmallSpec();
        using (var s = ResultsStore.Open(Path.Combine(_dir, "r.sqlite")))
            new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = 1, StopAfterCells = 20 },
                SilentProgress.Instance).Run(spec, s);
        var partial = Cells("r.sqlite");
        Assert.InRange(partial.Count, 20, 21);
        // The stopped run is recorded as unfinished, with exactly the cells it did not commit missing.
        int total = RunGrid.Build(spec).CellCount;
        using (var s = ResultsStore.Open(Path.Combine(_dir, "r.sqlite"), StoreAccess.Read))
        {
            var run = Assert.Single(s.Runs());
            Assert.Null(run.FinishedUtc);
            Assert.Equal(total, run.Cells);
            var missing = s.Gaps().Missing;
            Assert.Equal(total - partial.Count, missing.Count);
            Assert.Empty(missing.Select(m => m.Key).Intersect(partial.Keys));
            Assert.Contains($"is incomplete: {total - partial.Count} cells its runs set out to compute are missing",
                Assert.Single(s.Gaps().Warnings()), StringComparison.Ordinal);
        }
        var resumed = Run(spec, "r.sqlite", -1);
        Assert.Equal(partial.Count, resumed.AlreadyDone);
        Assert.Equal(resumed.TotalCells - partial.Count, resumed.Computed);
        var full = Cells("r.sqlite");
        Assert.Equal(resumed.TotalCells, full.Count);
        // Resumed and finished: the store counts as finished (the stopped run stays recorded as it was).
        using (var s = ResultsStore.Open(Path.Combine(_dir, "r.sqlite"), StoreAccess.Read))
        {
            Assert.True(s.Gaps().IsEmpty);
            Assert.NotNull(s.Runs()[^1].FinishedUtc);
        }
        Run(SmallSpec(), "ref.sqlite", -1);
        var reference = Cells("ref.sqlite");
        foreach (var (key, cell) in full) Assert.Equal(reference[key].Metrics.OrderBy(kv => kv.Key),
            cell.Metrics.OrderBy(kv => kv.Key));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
