using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>The NaN rules of the between-groups combinations (reference README, "Undefined values").</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class BetweenGroupsTests
{
    private const double Nan = double.NaN;

    [Theory]
    // fairlearn: Python min([tpr, fpr]) keeps the first element whenever NaN is compared.
    [InlineData(UndefinedRate.ZeroLikeFairlearn, 0.5, Nan, 0.5)]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, Nan, 0.5, Nan)]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, 0.7, 0.5, 0.5)]
    // Default: undefined in, undefined out.
    [InlineData(UndefinedRate.NaN, 0.5, Nan, Nan)]
    [InlineData(UndefinedRate.NaN, Nan, 0.5, Nan)]
    [InlineData(UndefinedRate.NaN, 0.7, 0.5, 0.5)]
    public void WorstCaseMin(UndefinedRate mode, double tprPart, double fprPart, double expected) =>
        Assert.Equal(expected, BetweenGroups.WorstCaseMin(tprPart, fprPart, mode));

    [Theory]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, 0.5, Nan, 0.5)]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, Nan, 0.5, Nan)]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, 0.3, 0.5, 0.5)]
    [InlineData(UndefinedRate.NaN, 0.5, Nan, Nan)]
    [InlineData(UndefinedRate.NaN, 0.3, 0.5, 0.5)]
    public void WorstCaseMax(UndefinedRate mode, double tprPart, double fprPart, double expected) =>
        Assert.Equal(expected, BetweenGroups.WorstCaseMax(tprPart, fprPart, mode));

    [Theory]
    // pandas mean skips NaN, and is NaN only when nothing is left.
    [InlineData(UndefinedRate.ZeroLikeFairlearn, 0.5, Nan, 0.5)]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, Nan, 0.25, 0.25)]
    [InlineData(UndefinedRate.ZeroLikeFairlearn, Nan, Nan, Nan)]
    [InlineData(UndefinedRate.NaN, 0.5, Nan, Nan)]
    [InlineData(UndefinedRate.NaN, 0.5, 0.25, 0.375)]
    public void Mean(UndefinedRate mode, double tprPart, double fprPart, double expected) =>
        Assert.Equal(expected, BetweenGroups.Mean(tprPart, fprPart, mode));

    [Fact]
    public void SingleGroupGivesDifferenceZeroAndRatioOneOrNaN()
    {
        ConfusionCounts[] one = [new(TruePositives: 2, FalsePositives: 0, TrueNegatives: 3, FalseNegatives: 1)];
        Assert.Equal(0.0, BetweenGroups.Difference(one, GroupRate.SelectionRate, UndefinedRate.NaN));
        Assert.Equal(1.0, BetweenGroups.Ratio(one, GroupRate.SelectionRate, UndefinedRate.NaN));
        Assert.True(double.IsNaN(BetweenGroups.Ratio(one, GroupRate.FalsePositiveRate,
            UndefinedRate.NaN))); // FPR 0: 0/0
    }

    [Fact]
    public void EmptyGroupIsSkippedLikePandasInCompatModeAndPoisonsByDefault()
    {
        ConfusionCounts[] groups = [new(1, 1, 1, 1), default, new(2, 0, 2, 0)];
        Assert.Equal(0.0, BetweenGroups.Difference(groups, GroupRate.SelectionRate, UndefinedRate.ZeroLikeFairlearn));
        Assert.True(double.IsNaN(BetweenGroups.Difference(groups, GroupRate.SelectionRate, UndefinedRate.NaN)));
    }
}
