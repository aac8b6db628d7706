using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Tests.Experiments;

/// <summary>Strategies against Random, paired by seed, on hand-made curves whose answers are known.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class RandomComparisonTests
{
    private static CellRecord Cell(string method, int seed, string budget, int flips, double eqod) => new()
    {
        Experiment = "e", Dataset = "d", Learner = "logistic", Method = method, Seed = seed, Alpha = 0.3, Budget =
            budget, Flips = flips, PoolSize = 100,
        Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = eqod, [MetricKeys.Error] = 0.3 },
    };

    private static IEnumerable<CellRecord> Curves(double strategyOffset, double[] seedNoise)
    {
        for (int s = 0; s < seedNoise.Length; s++)
        {
            yield return Cell("Base", s, "none", 0, 0.20);
            foreach (var (budget, flips, eqod) in new[] { ("0.5 of pool", 50, 0.12), ("1 of pool", 100, 0.06) })
            {
                yield return Cell("Random", s, budget, flips, eqod);
                yield return Cell("RB-prob", s, budget, flips, eqod + strategyOffset + seedNoise[s]);
            }
        }
    }

    [Fact]
    public void TheTIntervalIsTheTextbookOne()
    {
        // Mean 2, sample sd 1.5811 (values 0..4), t(0.975, 4) = 2.776445: half-width 2.776445 * 1.5811 / sqrt(5) =
        // 1.963243.
        var (mean, low, high) = RandomComparison.TInterval([0.0, 1, 2, 3, 4], 0.95);
        Assert.Equal(2, mean, 12);
        Assert.Equal(2 - 1.9632432, low, 6);
        Assert.Equal(2 + 1.9632432, high, 6);
    }

    [Fact]
    public void AClearlyBetterStrategyBeatsRandomAndAnEqualOneIsNotResolved()
    {
        double[] noise = [0.001, -0.002, 0.0015, -0.001, 0.0005];
        var better = RandomComparison.Against(Curves(-0.02, noise).ToArray()).Single();
        Assert.Equal(Verdict.Beats, better.Verdict);
        Assert.Equal(-0.02, better.MeanDifference, 12);
        Assert.Equal(5, better.Seeds);
        Assert.StartsWith("RB-prob beats Random at alpha = 0.3: yes (-0.0200 [", better.Line(0.95));
        var same = RandomComparison.Against(Curves(0, noise).ToArray()).Single();
        Assert.Equal(Verdict.NotResolved, same.Verdict);
        Assert.Contains(": not resolved at 95% (", same.Line(0.95));
        Assert.Equal(Verdict.Loses, RandomComparison.Against(Curves(+0.02, noise).ToArray()).Single().Verdict);
    }

    [Fact]
    public void ForARatioTheFairerSideIsAbove()
    {
        // The same curves read as a min/max ratio (1 = parity): a strategy 0.02 higher is fairer, so it beats Random.
        static CellRecord AsRatio(CellRecord c) => c with
        {
            Metrics = new Dictionary<string, double>
            {
                [MetricKeys.DemographicParityRatio] = 1 -
                c.Metrics[MetricKeys.EqOd], [MetricKeys.Error] = 0.3
            },
        };
        double[] noise = [0.001, -0.002, 0.0015, -0.001, 0.0005];
        var ratio = ShownMetric.Of(MetricKeys.DemographicParityRatio);
        var higher = RandomComparison.Against(Curves(-0.02, noise).Select(AsRatio).ToArray(), 0.95, ratio).Single();
        Assert.Equal(+0.02, higher.MeanDifference, 12);
        Assert.Equal(Verdict.Beats, higher.Verdict);
        Assert.Equal(Verdict.Loses, RandomComparison.Against(Curves(+0.02, noise).Select(AsRatio).ToArray(), 0.95,
            ratio).Single().Verdict);
        // Flips to halve the distance from parity (1 - ratio): base 0.20 -> 0.10, reached as with the gap.
        var rows = RandomComparison.Halving(Curves(-0.04, [0, 0, 0]).Select(AsRatio).ToArray(), 0.95,
            ratio).ToDictionary(r => r.Strategy);
        Assert.Equal(100, rows["Random"].Flips);
        Assert.Equal(50, rows["RB-prob"].Flips);
    }

    [Fact]
    public void AnAlphaWhereNobodyFlipsIsNotCompared()
    {
        // alpha 0: every strategy's curve is the base model's; no verdict and no halving row is printed for it.
        var cells = Curves(-0.02, [0.001, -0.002, 0.0015]).Select(c => c.Method == "Base" ? c : c with
        {
            Alpha = 0,
            Flips = 0
        }).ToArray();
        Assert.Empty(RandomComparison.Against(cells));
        Assert.Empty(RandomComparison.Halving(cells));
    }

    [Fact]
    public void FlipsToHalveTheBaseAreTheFirstBudgetAtOrBelowHalf()
    {
        // Base 0.20, half 0.10: Random reaches it only at 100 flips (0.06); RB-prob 0.04 lower reaches it at 50 (0.08).
        var rows = RandomComparison.Halving(Curves(-0.04, [0, 0, 0]).ToArray()).ToDictionary(r => r.Strategy);
        Assert.Equal(100, rows["Random"].Flips);
        Assert.Equal(50, rows["RB-prob"].Flips);
        Assert.Equal(3, rows["RB-prob"].Reached);
        Assert.Equal(50, rows["RB-prob"].Low, 12); // no spread: the interval is the point
    }
}
