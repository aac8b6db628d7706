using FairCollective.Data;
using FairCollective.Mitigation.FirmSide;
using FairCollective.Mitigation.PostProcessing;

namespace FairCollective.Tests.Mitigation.PostProcessing;

/// <summary>The firm-side knob of calibrated equalized odds traces base model -> fitted solution -> full
/// mixing.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class CalibratedEqOddsKnobTests
{
    [Theory]
    [InlineData(0.0, 0.4, 0.0)]
    [InlineData(0.25, 0.4, 0.2)]
    [InlineData(0.5, 0.4, 0.4)]
    [InlineData(0.75, 0.4, 0.7)]
    [InlineData(1.0, 0.4, 1.0)]
    [InlineData(0.5, 1.7, 1.0)] // an unreachable fitted rate is clipped: the fitted point is full mixing
    [InlineData(0.5, double.NaN, 0.0)] // 0/0: nothing to mix
    public void TheKnobIsPiecewiseLinearInTheMixingProbability(double knob, double fitted, double expected) =>
        Assert.Equal(expected, CalibratedEqOddsMethod.MixProbability(knob, fitted), 12);

    [Fact]
    public void AGivenMixProbabilityMixesOnlyTheLowerCostGroup()
    {
        // Majority scores sharp (low cost), minority's blurred (high cost): only the majority is mixed.
        double[] scores = [0.9, 0.8, 0.1, 0.2, 0.9, 0.1, /* minority */ 0.6, 0.4, 0.55, 0.45];
        int[] y = [1, 1, 0, 0, 1, 0, 1, 0, 1, 0];
        GroupMembership groups = [false, false, false, false, false, false, true, true, true, true];
        var fitted = CalibratedEqOdds.Fit(scores, y, groups);
        Assert.True(fitted.Majority.MixRate > 0);
        Assert.Equal(0, fitted.Minority.MixRate);
        var full = CalibratedEqOdds.Fit(scores, y, groups, new CalibratedEqOddsOptions { MixProbability = 1 });
        Assert.Equal(1, full.Majority.MixProbability);
        Assert.Equal(0, full.Minority.MixProbability);
        // Full mixing gives every majority row its base rate (0.5 here, so label 1 at threshold 0.5); the minority
        // keeps its scores.
        var p = full.PositiveProbability(scores, groups);
        Assert.All(p.Take(6), v => Assert.Equal(1.0, v));
        Assert.Equal([1.0, 0.0, 1.0, 0.0], p.Skip(6));
        var none = CalibratedEqOdds.Fit(scores, y, groups, new CalibratedEqOddsOptions { MixProbability = 0 });
        Assert.Equal([1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0], none.PositiveProbability(scores, groups));
    }

    [Fact]
    public void TheRegistryHoldsAllThreeCostConstraints() =>
        Assert.Equal([CostConstraint.Weighted, CostConstraint.FalsePositiveRate, CostConstraint.FalseNegativeRate],
            FirmSideCatalog.All.OfType<CalibratedEqOddsMethod>().Select(m => m.Cost));
}
