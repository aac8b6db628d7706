using FairCollective.Mitigation.Fare;

namespace FairCollective.Tests.Mitigation.Fare;

[Trait(TestKind.Name, TestKind.Unit)]
public class FareCertificateTests
{
    [Fact]
    public void ClopperPearsonMatchesClosedFormAtTheEdges()
    {
        // x = 0: upper = 1 - (err/2)^(1/N); x = N: lower = (err/2)^(1/N).
        var (lo0, hi0) = BinomialInterval.Compute(0, 10, 0.05, IntervalMethod.ClopperPearson);
        Assert.Equal(0, lo0);
        Assert.Equal(1 - Math.Pow(0.025, 0.1), hi0, 9);
        var (lo1, hi1) = BinomialInterval.Compute(10, 10, 0.05, IntervalMethod.ClopperPearson);
        Assert.Equal(Math.Pow(0.025, 0.1), lo1, 9);
        Assert.Equal(1, hi1);
        var (hl, hh) = BinomialInterval.Compute(50, 100, 0.05, IntervalMethod.Hoeffding);
        Assert.Equal(0.5 - Math.Sqrt(Math.Log(40) / 200), hl, 12);
        Assert.Equal(0.5 + Math.Sqrt(Math.Log(40) / 200), hh, 12);
        // Clopper-Pearson is tighter than Hoeffding in the middle.
        var (cl, ch) = BinomialInterval.Compute(50, 100, 0.05, IntervalMethod.ClopperPearson);
        Assert.True(cl > hl && ch < hh && cl < 0.5 && ch > 0.5);
    }

    [Fact]
    public void TotalVariationIsTheLargestDpGapOverAllLeafClassifiers()
    {
        for (int seed = 0; seed < 4; seed++)
        {
            var (x, y, s) = FareTestData.Population(1500, 4, 100 + seed);
            var tree = FareTreeBuilder.Fit(x, y, s, new FareOptions { FairnessWeight = 0.2, MaxLeaves = 8 });
            var sample = new LeafSample(tree.LeafIds(x), s);
            double tv = FareCertificate.EmpiricalTotalVariation(tree.LeafCount, sample);
            double max = 0;
            for (int mask = 0; mask < 1 << tree.LeafCount; mask++)
                max = Math.Max(max, DpGap(sample, leaf => (mask >> leaf & 1) == 1));
            Assert.Equal(max, tv, 12);
            Assert.True(tv > 0);
        }
    }

    [Fact]
    public void CertificateBoundsDownstreamClassifiersOnFreshData()
    {
        var (x, y, s) = FareTestData.Population(3000, 4, 7);
        var tree = FareTreeBuilder.Fit(x, y, s, new FareOptions
        {
            FairnessWeight = 0.7, MaxLeaves = 10,
            MinLeafSize = 50
        });
        LeafSample Draw(int seed, int n)
        {
            var (xs, _, ss) = FareTestData.Population(n, 4, seed);
            return new LeafSample(tree.LeafIds(xs), ss);
        }
        var result = FareCertificate.Compute(tree.LeafCount, Draw(8, 4000), Draw(9, 4000), Draw(10, 4000));
        var population = Draw(11, 200_000);
        double tv = FareCertificate.EmpiricalTotalVariation(tree.LeafCount, population);
        Assert.True(result.DemographicParityBound >= tv, $"bound {result.DemographicParityBound} < population TV {tv}");
        Assert.True(result.DemographicParityBound < 1);
        Assert.Equal(tree.LeafCount, result.CellBounds.Count);
        // Downstream classifiers: the tree's own majority-label rule and 50 random leaf labelings.
        var rng = new Random(5);
        Func<int, bool> majority = leaf => 2 * tree.Leaves[leaf].Positives > tree.Leaves[leaf].Count;
        Assert.True(DpGap(population, majority) <= result.DemographicParityBound);
        for (int r = 0; r < 50; r++)
        {
            var labels = Enumerable.Range(0, tree.LeafCount).Select(_ => rng.Next(2) == 1).ToArray();
            Assert.True(DpGap(population, leaf => labels[leaf]) <= tv + 1e-12);
        }
    }

    [Fact]
    public void HeldOutSplitIsDeterministicAndValid()
    {
        var (x, y, s) = FareTestData.Population(3000, 4, 41);
        var tree = FareTreeBuilder.Fit(x, y, s, new FareOptions { FairnessWeight = 0.8, MaxLeaves = 6 });
        var train = new LeafSample(tree.LeafIds(x), s);
        var (xh, _, sh) = FareTestData.Population(6000, 4, 42);
        var heldOut = new LeafSample(tree.LeafIds(xh), sh);
        var a = FareCertificate.Compute(tree.LeafCount, train, heldOut, seed: 3);
        var b = FareCertificate.Compute(tree.LeafCount, train, heldOut, seed: 3);
        Assert.Equal(a.DemographicParityBound, b.DemographicParityBound);
        var (xp, _, sp) = FareTestData.Population(200_000, 4, 43);
        double tv = FareCertificate.EmpiricalTotalVariation(tree.LeafCount, new LeafSample(tree.LeafIds(xp), sp));
        Assert.True(a.DemographicParityBound >= tv && a.DemographicParityBound < 1,
            $"{a.DemographicParityBound} vs {tv}");
        // The looser Hoeffding intervals give a looser certificate than Clopper-Pearson.
        var h = FareCertificate.Compute(tree.LeafCount, train, heldOut, 3,
            new FareCertificateOptions { Interval = IntervalMethod.Hoeffding });
        Assert.True(h.DemographicParityBound > a.DemographicParityBound);
    }

    [Fact]
    public void MoreLeavesGiveALooserCertificate()
    {
        var (x, y, s) = FareTestData.Population(4000, 4, 21);
        var bounds = new List<double>();
        foreach (int k in new[] { 2, 8, 32, 128 })
        {
            var tree = FareTreeBuilder.Fit(x, y, s, new FareOptions
            {
                FairnessWeight = 0.5, MaxLeaves = k,
                AllowWorseningSplits = true
            });
            LeafSample Draw(int seed)
            {
                var (xs, _, ss) = FareTestData.Population(3000, 4, seed);
                return new LeafSample(tree.LeafIds(xs), ss);
            }
            bounds.Add(FareCertificate.Compute(tree.LeafCount, Draw(31), Draw(32), Draw(33)).DemographicParityBound);
        }
        Assert.True(bounds[^1] > bounds[0], string.Join(", ", bounds));
        Assert.True(bounds[2] > bounds[0], string.Join(", ", bounds));
    }

    private static double DpGap(LeafSample sample, Func<int, bool> g)
    {
        double pos0 = 0, n0 = 0, pos1 = 0, n1 = 0;
        for (int i = 0; i < sample.Count; i++)
        {
            bool yes = g(sample.Leaves[i]);
            if (sample.Sensitive[i] == 0) { n0++; if (yes) pos0++; } else { n1++; if (yes) pos1++; }
        }
        return Math.Abs(pos0 / n0 - pos1 / n1);
    }
}
