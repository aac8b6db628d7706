using FairCollective.Common;
using FairCollective.Fairness;
using MathNet.Numerics.Statistics;

namespace FairCollective.Tests.Fairness;

[Trait(TestKind.Name, TestKind.Unit)]
public class CountBootstrapDrawsTests
{
    /// <summary>
    /// The count bootstrap shares its row draws between calls with the same (n, resamples, seed). Whatever the data,
    /// and whether the draws come fresh or from the shared store, the intervals are exactly those of drawing n row
    /// indices per resample from the documented stream and counting them (written out here independently; an unsigned
    /// gap or ratio from its signed parts in those resamples, through the same interval arithmetic).
    /// </summary>
    [Theory]
    [InlineData(1, 37, 50)]
    [InlineData(2, 500, 200)]
    [InlineData(3, 1584, 200)]
    [InlineData(4, 2000, 33)]
    public void SharedDrawsGiveExactlyTheIntervalsOfDrawingPerResample(int seed, int n, int resamples)
    {
        var rng = new Random(seed * 7919);
        FairnessMetric[] metrics = [FairnessMetric.EqOd, FairnessMetric.ErrorRate,
            FairnessMetric.DemographicParityRatio, FairnessMetric.EqualOpportunityDifferenceSigned];
        for (int dataSet = 0; dataSet < 3; dataSet++)
        {
            var y = Enumerable.Range(0, n).Select(_ => rng.Next(2)).ToArray();
            var pred = Enumerable.Range(0, n).Select(_ => rng.Next(2)).ToArray();
            var minority = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3).ToArray();
            var got = CountBootstrap.Intervals(y, pred, minority, metrics, resamples, 0.9, seed);
            var again = CountBootstrap.Intervals(y, pred, minority, metrics, resamples, 0.9, seed);
            var expected = Reference(y, pred, minority, metrics, resamples, 0.9, seed);
            Assert.Equal(expected, got);
            Assert.Equal(expected, again);
        }
    }

    private static (double Low, double High)[] Reference(int[] y, int[] pred, bool[] minority, FairnessMetric[] metrics,
        int resamples, double level, int seed)
    {
        int n = y.Length;
        var rng = Seeds.Create(seed, CountBootstrap.SeedPurpose);
        var drawn = metrics.Select(_ => new List<double>()).ToArray();
        var parts = metrics.Select(m => Enumerable.Range(0, SignedParts.LayoutOf(m, 2)?.Count ?? 0).Select(_
            => new List<double>()).ToArray()).ToArray();
        var values = new double[FairnessEvaluator.MetricCount];
        for (int b = 0; b < resamples; b++)
        {
            var counts = new long[2, 2, 2];
            for (int i = 0; i < n; i++)
            {
                int r = rng.Next(n);
                counts[minority[r] ? 1 : 0, y[r], pred[r]]++;
            }
            var perGroup = Enumerable.Range(0, 2).Select(g => new ConfusionCounts(TruePositives: counts[g, 1, 1],
                FalsePositives: counts[g, 0, 1],
                TrueNegatives: counts[g, 0, 0], FalseNegatives: counts[g, 1, 0])).ToArray();
            FairnessEvaluator.Evaluate(perGroup, [false, true], UndefinedRate.NaN, values);
            for (int m = 0; m < metrics.Length; m++)
                if (!double.IsNaN(values[(int)metrics[m]]))
                {
                    drawn[m].Add(values[(int)metrics[m]]);
                    var filled = new double[parts[m].Length];
                    if (filled.Length > 0) SignedParts.Fill(metrics[m], values, [], filled);
                    for (int j = 0; j < filled.Length; j++) parts[m][j].Add(filled[j]);
                }
        }
        var estimate = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(y, pred, minority.Select(m => m ? 1 : 0).ToArray(), [false, true], estimate);
        double tau = (1 - level) / 2;
        double Q(List<double> v, double t)
        {
            if (v.Count == 0) return double.NaN;
            var sorted = v.ToArray();
            Array.Sort(sorted);
            return SortedArrayStatistics.QuantileCustom(sorted, t, QuantileDefinition.R7);
        }
        return metrics.Select((metric, m) => SignedParts.LayoutOf(metric, 2) is { } layout
            ? UnsignedInterval.Of(layout, SimultaneousPercentiles.Ends(parts[m].Select(p => p.ToArray()).ToArray(),
                drawn[m].Count, level), estimate[(int)metric])
            : (Q(drawn[m], tau), Q(drawn[m], 1 - tau))).ToArray();
    }
}
