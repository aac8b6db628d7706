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
}
