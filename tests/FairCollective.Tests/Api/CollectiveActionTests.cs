using FairCollective.Collective;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Tests.Api;

/// <summary>The front door does what the runner does for one cell, and its parts fit together.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class CollectiveActionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-api-").FullName;

    private static readonly CollectiveActionOptions Options = new()
    {
        Size = CollectiveSize.Share(0.5), Budget = FlipBudget.ShareOfPool(0.5), Strategy = "RB-prob", Seed = 1,
    };

    [Theory]
    [InlineData("none", 0.0)]
    [InlineData("knn-sanitisation", 0.0)]
    [InlineData("confident-learning", 0.3)]
    [InlineData("loss-filtering", 0.0)]
    public void OneCallGivesTheRunnersCellBitForBit(string defence, double plausible)
    {
        var choice = FairCollective.Mitigation.Defences.DefenceCatalog.Choice(defence);
        var result = CollectiveAction.Run(DatasetCatalog.Load("compas"), Options with
        {
            Defence = choice,
            PlausibleMin = plausible
        });

        var cells = RunnerCells(OneCell($"front-door-{defence}") with
        {
            Defences = [choice],
            Plausibility = [plausible]
        });
        var cell = cells.Single(c => c.BaseMethod == "RB-prob");
        var baseCell = cells.Single(c => c.Method == "Base");

        Assert.Equal(cell.Metrics[MetricKeys.EqOd], result.After!.EqOd);
        Assert.Equal(cell.Metrics[MetricKeys.Error], result.After.ErrorRate);
        Assert.Equal(baseCell.Metrics[MetricKeys.EqOd], result.Before!.EqOd);
        Assert.Equal(cell.Flips, result.Flipped.Length);
        Assert.Equal(cell.PoolSize, result.Pool.Length);
        Assert.Equal(cell.Members, result.Members.Length);
        if (choice.IsNone)
        {
            Assert.Null(result.Detection);
            return;
        }
        // A defended firm: its flags counted against the flips as the runner counts them.
        var d = result.Detection!;
        Assert.Equal(cell.Metrics[MetricKeys.DefenceFlagged], d.Flagged);
        Assert.Equal(cell.Metrics[MetricKeys.DefenceRecall], d.Recall);
        Assert.Equal(cell.Metrics[MetricKeys.DefenceFalseFlagsMinority], d.FalseFlagsMinority);
        Assert.Equal(cell.Metrics[MetricKeys.DefenceFalseFlagsMajority], d.FalseFlagsMajority);
        if (plausible > 0) Assert.True(result.Pool.Length < CollectiveAction.Run(DatasetCatalog.Load("compas"),
            Options).Pool.Length, "plausible pool is smaller");
    }

    [Fact]
    public void FlipsAreTheTopOfTheRankingInsideThePoolInsideTheMinority()
    {
        var data = DatasetCatalog.Load("toy");
        var split = FairCollective.Data.Splitting.SplitPreparation.Prepare("toy", data,
            FairCollective.Data.Encoding.EncoderOptions.Default, null, 0, 0.3);
        var r = CollectiveAction.Run(split.TrainX, split.TrainY, split.TrainGroups, Options);
        Assert.All(r.Members, i => Assert.True(split.TrainGroups.IsMinority(i)));
        Assert.Equal(r.Members.Where(i => split.TrainY[i] == 0).Order(), r.Pool.Order());
        Assert.Equal((int)Math.Floor(0.5 * r.Pool.Length + 0.5), r.Flipped.Length);
        Assert.Equal(r.Ranking.Take(r.Flipped.Length).Select(k => r.Pool[k]).Order(), r.Flipped);
        // The labels change exactly at the flipped rows, 0 -> 1.
        var changed = Enumerable.Range(0, split.TrainY.Length).Where(i
            => r.RelabelledLabels[i] != split.TrainY[i]).ToArray();
        Assert.Equal(r.Flipped, changed);
        Assert.All(changed, i => Assert.Equal(1, r.RelabelledLabels[i]));
        // The highest-scored pool member flips first.
        Assert.Equal(r.Scores.Max(), r.Scores[r.Ranking[0]]);
        Assert.Null(r.After);
    }

    [Fact]
    public void BadArraysAreUserErrors()
    {
        var x = new DesignMatrix(3, 1, [0.0, 1, 2]);
        Assert.Equal("the training rows disagree: 3 feature rows, 2 labels, 3 group flags",
            Assert.Throws<UserInputException>(() => CollectiveAction.Run(x, [0, 1], GroupMembership.Create([true, false,
                true]))).Message);
        Assert.Equal("the training labels must be 0 or 1 (1 = favourable)",
            Assert.Throws<UserInputException>(() => CollectiveAction.Run(x, [0, 2, 1], GroupMembership.Create([true,
                false, true]))).Message);
        Assert.Equal("the training rows need both groups (a minority and a majority row at least)",
            Assert.Throws<UserInputException>(() => CollectiveAction.Run(x, [0, 1, 1], GroupMembership.Create([true,
                true, true]))).Message);
        Assert.StartsWith("unknown strategy 'RB-magic'",
            Assert.Throws<UserInputException>(() => CollectiveAction.Run(x, [0, 1, 1], GroupMembership.Create([true,
                false, true]), Options with { Strategy = "RB-magic" })).Message);
    }

    /// <summary>The runner's grid of one collective cell (and its base cell) in <see cref="Options"/>'s
    /// setting.</summary>
    private static ExperimentSpec OneCell(string name) => new()
    {
        Name = name, Datasets = [new DatasetChoice("compas")], Learners = ["logistic"], Strategies = ["RB-prob"],
        Sizes = [Options.Size], Budgets = [Options.Budget], MajorityRows = [null], Seeds = [Options.Seed],
    };

    private IReadOnlyList<CellRecord> RunnerCells(ExperimentSpec spec)
    {
        using var store = ResultsStore.Open(Path.Combine(_dir, spec.Name + Guid.NewGuid().ToString("N") + ".sqlite"));
        new ExperimentRunner(new RunnerOptions(), SilentProgress.Instance).Run(spec, store);
        return store.Cells();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
