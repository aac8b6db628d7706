using CsCheck;
using FairCollective.Data;
using FairCollective.Learning.Logistic;

namespace FairCollective.Tests.Learning;

/// <summary>
/// The logistic passes read one-hot blocks as byte codes (<see cref="ColumnUnits"/>): which columns form a block, and
/// that loss, gradient, Hessian and fits agree with reading every column densely.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class OneHotLayoutTests
{
    [Fact]
    public void DetectFindsOneHotBlocksAndLeavesTheRestDense()
    {
        // Columns: 0 numeric; 1-4 a one-hot block (row 3 has none of it: a dropped reference level); 5 a lone 0/1
        // column that clashes with column 6 (row 0 has both), 6-8 a second block; 9 numeric (it holds a 2).
        double[][] rows =
        [
            [0.5, 1, 0, 0, 0, 1, 1, 0, 0, 2],
            [1.5, 0, 1, 0, 0, 0, 0, 1, 0, 1],
            [2.5, 0, 0, 1, 0, 1, 0, 0, 1, 0],
            [3.5, 0, 0, 0, 0, 0, 1, 0, 0, 1],
            [4.5, 0, 0, 0, 1, 0, 0, 0, 1, 0],
        ];
        int cols = rows[0].Length;
        var data = rows.SelectMany(r => r).ToArray();

        var units = ColumnUnits.Detect(data, rows.Length, cols, minGroupWidth: 3);

        Assert.Equal(
            [new ColumnUnit(false, 0, 0, 1), new ColumnUnit(true, 0, 1, 4), new ColumnUnit(false, 1, 5, 1),
             new ColumnUnit(true, 1, 6, 3), new ColumnUnit(false, 2, 9, 1)],
            units.Units);
        Assert.Equal([0, 5, 9], units.DenseColumns);
        Assert.Equal([1, 6], units.GroupFirstColumn);
        Assert.Equal([4, 3], units.GroupWidth);
        // A wider minimum keeps the 3-wide block dense; 0 keeps everything dense.
        Assert.Equal(1, ColumnUnits.Detect(data, rows.Length, cols, minGroupWidth: 4).GroupCount);
        Assert.Equal(0, ColumnUnits.Detect(data, rows.Length, cols, minGroupWidth: 0).GroupCount);
    }

    /// <summary>Random designs: numeric columns and one-hot blocks (some rows in none of a block), several
    /// chunks.</summary>
    private static readonly Gen<(int N, int[] Widths, double[] X, int[] Y, double[] W, double[] P)> Designs =
        from n in Gen.Int[2, 90]
        from widths in Gen.Int[1, 7].Array[1, 5]
        from seed in Gen.Int
        select Build(n, widths, seed);

    private static (int N, int[] Widths, double[] X, int[] Y, double[] W, double[] P) Build(int n, int[] widths,
        int seed)
    {
        // Width 1 stands for a numeric column; wider for a one-hot block of that width.
        var random = new Random(seed);
        int d = widths.Sum();
        var x = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            int column = 0;
            foreach (int width in widths)
            {
                if (width == 1) x[i * d + column] = random.NextDouble() * 6 - 3;
                else
                {
                    int hot = random.Next(width + 1); // width: none of the block
                    if (hot < width) x[i * d + column + hot] = 1;
                }
                column += width;
            }
        }
        var y = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => 0.1 + random.NextDouble() * 3).ToArray();
        var p = Enumerable.Range(0, d + 1).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        return (n, widths, x, y, w, p);
    }

    [Fact]
    public void PassesOverCodesAgreeWithDensePasses()
    {
        Designs.Sample(t =>
        {
            int d = t.Widths.Sum(), k = d + 1;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
            var coded = new LogisticObjective(t.X, t.N, d, t.Y, t.W, 0.7, 16, 2, parallel);
            var dense = new LogisticObjective(t.X.ToArray(), t.N, d, t.Y, t.W, 0.7, 16, 0, parallel);
            // Every generated block is a run of exclusive 0/1 columns (neighbouring blocks may join it when no row
            // clashes).
            if (t.Widths.Any(w => w >= 2)) Assert.True(coded.GroupCount >= 1);
            Assert.Equal(0, dense.GroupCount);
            var (gc, gd) = (new double[k], new double[k]);
            double fc = coded.Evaluate(t.P, gc), fd = dense.Evaluate(t.P, gd);
            // The margins add the same terms in the same order, so the loss is the same to the last bit.
            Assert.Equal(fd, fc);
            for (int j = 0; j < k; j++) Assert.True(Math.Abs(gc[j] - gd[j]) <= 1e-12 * (1 + Math.Abs(gd[j])),
                $"gradient {j}: {gc[j]} vs {gd[j]}");
            var (hc, hd) = (new double[k * k], new double[k * k]);
            coded.Hessian(t.P, hc);
            dense.Hessian(t.P, hd);
            for (int j = 0; j < k * k; j++) Assert.True(Math.Abs(hc[j] - hd[j]) <= 1e-12 * (1 + Math.Abs(hd[j])),
                $"Hessian {j / k},{j % k}: {hc[j]} vs {hd[j]}");
        }, iter: 300);
    }

    /// <summary>
    /// The Hessian against its definition, Σᵢ sᵢ·pᵢ(1 − pᵢ)·x̃ᵢx̃ᵢᵀ + I/C on the coefficients (x̃ = [x, 1]), summed row
    /// by row: designs wide enough for the four-by-four dense blocks and their leftover columns, row counts that leave
    /// a tail after the 8-wide vectors, one chunk or several, with and without one-hot codes.
    /// </summary>
    [Fact]
    public void TheHessianIsItsDefinition()
    {
        var wide = from n in Gen.Int[1, 70]
                   from widths in Gen.Int[1, 5].Array[1, 12]
                   from seed in Gen.Int
                   from chunkRows in Gen.OneOf(Gen.Const(16), Gen.Const(4096))
                   from minWidth in Gen.OneOf(Gen.Const(0), Gen.Const(2))
                   select (Design: Build(n, widths, seed), chunkRows, minWidth);
        wide.Sample(c =>
        {
            var t = c.Design;
            int d = t.Widths.Sum(), k = d + 1;
            const double C = 0.7;
            var objective = new LogisticObjective(t.X.ToArray(), t.N, d, t.Y, t.W, C, c.chunkRows, c.minWidth,
                new ParallelOptions { MaxDegreeOfParallelism = 1 });
            var h = new double[k * k];
            objective.Hessian(t.P, h);
            var expected = new double[k * k];
            for (int i = 0; i < t.N; i++)
            {
                double z = t.P[d];
                for (int j = 0; j < d; j++) z += t.X[i * d + j] * t.P[j];
                double p = 1 / (1 + Math.Exp(-z)), curvature = t.W[i] * p * (1 - p);
                for (int a = 0; a < k; a++)
                    for (int b = 0; b < k; b++)
                        expected[a * k + b] += curvature * (a < d ? t.X[i * d + a] : 1) * (b < d ? t.X[i * d + b] : 1);
            }
            for (int j = 0; j < d; j++) expected[j * k + j] += 1 / C;
            for (int j = 0; j < k * k; j++)
                Assert.True(Math.Abs(h[j] - expected[j]) <= 1e-12 * (1 + Math.Abs(expected[j])),
                    $"d {d}, n {t.N}: Hessian {j / k},{j % k}: {h[j]:R} vs {expected[j]:R}");
        }, iter: 300);
    }

    [Fact]
    public void FitsOverCodesReachTheDenseFitsOptimum()
    {
        Designs.Where(t => t.Y.Contains(0) && t.Y.Contains(1)).Sample(t =>
        {
            int d = t.Widths.Sum();
            var options = new LogisticRegressionOptions { C = 0.7, ChunkRows = 16, OneHotGroupMinWidth = 2 };
            var coded = new LogisticRegressionTrainer(options).FitModel(new DesignMatrix(t.N, d, t.X), t.Y, t.W);
            var dense = new LogisticRegressionTrainer(options with { OneHotGroupMinWidth = 0 }).FitModel(new
                DesignMatrix(t.N, d, t.X.ToArray()), t.Y, t.W);
            Assert.True(Math.Abs(coded.Objective - dense.Objective) <= 1e-12 * Math.Abs(dense.Objective),
                $"{coded.Objective:R} vs {dense.Objective:R}");
        }, iter: 100);
    }

    [Fact]
    public void NegativeMinimumWidthIsRefused()
    {
        var error = Assert.Throws<FairCollective.Common.UserInputException>(() =>
            new LogisticRegressionTrainer(new LogisticRegressionOptions { OneHotGroupMinWidth = -1 }));
        Assert.Contains("OneHotGroupMinWidth", error.Message);
    }
}
