using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning.Logistic;

namespace FairCollective.Tests.Collective;

/// <summary>Each strategy on a case small enough to check by hand.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class StrategyTests
{
    // 1-D features. Majority rows 0-5 at x = 0..5 with labels 0,0,0,1,1,1 (positives at x = 3, 4, 5).
    // Pool rows 6, 7, 8 at x = 0.1, 2.6, 5.2 (all y = 0).
    private static readonly double[] X = [0, 1, 2, 3, 4, 5, 0.1, 2.6, 5.2];
    private static readonly int[] Y = [0, 0, 0, 1, 1, 1, 0, 0, 0];

    private static StrategyContext Context(double[]? oracle = null) =>
        new(new DesignMatrix(X.Length, 1, X), Y, pool: [6, 7, 8], knownMajority: [0, 1, 2, 3, 4, 5], seed: 3, oracle);

    [Fact]
    public void RbLabelCountsPositiveNeighbours()
    {
        // k = 3: x = 0.1 -> {0, 1, 2}: 0 positives; x = 2.6 -> {3 (0.4), 2 (0.6), 4 (1.4)}: 2; x = 5.2 -> {5, 4, 3}: 3.
        var scores = new RbLabelStrategy(new NeighbourStrategyOptions { K = 3 }).Score(Context()).Values;
        Assert.Equal([0, 2, 3], scores);
    }

    [Fact]
    public void RbDistIsMinusTheMeanDistanceToThePositiveMajority()
    {
        // k = 2 nearest positives (x = 3, 4, 5): 0.1 -> 2.9, 3.9; 2.6 -> 0.4, 1.4; 5.2 -> 0.2, 1.2.
        var scores = new RbDistStrategy(new NeighbourStrategyOptions { K = 2 }).Score(Context()).Values;
        Assert.Equal(-(2.9 + 3.9) / 2, scores[0], 12);
        Assert.Equal(-(0.4 + 1.4) / 2, scores[1], 12);
        Assert.Equal(-(0.2 + 1.2) / 2, scores[2], 12);
    }

    [Fact]
    public void RbProbRanksByTheMajorityModelsProbability()
    {
        var scores = new RbProbStrategy(new LogisticRegressionTrainer()).Score(Context()).Values;
        // Logistic regression on the majority: P(y = 1 | x) rises with x, so scores rise with x.
        Assert.True(scores[0] < 0.5 && scores[0] < scores[1] && scores[1] < scores[2] && scores[2] > 0.5);
        var direct = new LogisticRegressionTrainer().Fit(new DesignMatrix(6, 1, X[..6]),
            Y[..6]).PredictProba(new DesignMatrix(3, 1, X[6..]));
        Assert.Equal(direct, scores);
    }

    [Fact]
    public void RbProbWithOneKnownLabelTiesEveryone()
    {
        var ctx = new StrategyContext(new DesignMatrix(X.Length, 1, X), Y, [6, 7, 8], knownMajority: [0, 1], seed: 0);
        var scores = new RbProbStrategy(new LogisticRegressionTrainer()).Score(ctx);
        Assert.Equal([0.0, 0.0, 0.0], scores.Values);
        Assert.Equal("constant score (all 2 known majority rows have y = 0, so no model can be fitted); the tie rule " +
            "orders the pool", scores.Rule);
    }

    [Fact]
    public void OracleUsesTheCausalModelsProbabilityAndRefusesRealData()
    {
        var p0 = new double[9];
        p0[6] = 0.2; p0[7] = 0.7; p0[8] = 0.55;
        Assert.Equal([0.2, 0.7, 0.55], new OracleStrategy().Score(Context(p0)).Values);
        Assert.Contains("synthetic", Assert.Throws<UserInputException>(()
            => new OracleStrategy().Score(Context())).Message);
    }

    [Fact]
    public void RandomIsSeededAndInRange()
    {
        var a = new RandomStrategy().Score(Context()).Values;
        Assert.Equal(a, new RandomStrategy().Score(Context()).Values);
        Assert.All(a, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void NeighbourStrategiesUseEveryKnownRowWhenTheyKnowFewerThanK()
    {
        // RB-label with k = 7 but 6 known rows: every pool member counts the 3 positives among all six.
        var label = new RbLabelStrategy(new NeighbourStrategyOptions { K = 7 }).Score(Context());
        Assert.Equal([3, 3, 3], label.Values);
        Assert.Equal("k = 6 instead of 7 (only 6 known majority rows)", label.Rule);
        Assert.Equal(new RbLabelStrategy(new NeighbourStrategyOptions { K = 6 }).Score(Context()).Values, label.Values);
        // RB-dist with k = 4 but 3 known positives (x = 3, 4, 5): the mean distance to all three.
        var dist = new RbDistStrategy(new NeighbourStrategyOptions { K = 4 }).Score(Context());
        Assert.Equal(-(2.9 + 3.9 + 4.9) / 3, dist.Values[0], 12);
        Assert.Equal("k = 3 instead of 4 (only 3 positive known majority rows)", dist.Rule);
        Assert.Equal(PoolScores.AsSpecified,
            new RbDistStrategy(new NeighbourStrategyOptions { K = 3 }).Score(Context()).Rule);
    }

    [Fact]
    public void NeighbourStrategiesScoreAllAlikeWhenNothingIsKnown()
    {
        // Known majority rows 0-2 are all negative: RB-dist has no positive to measure against; RB-label none to count.
        var negativesOnly = new StrategyContext(new DesignMatrix(X.Length, 1, X), Y, [6, 7, 8], knownMajority: [0, 1,
            2], seed: 0);
        var dist = new RbDistStrategy(new NeighbourStrategyOptions { K = 2 }).Score(negativesOnly);
        Assert.Equal([0.0, 0.0, 0.0], dist.Values);
        Assert.Equal("constant score (the collective knows no positive majority row); the tie rule orders the pool",
            dist.Rule);
        var nothing = new StrategyContext(new DesignMatrix(X.Length, 1, X), Y, [6, 7, 8], knownMajority: [], seed: 0);
        Assert.Equal("constant score (the collective knows no majority row); the tie rule orders the pool",
            new RbLabelStrategy(new NeighbourStrategyOptions { K = 2 }).Score(nothing).Rule);
    }

    [Fact]
    public void MajorityKnowledgeSampleIsSeededAndNestedInTheMajority()
    {
        var majority = Enumerable.Range(100, 50).ToArray();
        var known = MajorityKnowledge.Known(majority, 10, seed: 4);
        Assert.Equal(10, known.Length);
        Assert.All(known, r => Assert.Contains(r, majority));
        Assert.Equal(known, MajorityKnowledge.Known(majority, 10, seed: 4));
        Assert.NotEqual(known, MajorityKnowledge.Known(majority, 10, seed: 5));
        Assert.Equal(majority, MajorityKnowledge.Known(majority, null, seed: 4));
        Assert.Throws<UserInputException>(() => MajorityKnowledge.Known(majority, 51, seed: 4));
    }
}
