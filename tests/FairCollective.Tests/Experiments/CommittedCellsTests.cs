using FairCollective.Collective;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Tests.Experiments;

/// <summary>A run into a new store prints and reports the cells it committed instead of reading them back: they must be
/// what reading back gives.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class CommittedCellsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-committed-").FullName;

    [Fact]
    public void TheCommittedCellsAreWhatTheStoreReadsBack()
    {
        var spec = new ExperimentSpec
        {
            Name = "committed", Datasets = [new DatasetChoice("synthetic")], Learners = ["logistic"],
            Strategies = ["RB-prob", "RB-label", "Random"], Sizes = [CollectiveSize.Share(0),
                CollectiveSize.Share(0.3)],
            Budgets = [FlipBudget.ShareOfPool(0), FlipBudget.ShareOfPool(0.5), FlipBudget.Flips(3)],
            Defences = [DefenceChoice.None, new DefenceChoice("roni", "{}")], MajorityRows = [null], Seeds = [0, 1],
        };
        using var store = ResultsStore.Open(Path.Combine(_dir, "s.sqlite"));
        var committed = new CommittedCells(SilentProgress.Instance);
        new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = 2 }, committed).Run(spec, store);
        var kept = committed.AsStored();
        var read = store.Cells();
        Assert.True(read.Count > 20);
        Assert.Equal(read.Count, kept.Count);
        for (int i = 0; i < read.Count; i++)
        {
            var (a, b) = (kept[i], read[i]);
            Assert.Equal(b.Key, a.Key);
            Assert.Equal(b.ConfigJson, a.ConfigJson);
            Assert.Equal(b with { Metrics = a.Metrics, Config = a.Config }, a); // every other field
            Assert.Equal(b.Metrics.Keys, a.Metrics.Keys); // same order
            foreach (var (key, value) in b.Metrics)
                Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(a.Metrics[key]),
                    $"{a.Method} {key}: {a.Metrics[key]:R} kept, {value:R} read");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
