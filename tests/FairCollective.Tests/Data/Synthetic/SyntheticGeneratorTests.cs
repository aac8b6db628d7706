using FairCollective.Common;
using FairCollective.Data.Synthetic;

namespace FairCollective.Tests.Data.Synthetic;

[Trait(TestKind.Name, TestKind.Unit)]
public class SyntheticGeneratorTests
{
    // Away from the defaults on purpose: correlated axes, a wider minority, uneven weights, d = 5.
    private static readonly SyntheticOptions Skewed = new()
    {
        RowCount = 3000, Dimension = 5, Seed = 11, MinorityShare = 0.4, MinorityShift = -0.8, MinorityScale = 1.7,
        Correlation = 0.5, Weights = [1.5, -0.5, 0.75, 0, 2], MajorityIntercept = 0.3, BiasGap = 1.2,
    };

    private static readonly SyntheticSample Sample = SyntheticGenerator.Generate(Skewed);

    private static IEnumerable<int> Rows(bool minority) =>
        Enumerable.Range(0, Sample.Data.RowCount).Where(i => Sample.Data.Sensitive.Membership[i] == minority);

    private static ReadOnlySpan<double> RowOf(double[] m, int i) => m.AsSpan(i * Sample.Dimension, Sample.Dimension);

    private static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int j = 0; j < expected.Length; j++)
            Assert.True(Math.Abs(expected[j] - actual[j]) <= tolerance, $"component {j}: {expected[j]} vs {actual[j]}");
    }

    [Fact]
    public void BothGroupsArePresent()
    {
        Assert.NotEmpty(Rows(true));
        Assert.NotEmpty(Rows(false));
    }

    [Fact]
    public void CounterfactualIsExactlyIdentityOnMajorityRows()
    {
        foreach (int i in Rows(false))
            Assert.True(RowOf(Sample.CounterfactualFeatures, i).SequenceEqual(RowOf(Sample.Features, i)), $"row {i}");
    }

    [Fact]
    public void CounterfactualKeepsTheLatentAndIsIdempotent()
    {
        var m = Sample.Model;
        Span<double> fromX = stackalloc double[m.Dimension], fromG = stackalloc double[m.Dimension];
        Span<double> viaStructure = stackalloc double[m.Dimension], gg = stackalloc double[m.Dimension];
        for (int i = 0; i < Sample.Data.RowCount; i++)
        {
            bool minority = Sample.Data.Sensitive.Membership[i];
            var x = RowOf(Sample.Features, i);
            var g = RowOf(Sample.CounterfactualFeatures, i);
            m.Latent(x, minority, fromX);
            m.Latent(g, minority: false, fromG);
            Close(RowOf(Sample.Latent, i), fromX, 1e-12);   // U recovered from x is the U that was drawn
            Close(fromX, fromG,
                1e-12);                      // ... and the same U is recovered from g(x) in the majority world
            m.Features(fromX, minority: false, viaStructure);
            Close(viaStructure, g,
                1e-12);                   // the closed form mu_0 + (x - mu_1) / s_1 is the structural g
            m.Counterfactual(g, minority: false, gg);
            Assert.True(gg.SequenceEqual(g), $"g(g(x)) != g(x) at row {i}");
        }
    }

    [Fact]
    public void P0AtCounterfactualIsTheMajorityLabelModelRecomputedIndependently()
    {
        var w = Skewed.Weights!;
        for (int i = 0; i < Sample.Data.RowCount; i++)
        {
            var u = RowOf(Sample.Latent, i);
            double t = Skewed.MajorityIntercept;
            for (int j = 0; j < w.Length; j++) t += w[j] * u[j];
            double expected = 1 / (1 + Math.Exp(-t));
            Assert.Equal(expected, Sample.P0PositiveAtCounterfactual[i], 14);
            Assert.Equal(expected, Sample.Model.MajorityPositiveProbability(RowOf(Sample.CounterfactualFeatures, i)),
                12);
            Assert.Equal(expected >= 0.5 ? 1 : 0, Sample.CounterfactualLabel[i]);
            // Shared label noise and b_1 <= b_0: the majority-world outcome is never worse, and equal for the majority.
            Assert.True(Sample.CounterfactualOutcome[i] >= Sample.Data.Labels[i]);
            if (!Sample.Data.Sensitive.Membership[i]) Assert.Equal(Sample.Data.Labels[i],
                Sample.CounterfactualOutcome[i]);
        }
    }

    [Fact]
    public void EmpiricalRatesMatchTheModelWithinFourStandardErrors()
    {
        // 200,000 rows, fixed seed. Each check allows 4 binomial standard errors sqrt(p(1-p)/n): a correct generator
        // fails one with probability about 6e-5 per seed; a wrong intercept (0.1 on the logit scale) fails for sure.
        const int n = 200_000;
        var big = SyntheticGenerator.Generate(Skewed with { RowCount = n, Seed = 5 });
        var minority = big.Data.Sensitive.Membership;
        int nMinority = minority.Count(a => a);
        AssertWithinFourSe(Skewed.MinorityShare, (double)nMinority / n, n);
        foreach (bool group in new[] { false, true })
        {
            int rows = group ? nMinority : n - nMinority, positives = 0;
            for (int i = 0; i < n; i++) if (minority[i] == group && big.Data.Labels[i] == 1) positives++;
            AssertWithinFourSe(big.Model.ExpectedPositiveRate(group), (double)positives / rows, rows);
        }
        Assert.True(big.Model.ExpectedPositiveRate(true) < big.Model.ExpectedPositiveRate(false) - 0.1,
            "the bias gap lowers the minority's base rate");
    }

    private static void AssertWithinFourSe(double p, double observed, int rows)
    {
        double se = Math.Sqrt(p * (1 - p) / rows);
        Assert.True(Math.Abs(observed - p) <= 4 * se, $"observed {observed}, expected {p} +/- {4 * se}");
    }

    [Fact]
    public void ExpectedPositiveRateClosedForms()
    {
        // b = 0: sigmoid(|w| Z) is symmetric about 1/2. w = 0: the rate is sigmoid(b).
        var symmetric = SyntheticGenerator.BuildModel(new SyntheticOptions { MajorityIntercept = 0, WeightNorm = 3 });
        Assert.Equal(0.5, symmetric.ExpectedPositiveRate(false), 14);
        var flat = SyntheticGenerator.BuildModel(new SyntheticOptions
        {
            MajorityIntercept = 0.7, WeightNorm = 0,
            BiasGap = 2
        });
        Assert.Equal(1 / (1 + Math.Exp(-0.7)), flat.ExpectedPositiveRate(false), 14);
        Assert.Equal(1 / (1 + Math.Exp(1.3)), flat.ExpectedPositiveRate(true), 14);
    }

    [Fact]
    public void SameSeedSameSampleOtherSeedOtherSample()
    {
        var again = SyntheticGenerator.Generate(Skewed);
        Assert.Equal(Sample.Features, again.Features);
        Assert.Equal(Sample.Data.Labels, again.Data.Labels);
        Assert.Equal(Sample.Data.Sensitive.GroupOfRow, again.Data.Sensitive.GroupOfRow);
        var other = SyntheticGenerator.Generate(Skewed with { Seed = 12 });
        Assert.NotEqual(Sample.Features, other.Features);
        Assert.NotEqual(Sample.Data.Sensitive.GroupOfRow, other.Data.Sensitive.GroupOfRow);
        // Separate streams: a different d leaves group membership untouched.
        var wider = SyntheticGenerator.Generate(Skewed with { Dimension = 3, Weights = null });
        Assert.Equal(Sample.Data.Sensitive.GroupOfRow, wider.Data.Sensitive.GroupOfRow);
    }

    [Fact]
    public void DatasetShape()
    {
        var data = Sample.Data;
        Assert.Equal(["x0", "x1", "x2", "x3", "x4", "A"], data.Features.Select(f => f.Name));
        Assert.Equal(["minority"], data.Sensitive.MinorityGroups);
        Assert.Equal(["majority", "minority"], data.Sensitive.Groups);
        for (int i = 0; i < data.RowCount; i++)
        {
            Assert.Equal(data.Sensitive.Membership[i] ? 1.0 : 0.0, data.Features[5].Numbers![i]);
            Assert.Equal(Sample.Features[i * 5 + 2], data.Features[2].Numbers![i]);
        }
        var withoutA = SyntheticGenerator.Generate(Skewed with { SensitiveAsFeature = false });
        Assert.Equal(5, withoutA.Data.Features.Count);

        var cf = Sample.CounterfactualDataset();
        for (int i = 0; i < data.RowCount; i++)
        {
            Assert.Equal(0.0, cf.Features[5].Numbers![i]);
            Assert.Equal(Sample.CounterfactualFeatures[i * 5 + 4], cf.Features[4].Numbers![i]);
        }
        Assert.Equal(Sample.CounterfactualLabel, cf.Labels);
    }

    [Theory]
    [InlineData("Correlation")]
    [InlineData("MinorityShare")]
    [InlineData("Weights")]
    [InlineData("MinorityScale")]
    [InlineData("BiasGap")]
    [InlineData("Dimension")]
    public void BadOptionsAreUserErrors(string option)
    {
        var o = option switch
        {
            "Correlation" => new SyntheticOptions { Dimension = 3, Correlation = -0.6 },   // below -1/(d-1)
            "MinorityShare" => new SyntheticOptions { MinorityShare = 0 },
            "Weights" => new SyntheticOptions { Dimension = 3, Weights = [1, 2] },
            "MinorityScale" => new SyntheticOptions { MinorityScale = 0 },
            "BiasGap" => new SyntheticOptions { BiasGap = -1 },
            _ => new SyntheticOptions { Dimension = 0 },
        };
        Assert.Contains(option, Assert.Throws<UserInputException>(() => SyntheticGenerator.Generate(o)).Message);
    }

    [Fact]
    public void ToyPresetHasBothGroupsAndBothLabelsInTwoDimensions()
    {
        var toy = ToyData.Generate();
        Assert.Equal(ToyData.RowCount, toy.Data.RowCount);
        Assert.Equal(2, toy.Dimension);
        var a = toy.Data.Sensitive.Membership;
        var y = toy.Data.Labels;
        foreach (bool group in new[] { false, true })
            foreach (int label in new[] { 0, 1 })
                Assert.Contains(Enumerable.Range(0, y.Length), i => a[i] == group && y[i] == label);
        // Historical bias: the minority is labelled positive less often than the majority.
        double Rate(bool g) => Enumerable.Range(0, y.Length).Where(i => a[i] == g).Average(i => (double)y[i]);
        Assert.True(Rate(true) < Rate(false));
        // Some minority members with y = 0 have counterfactual label 1: the oracle has something to flip.
        Assert.Contains(Enumerable.Range(0, y.Length), i => a[i] && y[i] == 0 && toy.CounterfactualLabel[i] == 1);
    }
}
