using CsCheck;
using FairCollective.Fairness;
using MathNet.Numerics.Statistics;

namespace FairCollective.Tests.Fairness;

[Trait(TestKind.Name, TestKind.Unit)]
public class PercentileEndsTests
{
    // Samples as a bootstrap makes them: few distinct values (many ties), or continuous ones, of any length.
    private static readonly Gen<double[]> Samples = Gen.OneOf(
        Gen.Int[0, 6].Select(v => v / 6.0).Array[1, 400],
        Gen.Double[-3, 3].Array[1, 400],
        Gen.Double[-1e6, 1e6].Array[1, 40]);

    private static readonly Gen<double> Levels = Gen.OneOf(Gen.Const(0.95), Gen.Const(0.9), Gen.Const(0.5),
        Gen.Double[0.001, 0.999]);

    /// <summary>The selected ends equal MathNet's R7 quantiles of the sorted sample, for any sample and level (the
    /// narrow tails selected, the wide ones sorted).</summary>
    [Fact]
    public void EndsEqualMathNetsQuantilesOfTheSortedSample()
    {
        Gen.Select(Samples, Levels).Sample((sample, level) =>
        {
            double lowTau = (1 - level) / 2, highTau = 1 - lowTau;
            var sorted = (double[])sample.Clone();
            Array.Sort(sorted);
            double expectedLow = SortedArrayStatistics.QuantileCustom(sorted, lowTau, QuantileDefinition.R7);
            double expectedHigh = SortedArrayStatistics.QuantileCustom(sorted, highTau, QuantileDefinition.R7);
            var (low, high) = PercentileEnds.Of((double[])sample.Clone(), lowTau, highTau);
            return low.Equals(expectedLow) && high.Equals(expectedHigh);
        }, iter: 2000);
    }

    /// <summary>The bootstrap's own case, hand-checked: 200 values 0..199 in any order, level 0.95, read ranks 4-5 and
    /// 194-195 (h = 5.975 and 195.025).</summary>
    [Fact]
    public void TwoHundredValuesAtNinetyFivePercent()
    {
        var values = Enumerable.Range(0, 200).Select(i => (double)((i * 37) % 200)).ToArray();
        var (low, high) = PercentileEnds.Of(values, 0.025, 0.975);
        Assert.Equal(4 + 0.975, low, 12);
        Assert.Equal(194 + 0.025, high, 12);
    }

    /// <summary>MathNet's edge cases: one value, and tails at 0 and 1 (the extremes, infinities kept).</summary>
    [Fact]
    public void EdgeCasesFollowMathNet()
    {
        Assert.Equal((double.PositiveInfinity, double.PositiveInfinity),
            PercentileEnds.Of(new[] { double.PositiveInfinity }, 0.025, 0.975));
        Assert.Equal((-1.0, double.PositiveInfinity), PercentileEnds.Of(new[] { 3, double.PositiveInfinity, -1, 2 }, 0,
            1));
        Assert.Throws<ArgumentException>(() => PercentileEnds.Of(Array.Empty<double>(), 0.1, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => PercentileEnds.Of(new[] { 1.0 }, 0.9, 0.1));
    }
}
