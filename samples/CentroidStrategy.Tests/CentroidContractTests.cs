using CentroidStrategy;
using FairCollective;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Testing;

namespace CentroidStrategy.Tests;

/// <summary>The sample plug-in passes FairCollective's strategy contract and runs through the front door.</summary>
public class CentroidContractTests
{
    public CentroidContractTests() => StrategyCatalog.Register(CentroidPlugin.Entry);

    [Fact]
    public void PassesTheStrategyContract() => StrategyChecks.Check(CentroidPlugin.Entry);

    [Fact]
    public void ClosestToThePositiveCentroidScoresHighest()
    {
        // Known majority: rows 0 (label 0) at 10, rows 1 and 2 (label 1) at 0 and 2, so the centroid is 1; pool: rows 3-5.
        var x = new FairCollective.Data.DesignMatrix(6, 1, [10, 0, 2, 1.5, 4, 1]);
        var context = new StrategyContext(x, [0, 1, 1, 0, 0, 0], [3, 4, 5], [0, 1, 2], seed: 0);
        var scores = new Centroid(new CentroidOptions { Power = 1 }).Score(context).Values;
        Assert.Equal([-0.5, -3, 0], scores);
    }

    [Fact]
    public void RunsThroughTheFrontDoorWithItsOption()
    {
        var data = FairCollective.Data.Sources.DatasetCatalog.Load("compas");
        var options = new CollectiveActionOptions
        {
            Size = CollectiveSize.Share(0.3), Strategy = "centroid", StrategyOptions = new CentroidOptions { Power = 1 }, Budget = FlipBudget.ShareOfPool(0.2),
        };
        var result = CollectiveAction.Run(data, options);
        Assert.Equal((int)Math.Floor(0.2 * result.Pool.Length + 0.5), result.Flipped.Length);
        Assert.NotNull(result.After);
    }
}
