using FairCollective.Collective;
using FairCollective.Experiments.Store;

namespace FairCollective.Tests.Cli;

/// <summary><c>rounding: half-even</c> in a spec: every collective size and budget of the run is rounded half to even,
/// the cells that differ are keyed apart, and a store refuses to mix the two roundings in one experiment.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class RoundingRunTests : IDisposable
{
    private readonly CliSandbox _box = new();

    private IReadOnlyList<CellRecord> Run(string rounding, string storeName)
    {
        string spec = _box.Write($"{storeName}.yaml", "name: r\ndatasets: [toy]\nstrategies: [Random]\n" +
            "alphas: [0.5, 1]\nbudgets: {fractions: [0.25, 0.75]}\nseeds: [0]\nbootstrap: {resamples: 0}\n" +
            (rounding.Length > 0 ? $"rounding: {rounding}\n" : ""));
        string store = _box.PathOf($"{storeName}.sqlite");
        var (exit, _, err) = CliSandbox.Run("run", spec, "--store", store, "--no-report");
        Assert.True(exit == 0, err);
        using var s = ResultsStore.Open(store, StoreAccess.Read);
        return s.Cells();
    }

    [Fact]
    public void HalfEvenRoundsEverySizeAndBudgetAndKeysTheCellsApart()
    {
        var up = Run("", "up").Where(c => c.Method == "Random").ToArray();
        var even = Run("half-even", "even").Where(c => c.Method == "Random").ToArray();
        Assert.Equal(4, up.Length);
        Assert.Equal(4, even.Length);
        // The minority's training rows: alpha 1 takes them all.
        int minority = up.First(c => c.Alpha == 1).Members;
        foreach (var (cells, rounding) in new[] { (up, Rounding.HalfUp), (even, Rounding.HalfEven) })
            foreach (var c in cells)
            {
                Assert.Equal(rounding.Count(c.Alpha, minority), c.Members);
                Assert.Equal(rounding.Count(c.Config!.Budget!.Value.Fraction!.Value, c.PoolSize), c.Flips);
                Assert.Equal(rounding, c.Config.Size!.Value.Rounding);
            }
        // Some size or budget falls on a half here, so the two runs differ in members or flips; every cell's key
        // differs (a share's rounding is part of its identity).
        Assert.Contains(up, u => even.Any(e => e.Alpha == u.Alpha && e.Budget == u.Budget
                                               && (e.Members != u.Members || e.Flips != u.Flips)));
        Assert.Empty(up.Select(c => c.Key).Intersect(even.Select(c => c.Key)));
    }

    [Fact]
    public void AStoreRefusesTheOtherRoundingForTheSameExperiment()
    {
        Run("", "mixed");
        string spec = _box.Write("mixed.yaml", "name: r\ndatasets: [toy]\nstrategies: [Random]\nalphas: [0.5, 1]\n" +
            "budgets: {fractions: [0.25, 0.75]}\nseeds: [0]\nbootstrap: {resamples: 0}\nrounding: half-even\n");
        var (exit, _, err) = CliSandbox.Run("run", spec, "--store", _box.PathOf("mixed.sqlite"), "--no-report");
        Assert.Equal(2, exit);
        Assert.Matches(@"^error: results store '.*mixed\.sqlite' already holds experiment 'r' with other settings: " +
            @"rounding is half-up in the store and half-even now", err);
    }

    [Fact]
    public void ABadRoundingIsOneLineNamingItsLine()
    {
        string spec = _box.Write("bad.yaml", "name: r\ndatasets: [toy]\nstrategies: [Random]\nalphas: [0.5]\n" +
            "budgets: {fractions: [0.25]}\nseeds: [0]\nrounding: bankers\n");
        var (exit, _, err) = CliSandbox.Run("run", spec, "--no-report");
        Assert.Equal(2, exit);
        Assert.Matches(@"^error: .*bad\.yaml:7:\d+: rounding must be half-up or half-even; got 'bankers'\s*$", err);
    }

    public void Dispose() => _box.Dispose();
}
