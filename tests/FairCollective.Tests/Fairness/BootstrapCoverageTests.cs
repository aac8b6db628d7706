using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>The bootstrap interval over test rows covers the true EqOd as often as its level says (seeded, so
/// deterministic).</summary>
[Trait(TestKind.Name, TestKind.Statistical)]
public class BootstrapCoverageTests(Xunit.Abstractions.ITestOutputHelper output)
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
        output.WriteLine($"row bootstrap: covered a true EqOd of {TrueEqOd} in {covered} of {sets} test sets");
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
            var counted = CountBootstrap.Intervals(y, pred, minority, [FairnessMetric.EqOd, FairnessMetric.ErrorRate],
                200, 0.95, s);
            var ((low, high), (errorLow, errorHigh)) = (counted[0], counted[1]);
            if (low <= TrueEqOd && TrueEqOd <= high) covered++;
            if (s < 5)
            {
                // Same distribution as resampling rows: the ends agree with the row bootstrap's within Monte Carlo
                // noise.
                var rows = FairnessBootstrap.Compute(y, pred, GroupIndex.From(group), ["min"], [FairnessMetric.EqOd,
                    FairnessMetric.ErrorRate, FairnessMetric.DemographicParityDifference,
                    FairnessMetric.DemographicParityRatio, FairnessMetric.EqualOpportunityDifferenceSigned],
                    new BootstrapOptions { Resamples = 2000, Seed = s });
                Assert.Equal(rows[0].Lower, low, 0.01);
                Assert.Equal(rows[0].Upper, high, 0.01);
                Assert.Equal(rows[1].Lower, errorLow, 0.005);
                Assert.Equal(rows[1].Upper, errorHigh, 0.005);
                // Every other metric goes through the same counts: its ends agree with the row bootstrap's as well
                // (both at 2,000 resamples, so the ends' Monte Carlo noise is well below the tolerance).
                var many = CountBootstrap.Intervals(y, pred, minority, [FairnessMetric.DemographicParityDifference,
                    FairnessMetric.DemographicParityRatio,
                    FairnessMetric.EqualOpportunityDifferenceSigned], 2000, 0.95, s);
                for (int m = 2; m < 5; m++)
                {
                    Assert.Equal(rows[m].Lower, many[m - 2].Low, 0.01);
                    Assert.Equal(rows[m].Upper, many[m - 2].High, 0.01);
                }
            }
        }
        output.WriteLine($"count bootstrap: covered a true EqOd of {TrueEqOd} in {covered} of {sets} test sets");
        Assert.InRange(covered, 180, 198);
    }

    // COMPAS's test split: 953 minority and 631 majority rows; 200 resamples, as every stored cell.
    internal const int MinorityRows = 953, MajorityRows = 631, Resamples = 200;

    /// <summary>
    /// A test set of COMPAS's group sizes with base rate 1/2 in both groups, the majority's TPR 0.7 and FPR 0.3, and
    /// the minority's TPR and FPR the majority's plus <paramref name="tprGap"/> and <paramref name="fprGap"/>.
    /// </summary>
    internal static (int[] Y, int[] Pred, bool[] Minority) CompasSizedTestSet(Random rng, double tprGap, double fprGap)
    {
        int n = MinorityRows + MajorityRows;
        var (y, pred, minority) = (new int[n], new int[n], new bool[n]);
        for (int i = 0; i < n; i++)
        {
            minority[i] = i < MinorityRows;
            y[i] = rng.NextDouble() < 0.5 ? 1 : 0;
            double p = y[i] == 1 ? 0.7 + (minority[i] ? tprGap : 0) : 0.3 + (minority[i] ? fprGap : 0);
            pred[i] = rng.NextDouble() < p ? 1 : 0;
        }
        return (y, pred, minority);
    }

    public static TheoryData<double> TrueValues => [0, 0.015, 0.03, 0.1, 0.15];

    /// <summary>
    /// Near zero, where the collective's results lie, the 95% intervals of unsigned gaps and ratios cover their true
    /// value in at least 93% of test sets, for every true value 0, 0.015, 0.03, 0.1 and 0.15 (issue 28: the percentile
    /// interval of EqOd itself covered a true 0 in 0%, 0.015 in 85%). Two designs with the same true EqOd e: both gaps
    /// e (EqOd's part A = e, B = 0; also eq_opp = dem_parity = eq_odds_worst = e and dem_parity_ratio = 0.5 / (0.5 +
    /// e)), and the TPR gap 2e with no FPR gap (A = B = e, where the percentile interval of EqOd stays below 85%
    /// however far from zero: |FPR gap| is biased up). Margin: a single gap's interval is its signed gap's percentile
    /// interval, which covers about 94% here (the simulation in docs/metrics.md: 94.0-94.4% at 0 over 4,000 test sets);
    /// with 4,000 test sets the binomial SD is 15 sets (0.4 points), so 93% lies 2.5 SDs below 94%, while an interval
    /// covering 91% or less would pass with probability below 0.01%. The test sets are independent; their bootstrap
    /// draws come from 50 seeds, so that no one set of draws decides the coverage (cells of one split share theirs in
    /// the product too).
    /// </summary>
    [Theory]
    [MemberData(nameof(TrueValues))]
    public void UnsignedGapsAndRatiosCoverAtLeast93PercentNearZero(double e)
    {
        const int sets = 4000, bootstrapSeeds = 50;
        FairnessMetric[] metrics = [FairnessMetric.EqOd, FairnessMetric.EqualOpportunityDifference,
            FairnessMetric.DemographicParityDifference,
            FairnessMetric.EqualizedOddsDifferenceWorstCase, FairnessMetric.DemographicParityRatio];
        double[] truth = [e, e, e, e, 0.5 / (0.5 + e)];
        var covered = new int[metrics.Length + 1];
        for (int s = 0; s < sets; s++)
        {
            var (y, pred, minority) = CompasSizedTestSet(Seeds.Create(s, "coverage-near-zero"), e, e);
            var ends = CountBootstrap.Intervals(y, pred, minority, metrics, Resamples, 0.95, seed: s % bootstrapSeeds);
            for (int m = 0; m < metrics.Length; m++)
                if (ends[m].Low <= truth[m] + 1e-12 && truth[m] - 1e-12 <= ends[m].High) covered[m]++;
            (y, pred, minority) = CompasSizedTestSet(Seeds.Create(s, "coverage-near-zero-tpr"), 2 * e, 0);
            var eqod = CountBootstrap.Intervals(y, pred, minority, [FairnessMetric.EqOd], Resamples, 0.95,
                seed: s % bootstrapSeeds)[0];
            if (eqod.Low <= e + 1e-12 && e - 1e-12 <= eqod.High) covered[^1]++;
        }
        output.WriteLine($"true value {e}: covered of {sets}: EqOd {covered[0]}, eq_opp {covered[1]}, dem_parity " +
            $"{covered[2]}, eq_odds_worst {covered[3]}, dem_parity_ratio {covered[4]}; EqOd with the TPR gap alone " +
            $"{covered[5]}");
        Assert.All(covered, c => Assert.InRange(c, 0.93 * sets, sets));
    }
}
