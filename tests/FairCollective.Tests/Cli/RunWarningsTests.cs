using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Tests.Cli;

/// <summary>Warnings reach the user once per run: small test groups and undefined EqOd.</summary>
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
        Assert.Matches(@"^warning: dataset 'toy': a group has fewer than 30 test rows in 1 of 1 seeds \(as few as \d+\); its rates, and EqOd, are noisy$", warnings[0].TrimEnd());
    }

    [Fact]
    public void UndefinedEqOdCellsAreCountedPerDataset()
    {
        CellRecord Cell(int seed, double eqod) => new()
        {
            Experiment = "e", Dataset = "d", Learner = "logistic", Method = "RB-prob", Seed = seed,
            Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = eqod },
        };
        Assert.Equal(["experiment 'e', dataset 'd': EqOd is undefined in 2 cells (a test group without positive or negative rows); tables leave them out of the seed means"],
            RunWarnings.OfCells([Cell(0, double.NaN), Cell(1, 0.1), Cell(2, double.NaN)]));
        Assert.Empty(RunWarnings.OfCells([Cell(0, 0.2)]));
    }

    public void Dispose() => _box.Dispose();
}
