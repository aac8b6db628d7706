using FairCollective.Common;
using FairCollective.Learning.Boosting;

namespace FairCollective.Tests.Learning;

[Trait(TestKind.Name, TestKind.Integration)]
public class GradientBoostingTests
{
    [Fact]
    public void MoreThreadsGiveTheSameModelOnThisFixture()
    {
        var (x, y) = TrainerContractTests.Problem(1500, 5);
        var (test, _) = TrainerContractTests.Problem(500, 6);
        var one = new GradientBoostingTrainer(new GradientBoostingOptions { Threads = 1 }).Fit(x, y).PredictProba(test);
        var two = new GradientBoostingTrainer(new GradientBoostingOptions { Threads = 2 }).Fit(x, y).PredictProba(test);
        Assert.Equal(one, two);
    }

    [Fact]
    public void DifferentSeedsStillFitTheSameDeterministicBooster()
    {
        // FastTree without bagging or feature sub-sampling uses no randomness, so the seed must not matter either.
        var (x, y) = TrainerContractTests.Problem(800, 7);
        var a = new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 1 }).Fit(x, y).PredictProba(x);
        var b = new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 2 }).Fit(x, y).PredictProba(x);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(0, 31, 0.1, 20)]
    [InlineData(100, 1, 0.1, 20)]
    [InlineData(100, 31, 0.0, 20)]
    [InlineData(100, 31, 0.1, 0)]
    public void RefusesBadOptions(int trees, int leaves, double rate, int minLeaf) =>
        Assert.Throws<UserInputException>(() => new GradientBoostingTrainer(new GradientBoostingOptions
        { Trees = trees, Leaves = leaves, LearningRate = rate, MinExamplesPerLeaf = minLeaf }));
}
