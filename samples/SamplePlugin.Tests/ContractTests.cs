using FairCollective;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Fairness;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Testing;

namespace SamplePlugin.Tests;

/// <summary>The sample plug-in's strategy, learner, defence and metric pass FairCollective's contract checks and run
/// through the front door.</summary>
public class ContractTests
{
    public ContractTests()
    {
        StrategyCatalog.Register(Plugin.Strategy);
        LearnerCatalog.Register(Plugin.Learner);
        DefenceCatalog.Register(Plugin.Defence);
        MetricCatalog.Register(Plugin.FnrGapSigned);
        MetricCatalog.Register(Plugin.FnrGap);
    }

    [Fact]
    public void TheMetricsPassTheMetricContract()
    {
        MetricChecks.Check(Plugin.FnrGapSigned);
        MetricChecks.Check(Plugin.FnrGap);
    }

    [Fact]
    public void TheMetricsAreTheMinorityFnrMinusTheMajoritysAndItsSize()
    {
        // Positives: majority rows 0-3 (one predicted 0: FNR 1/4), minority rows 4-5 (one predicted 0: FNR 1/2).
        int[] y = [1, 1, 1, 1, 1, 1, 0], predicted = [1, 1, 1, 0, 0, 1, 1], group = [0, 0, 0, 0, 1, 1, 1];
        var values = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(y, predicted, group, [false, true], values);
        Assert.Equal(0.25, values[(int)MetricCatalog.Find("fnr_gap_signed")!.Metric!.Value]);
        Assert.Equal(0.25, values[(int)MetricCatalog.Find("fnr_gap")!.Metric!.Value]);
        // The other group as the minority: the signed gap turns negative, its size stays.
        FairnessEvaluator.Evaluate(y, predicted, group, [true, false], values);
        Assert.Equal(-0.25, values[(int)MetricCatalog.Find("fnr_gap_signed")!.Metric!.Value]);
        Assert.Equal(0.25, values[(int)MetricCatalog.Find("fnr_gap")!.Metric!.Value]);
    }

    [Fact]
    public void TheStrategyPassesTheStrategyContract() => StrategyChecks.Check(Plugin.Strategy);

    [Fact]
    public void TheLearnerPassesTheLearnerContract() => LearnerChecks.Check(Plugin.Learner);

    [Fact]
    public void TheDefencePassesTheDefenceContract() => DefenceChecks.Check(Plugin.Defence);

    [Fact]
    public void ClosestToThePositiveCentroidScoresHighest()
    {
        // Known majority: row 0 (label 0) at 10, rows 1 and 2 (label 1) at 0 and 2, so the centroid is 1; pool: rows
        // 3-5.
        var x = new FairCollective.Data.DesignMatrix(6, 1, [10, 0, 2, 1.5, 4, 1]);
        var context = new StrategyContext(x, [0, 1, 1, 0, 0, 0], [3, 4, 5], [0, 1, 2], seed: 0);
        Assert.Equal([-0.5, -3, 0], new Centroid(new CentroidOptions { Power = 1 }).Score(context).Values);
    }

    [Fact]
    public void TheLearnerSeparatesTwoPointsByTheirCentroids()
    {
        var x = new FairCollective.Data.DesignMatrix(2, 1, [0, 2]);
        var model = new NearestCentroid(new NearestCentroidOptions()).Fit(x, [0, 1]);
        // At x = 0: d0^2 = 0, d1^2 = 4, so P(y = 1) = sigmoid(-4); at the midpoint 1 it is 1/2.
        Assert.Equal(1 / (1 + Math.Exp(4)), model.PredictProba(x)[0], 12);
        Assert.Equal(0.5, model.PredictProba(new FairCollective.Data.DesignMatrix(1, 1, [1]))[0], 12);
    }

    [Fact]
    public void RunsThroughTheFrontDoorWithItsOwnParts()
    {
        var data = FairCollective.Data.Sources.DatasetCatalog.Load("compas");
        var options = new CollectiveActionOptions
        {
            Size = CollectiveSize.Share(0.3), Strategy = "centroid", StrategyOptions = new CentroidOptions
            {
                Power = 1
            }, Budget = FlipBudget.ShareOfPool(0.2),
            Learner = NearestCentroid.LearnerName, Defence = DefenceCatalog.Choice(CentroidMargin.DefenceName),
        };
        var result = CollectiveAction.Run(data, options);
        Assert.Equal((int)Math.Floor(0.2 * result.Pool.Length + 0.5), result.Flipped.Length);
        Assert.NotNull(result.After);
        Assert.NotNull(result.Detection);
    }
}
