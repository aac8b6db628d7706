using CsCheck;
using FairCollective.Fairness;
using MathNet.Numerics.Statistics;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// The interval of an unsigned gap or ratio from its signed parts (<see cref="UnsignedInterval"/>), the parts'
/// calibrated rectangle (<see cref="SimultaneousPercentiles"/>) and the two together in the count bootstrap.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class UnsignedIntervalTests
{
    private static readonly SignedParts.Layout OneGap = new(false, 1, 1), TwoParts = new(false, 1,
        2), TwoBlocks = new(false, 2, 1), OneRatio = new(true, 1, 1);

    [Fact]
    public void HandCases()
    {
        // |gap| of a signed interval: 0 when it holds 0, else its nearer end; the farther end above.
        Assert.Equal((0, 0.05), UnsignedInterval.Of(OneGap, [(-0.02, 0.05)], 0.01));
        Assert.Equal((0.01, 0.05), UnsignedInterval.Of(OneGap, [(0.01, 0.05)], 0.03));
        Assert.Equal((0.01, 0.05), UnsignedInterval.Of(OneGap, [(-0.05, -0.01)], 0.03));
        // EqOd = max(|A|, |B|): the larger of the nearer ends, the larger of the farther ends.
        Assert.Equal((0.08, 0.12), UnsignedInterval.Of(TwoParts, [(0.08, 0.12), (-0.01, 0.03)], 0.1));
        Assert.Equal((0.01, 0.04), UnsignedInterval.Of(TwoParts, [(-0.02, 0.04), (0.01, 0.02)], 0.02));
        Assert.Equal((0, 0.04), UnsignedInterval.Of(TwoParts, [(-0.02, 0.04), (-0.01, 0.02)], 0.02));
        // Two blocks weighted 1/2 (fairlearn's mean of the TPR and FPR differences).
        var (low, high) = UnsignedInterval.Of(TwoBlocks, [(0.1, 0.2), (-0.1, 0.05)], 0.1);
        Assert.Equal(0.05, low, 15);
        Assert.Equal(0.15, high, 15);
        // A ratio is 1 - |relative gap|: parity (1) is reached when the relative gap's interval holds 0.
        Assert.Equal((0.8, 1.0), UnsignedInterval.Of(OneRatio, [(-0.2, 0.1)], 0.9));
        (low, high) = UnsignedInterval.Of(OneRatio, [(0.1, 0.3)], 0.8);
        Assert.Equal(0.7, low, 15);
        Assert.Equal(0.9, high, 15);
        // The estimate is kept inside; an undefined part is left out; nothing defined, nothing bounded.
        Assert.Equal((0.01, 0.07), UnsignedInterval.Of(OneGap, [(0.01, 0.05)], 0.07));
        Assert.Equal((0.08, 0.12), UnsignedInterval.Of(TwoParts, [(0.08, 0.12), (double.NaN, double.NaN)], 0.1));
        var none = UnsignedInterval.Of(OneGap, [(double.NaN, double.NaN)], double.NaN);
        Assert.True(double.IsNaN(none.Low) && double.IsNaN(none.High));
    }

    // Interval ends in steps of 0.001 (0 included), as far from rounding at 0 and 1 as real gaps are.
    private static readonly Gen<double> End = Gen.Int[-1000, 1000].Select(i => i / 1000.0);

    private static readonly Gen<(SignedParts.Layout Layout, (double Low, double High)[] Parts, double[] Point)> Boxes =
        from layout in Gen.Select(Gen.Bool, Gen.Int[1, 2], Gen.Int[1, 3]).Select((ratio, blocks, perBlock)
            => new SignedParts.Layout(ratio, blocks, perBlock))
        from parts in Gen.Select(End, End, Gen.Double[0, 1]).Array[layout.Count]
        select (layout, parts.Select(p => (Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2))).ToArray(),
                parts.Select(p => Math.Clamp(Math.Min(p.Item1, p.Item2) + p.Item3 * Math.Abs(p.Item1 - p.Item2),
                    Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2))).ToArray());

    /// <summary>The metric at a point of its parts: blocks' mean of the largest |part|, or 1 minus it for a
    /// ratio.</summary>
    private static double Metric(SignedParts.Layout layout, double[] point)
    {
        double sum = 0;
        for (int k = 0; k < layout.Blocks; k++) sum += point.Skip(k *
            layout.PartsPerBlock).Take(layout.PartsPerBlock).Max(Math.Abs);
        return layout.IsRatio ? 1 - sum / layout.Blocks : sum / layout.Blocks;
    }

    /// <summary>
    /// For any parts' intervals and any point in them: the metric at the point lies in the interval (so it covers
    /// whenever the parts do), the interval holds its estimate, and its end toward parity is parity exactly when every
    /// part's interval holds 0.
    /// </summary>
    [Fact]
    public void HoldsTheMetricAtEveryPointOfThePartsAndReachesParityExactlyWhenEveryPartHoldsZero()
    {
        Boxes.Sample(box =>
        {
            double value = Metric(box.Layout, box.Point);
            var (low, high) = UnsignedInterval.Of(box.Layout, box.Parts, value);
            bool allHoldZero = box.Parts.All(p => p.Low <= 0 && 0 <= p.High);
            double parityEnd = box.Layout.IsRatio ? high : low, parity = box.Layout.IsRatio ? 1 : 0;
            return low <= value + 1e-15 && value <= high + 1e-15 && (parityEnd == parity) == allHoldZero && 0 <= low
                && high <= 1;
        }, iter: 1000);
    }

    // Resampled parts as a bootstrap makes them: few distinct values (ties) or continuous ones, correlated (a share of
    // resamples copy the first part's value) or not.
    private static readonly Gen<double[][]> Resampled =
        from n in Gen.Int[2, 300]
        from parts in Gen.Int[2, 4]
        from tied in Gen.Bool
        from shared in Gen.Double[0, 1]
        from values in (tied ? Gen.Int[0, 8].Select(v => v / 8.0) : Gen.Double[-1, 1]).Array[n * parts]
        from copy in Gen.Double[0, 1].Array[n * parts]
        select Enumerable.Range(0, parts).Select(j => Enumerable.Range(0, n).Select(b => j > 0
            && copy[n * j + b] < shared ? values[b] : values[n * j + b]).ToArray()).ToArray();

    private static readonly Gen<double> Levels = Gen.OneOf(Gen.Const(0.95), Gen.Const(0.9), Gen.Double[0.5, 0.99]);

    /// <summary>
    /// The rectangle is the one a brute-force search finds: the largest tail share τ ≤ (1 - level) / 2 at which at
    /// least ⌈level · n⌉ resampled vectors lie inside every part's R7 interval, tried at every order statistic's share
    /// r / (n - 1).
    /// </summary>
    [Fact]
    public void TheRectangleIsTheLargestTailShareKeepingTheLevelsShareInside()
    {
        Gen.Select(Resampled, Levels).Sample((parts, level) =>
        {
            int n = parts[0].Length;
            var got = SimultaneousPercentiles.Ends(parts.Select(p => (double[])p.Clone()).ToArray(), n, level);
            var expected = BruteForce(parts, level);
            return got.Zip(expected).All(x => Math.Abs(x.First.Low - x.Second.Low) < 1e-12
                && Math.Abs(x.First.High - x.Second.High) < 1e-12);
        }, iter: 2000);
    }

    private static (double Low, double High)[] BruteForce(double[][] parts, double level)
    {
        int n = parts[0].Length, need = (int)Math.Ceiling(level * n);
        var sorted = parts.Select(p => p.Order().ToArray()).ToArray();
        double tauLevel = (1 - level) / 2;
        // At the level's own share (R7 interpolating), then at every whole order statistic below it, widest last.
        var tries = new List<(double Low, double High)[]>
        {
            sorted.Select(s => (SortedArrayStatistics.QuantileCustom(s, tauLevel, QuantileDefinition.R7),
                SortedArrayStatistics.QuantileCustom(s, 1 - tauLevel, QuantileDefinition.R7))).ToArray(),
        };
        for (int depth = (int)Math.Ceiling(tauLevel * (n - 1)) - 1; depth >= 0; depth--)
        {
            if (depth > tauLevel * (n - 1)) continue;
            int d = depth;
            tries.Add(sorted.Select(s => (s[d], s[n - 1 - d])).ToArray());
        }
        foreach (var ends in tries)
        {
            int inside = Enumerable.Range(0, n).Count(b => parts.Select((p, j) => p[b] >= ends[j].Item1
                && p[b] <= ends[j].Item2).All(x => x));
            if (inside >= need) return ends;
        }
        throw new InvalidOperationException("the widest rectangle holds every resample");
    }

    [Fact]
    public void OnePartIsItsPercentileIntervalAndPartsMovingTogetherNeedNoMore()
    {
        var rng = new Random(5);
        var a = Enumerable.Range(0, 200).Select(_ => rng.NextDouble()).ToArray();
        double tau = (1 - 0.95) / 2;
        var (low, high) = PercentileEnds.Of((double[])a.Clone(), tau, 1 - tau);
        Assert.Equal((low, high), SimultaneousPercentiles.Ends([(double[])a.Clone()], 200, 0.95)[0]);
        // Identical parts: every resample is inside both or neither, so the level itself suffices.
        var both = SimultaneousPercentiles.Ends([(double[])a.Clone(), (double[])a.Clone()], 200, 0.95);
        Assert.Equal(low, both[0].Low, 12);
        Assert.Equal(high, both[1].High, 12);
        // Independent parts: wider than each alone, and at least 95% of the pairs inside.
        var b = Enumerable.Range(0, 200).Select(_ => rng.NextDouble()).ToArray();
        var independent = SimultaneousPercentiles.Ends([(double[])a.Clone(), (double[])b.Clone()], 200, 0.95);
        Assert.True(independent[0].Low < low && independent[0].High > high);
        Assert.InRange(Enumerable.Range(0, 200).Count(i => a[i] >= independent[0].Low && a[i] <= independent[0].High
            && b[i] >= independent[1].Low && b[i] <= independent[1].High), 190, 200);
    }

    /// <summary>
    /// In the count bootstrap, for any data: every unsigned gap's and ratio's interval holds its estimate; a single
    /// gap's lower end is 0 exactly when its signed gap's interval (the same resamples) holds 0, and eq_odds_worst's is
    /// 0 whenever both signed gaps' intervals hold 0 (its rectangle is at least as wide as each at the level).
    /// </summary>
    [Fact]
    public void InTheCountBootstrapTheLowerEndIsZeroWhenTheSignedIntervalsHoldZero()
    {
        FairnessMetric[] metrics =
        [
            FairnessMetric.EqOd, FairnessMetric.EqualizedOddsDifferenceWorstCase,
                FairnessMetric.EqualOpportunityDifference, FairnessMetric.FalsePositiveRateDifference,
            FairnessMetric.DemographicParityDifference, FairnessMetric.ErrorRateDifference,
                FairnessMetric.DemographicParityRatio,
            FairnessMetric.EqualOpportunityDifferenceSigned, FairnessMetric.FalsePositiveRateDifferenceSigned,
                FairnessMetric.DemographicParityDifferenceSigned,
            FairnessMetric.ErrorRateDifferenceSigned,
        ];
        // Groups, labels and predictions common enough that every resample defines every gap: eq_odds_worst is defined
        // where both its signed gaps are, and a resample without a group's positives would leave it out of
        // eq_odds_worst only.
        var data = from n in Gen.Int[100, 400]
                   from rates in Gen.Double[0.25, 0.75].Array[5]
                   from seed in Gen.Int[0, 1000]
                   select (n, rates, seed);
        Gen.Select(data, Levels).Sample((d, level) =>
        {
            var rng = new Random(d.seed);
            var minority = Enumerable.Range(0, d.n).Select(_ => rng.NextDouble() < d.rates[0]).ToArray();
            var y = Enumerable.Range(0, d.n).Select(_ => rng.NextDouble() < d.rates[1] ? 1 : 0).ToArray();
            var pred = Enumerable.Range(0, d.n).Select(i
                => rng.NextDouble() < (y[i] == 1 ? d.rates[2] : d.rates[3]) + (minority[i] ? d.rates[4] - 0.5 : 0) * 0.2
                ? 1 : 0).ToArray();
            var ends = CountBootstrap.Intervals(y, pred, minority, metrics, 60, level, d.seed);
            var estimate = new double[FairnessEvaluator.MetricCount];
            FairnessEvaluator.Evaluate(y, pred, minority.Select(m => m ? 1 : 0).ToArray(), [false, true], estimate);
            bool Holds0(int m) => ends[m].Low <= 0 && 0 <= ends[m].High;
            for (int m = 0; m < 7; m++)
                if (!double.IsNaN(estimate[(int)metrics[m]]) && !(ends[m].Low <= estimate[(int)metrics[m]]
                    && estimate[(int)metrics[m]] <= ends[m].High)) return false;
            // (An estimate of exactly 0 is kept inside, so then the lower end is 0 whatever the signed interval.)
            bool ZeroExactlyWhen(int gap, int signed) => (ends[gap].Low == 0) == (Holds0(signed)
                || estimate[(int)metrics[gap]] == 0);
            return ZeroExactlyWhen(2, 7) && ZeroExactlyWhen(3, 8) && ZeroExactlyWhen(4, 9) && ZeroExactlyWhen(5, 10)
                && (!(Holds0(7) && Holds0(8)) || ends[1].Low == 0);
        }, iter: 300);
    }
}
