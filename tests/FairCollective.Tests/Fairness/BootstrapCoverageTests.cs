using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>The bootstrap interval over test rows covers the true EqOd as often as its level says (seeded, so deterministic).</summary>
public class BootstrapCoverageTests
{
    // A classifier with known rates per group: TPR 0.6 (minority) and 0.8 (majority), FPR 0.2 and 0.3,
    // so the true EqOd is 1/2 (|0.6 - 0.8| + |0.2 - 0.3|) = 0.15.
    private const double TrueEqOd = 0.15;

    private static (int[] Y, int[] Pred, string[] Group) TestSet(Random rng, int n)
    {
        var y = new int[n];
        var pred = new int[n];
        var group = new string[n];
        for (int i = 0; i < n; i++)
        {
            bool minority = rng.NextDouble() < 0.3;
            group[i] = minority ? "min" : "maj";
            y[i] = rng.NextDouble() < 0.5 ? 1 : 0;
            double p = (y[i], minority) switch { (1, true) => 0.6, (1, false) => 0.8, (0, true) => 0.2, _ => 0.3 };
            pred[i] = rng.NextDouble() < p ? 1 : 0;
        }
        return (y, pred, group);
    }

    [Fact]
    public void The95PercentIntervalCoversTheTrueEqOdIn90To99PercentOf200TestSets()
    {
        const int sets = 200;
        int covered = 0;
        for (int s = 0; s < sets; s++)
        {
            var (y, pred, group) = TestSet(Seeds.Create(s, "coverage-test-set"), 2000);
            var interval = FairnessBootstrap.Compute(y, pred, GroupIndex.From(group), ["min"], [FairnessMetric.EqOd],
                new BootstrapOptions { Resamples = 200, Seed = s })[0];
            if (interval.Lower <= TrueEqOd && TrueEqOd <= interval.Upper) covered++;
        }
        Assert.InRange(covered, 180, 198);
    }

    [Fact]
    public void TheCountBootstrapCoversAsOftenAndAgreesWithTheRowBootstrap()
    {
        const int sets = 200;
        int covered = 0;
        for (int s = 0; s < sets; s++)
        {
            var (y, pred, group) = TestSet(Seeds.Create(s, "coverage-test-set"), 2000);
            var minority = group.Select(g => g == "min").ToArray();
            var counted = CountBootstrap.Intervals(y, pred, minority, [FairnessMetric.EqOd, FairnessMetric.ErrorRate], 200, 0.95, s);
            var ((low, high), (errorLow, errorHigh)) = (counted[0], counted[1]);
            if (low <= TrueEqOd && TrueEqOd <= high) covered++;
            if (s < 5)
            {
                // Same distribution as resampling rows: the ends agree with the row bootstrap's within Monte Carlo noise.
                var rows = FairnessBootstrap.Compute(y, pred, GroupIndex.From(group), ["min"], [FairnessMetric.EqOd, FairnessMetric.ErrorRate, FairnessMetric.DemographicParityDifference, FairnessMetric.DemographicParityRatio, FairnessMetric.EqualOpportunityDifferenceSigned],
                    new BootstrapOptions { Resamples = 2000, Seed = s });
                Assert.Equal(rows[0].Lower, low, 0.01);
                Assert.Equal(rows[0].Upper, high, 0.01);
                Assert.Equal(rows[1].Lower, errorLow, 0.005);
                Assert.Equal(rows[1].Upper, errorHigh, 0.005);
                // Every other metric goes through the same counts: its ends agree with the row bootstrap's as well
                // (both at 2,000 resamples, so the ends' Monte Carlo noise is well below the tolerance).
                var many = CountBootstrap.Intervals(y, pred, minority, [FairnessMetric.DemographicParityDifference, FairnessMetric.DemographicParityRatio,
                    FairnessMetric.EqualOpportunityDifferenceSigned], 2000, 0.95, s);
                for (int m = 2; m < 5; m++)
                {
                    Assert.Equal(rows[m].Lower, many[m - 2].Low, 0.01);
                    Assert.Equal(rows[m].Upper, many[m - 2].High, 0.01);
                }
            }
        }
        Assert.InRange(covered, 180, 198);
    }
}
