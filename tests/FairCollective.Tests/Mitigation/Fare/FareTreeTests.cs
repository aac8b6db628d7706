using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Mitigation.Fare;

namespace FairCollective.Tests.Mitigation.Fare;

[Trait(TestKind.Name, TestKind.Unit)]
public class FareTreeTests
{
    // Eight rows: x0 <= 4.5 separates y perfectly (but s follows y 3:1); x0 <= 6.5, x1 <= 2.5 and x1 <= 4.5 keep s
    // exactly balanced in both children.
    //   row  y s x0 x1
    private static readonly int[] Y = [0, 0, 0, 0, 1, 1, 1, 1];
    private static readonly int[] S = [0, 0, 0, 1, 1, 1, 1, 0];
    private static readonly double[] X0 = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly double[] X1 = [1, 5, 7, 2, 3, 6, 8, 4];

    private static DesignMatrix Tiny() => DesignMatrix.FromRows(Enumerable.Range(0, 8).Select(i => new[] { X0[i],
        X1[i] }).ToArray());

    [Fact]
    public void CriterionMatchesHandValues()
    {
        // Gini of 1 in 4 = 2 * 1/4 * 3/4 = 0.375.
        Assert.Equal(0.375, FairGiniCriterion.Gini(1, 4), 15);
        // Root: y 4/8, s 4/8 -> (1-a) 0.5 + a (0.5 - 0.5).
        Assert.Equal(0.25, FairGiniCriterion.Node(8, 4, 4, 0.5), 15);
        // x0 <= 4.5: children y-pure, s 1/4 and 3/4 -> 0.5 * (0.5 - 0.375) = 0.0625.
        Assert.Equal(0.0625, FairGiniCriterion.Split(4, 0, 1, 4, 4, 3, 0.5), 15);
        // x1 <= 2.5: left {y0 s0, y0 s1} = 0; right 6 rows y 4/6 s 3/6 = 0.5 * 4/9; weighted 6/8 -> 1/6.
        Assert.Equal(1.0 / 6, FairGiniCriterion.Split(2, 0, 1, 6, 4, 3, 0.5), 15);
    }

    [Fact]
    public void HandCheckableFirstSplits()
    {
        var x = Tiny();
        var half = FareTreeBuilder.Fit(x, Y, S, new FareOptions { FairnessWeight = 0.5, MaxLeaves = 2 });
        Assert.Equal((0, 4.5), half.Splits[0]);
        Assert.Equal([new LeafStatistics(4, 0, 1), new LeafStatistics(4, 4, 3)], half.Leaves);

        var plain = FareTreeBuilder.Fit(x, Y, S, new FareOptions { FairnessWeight = 0, MaxLeaves = 2 });
        Assert.Equal((0, 4.5), plain.Splits[0]);

        // alpha = 1: only s matters; every s-balanced split scores 0, ties go to the lowest feature, then threshold.
        var fair = FareTreeBuilder.Fit(x, Y, S, new FareOptions { FairnessWeight = 1, MaxLeaves = 2 });
        Assert.Equal((0, 6.5), fair.Splits[0]);
        Assert.Equal(0, FairGiniCriterion.Split(6, 2, 3, 2, 2, 1, 1), 15);
        foreach (var leaf in fair.Leaves) Assert.Equal(leaf.Count, 2 * leaf.Sensitive);
    }

    [Fact]
    public void AlphaZeroFirstSplitEqualsBruteForceGiniTree()
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var (x, y, s) = FareTestData.Population(300, 4, seed);
            var tree = FareTreeBuilder.Fit(x, y, s, new FareOptions { FairnessWeight = 0, MaxLeaves = 2 });
            var (feature, threshold) = BruteForceGiniSplit(x, y);
            Assert.Equal(feature, tree.Splits[0].Feature);
            Assert.Equal(threshold, tree.Splits[0].Threshold, 12);
        }
    }

    [Fact]
    public void AlphaOneSplitsKeepGroupsAsMixedAsPossible()
    {
        var (x, y, s) = FareTestData.Population(400, 3, 11);
        var fair = FareTreeBuilder.Fit(x, y, s, new FareOptions
        {
            FairnessWeight = 1, MaxLeaves = 2,
            AllowWorseningSplits = true
        });
        var plain = FareTreeBuilder.Fit(x, y, s, new FareOptions { FairnessWeight = 0, MaxLeaves = 2 });
        double SpreadOfS(FareTree t)
            => Math.Abs((double)t.Leaves[0].Sensitive / t.Leaves[0].Count - (double)t.Leaves[1].Sensitive /
            t.Leaves[1].Count);
        Assert.True(SpreadOfS(fair) < SpreadOfS(plain));
        // The chosen split minimises the s term over every admissible split (brute force).
        double best = double.PositiveInfinity;
        for (int j = 0; j < x.Cols; j++)
            foreach (double t in Thresholds(x, j))
            {
                var (nL, sL, nR, sR) = (0, 0, 0, 0);
                for (int i = 0; i < x.Rows; i++)
                    if (x[i, j] <= t) { nL++; sL += s[i]; } else { nR++; sR += s[i]; }
                best = Math.Min(best, FairGiniCriterion.Split(nL, 0, sL, nR, 0, sR, 1));
            }
        var l = fair.Leaves;
        Assert.Equal(best, FairGiniCriterion.Split(l[0].Count, 0, l[0].Sensitive, l[1].Count, 0, l[1].Sensitive, 1),
            12);
    }

    [Fact]
    public void GrowsToKLeavesRespectsMinLeafSizeAndIsDeterministic()
    {
        var (x, y, s) = FareTestData.Population(2000, 5, 3);
        var options = new FareOptions { FairnessWeight = 0.3, MaxLeaves = 20, MinLeafSize = 25 };
        var a = FareTreeBuilder.Fit(x, y, s, options);
        var b = FareTreeBuilder.Fit(x, y, s, options);
        Assert.Equal(20, a.LeafCount);
        Assert.All(a.Leaves, leaf => Assert.True(leaf.Count >= 25));
        Assert.Equal(2000, a.Leaves.Sum(leaf => leaf.Count));
        Assert.Equal(a.Splits, b.Splits);
        Assert.Equal(a.LeafIds(x), b.LeafIds(x));
        // Training counts agree with re-encoding the training rows.
        var ids = a.LeafIds(x);
        for (int k = 0; k < a.LeafCount; k++) Assert.Equal(a.Leaves[k].Count, ids.Count(id => id == k));
    }

    [Fact]
    public void EncodingsAreOneHotOrIndex()
    {
        var (x, y, s) = FareTestData.Population(500, 3, 5);
        var tree = FareTreeBuilder.Fit(x, y, s, new FareOptions { MaxLeaves = 6 });
        var oneHot = tree.Encode(x);
        var ids = tree.LeafIds(x);
        Assert.Equal(tree.LeafCount, oneHot.Cols);
        for (int i = 0; i < x.Rows; i++)
            for (int k = 0; k < oneHot.Cols; k++) Assert.Equal(k == ids[i] ? 1.0 : 0.0, oneHot[i, k]);
        var index = FareTreeBuilder.Fit(x, y, s, new FareOptions
        {
            MaxLeaves = 6,
            Encoding = FareEncoding.LeafIndex
        }).Encode(x);
        Assert.Equal(ids.Select(v => (double)v), Enumerable.Range(0, x.Rows).Select(i => index[i, 0]));
    }

    [Fact]
    public void UserMistakesAreReported()
    {
        var x = Tiny();
        Assert.Throws<UserInputException>(() => FareTreeBuilder.Fit(x, [0, 1], S));
        Assert.Throws<UserInputException>(() => FareTreeBuilder.Fit(x, Y.Select(v => v * 2).ToArray(), S));
        Assert.Throws<UserInputException>(() => FareTreeBuilder.Fit(x, Y, S, new FareOptions { FairnessWeight = 1.5 }));
        var tree = FareTreeBuilder.Fit(x, Y, S);
        Assert.Throws<UserInputException>(() => tree.Encode(DesignMatrix.FromRows([new double[] { 1 }])));
    }

    private static IEnumerable<double> Thresholds(DesignMatrix x, int j)
    {
        var v = Enumerable.Range(0, x.Rows).Select(i => x[i, j]).Distinct().Order().ToArray();
        for (int p = 1; p < v.Length; p++) yield return v[p - 1] + (v[p] - v[p - 1]) / 2;
    }

    /// <summary>Independent O(n^2 d) reference: the (feature, threshold) with the smallest weighted Gini of
    /// y.</summary>
    private static (int Feature, double Threshold) BruteForceGiniSplit(DesignMatrix x, int[] y)
    {
        (int, double) best = (-1, 0);
        double bestValue = double.PositiveInfinity;
        for (int j = 0; j < x.Cols; j++)
            foreach (double t in Thresholds(x, j))
            {
                double nL = 0, yL = 0, nR = 0, yR = 0;
                for (int i = 0; i < x.Rows; i++)
                    if (x[i, j] <= t) { nL++; yL += y[i]; } else { nR++; yR += y[i]; }
                double value = (nL * 2 * (yL / nL) * (1 - yL / nL) + nR * 2 * (yR / nR) * (1 - yR / nR)) / (nL + nR);
                if (value < bestValue - 1e-15) { bestValue = value; best = (j, t); }
            }
        return best;
    }
}
