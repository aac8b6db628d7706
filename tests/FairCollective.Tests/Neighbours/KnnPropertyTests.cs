using CsCheck;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Neighbours;

namespace FairCollective.Tests.Neighbours;

[Trait(TestKind.Name, TestKind.Unit)]
public class KnnPropertyTests
{
    public enum DataKind { Gaussian, IntegerGrid, Duplicates, ShiftedScaled }

    /// <summary>Reference and query matrices of one kind; queries partly copy reference rows (distance exactly
    /// 0).</summary>
    internal static (DesignMatrix Reference, DesignMatrix Queries) MakeData(DataKind kind, int n, int nq, int d,
        int seed)
    {
        var rng = Seeds.Create(seed, "knn-test-data");
        var pool = new double[Math.Max(1, n / 5)][];
        for (int i = 0; i < pool.Length; i++) pool[i] = Enumerable.Range(0, d).Select(_
            => (double)rng.Next(3)).ToArray();
        double[] Draw() => kind switch
        {
            DataKind.IntegerGrid => Enumerable.Range(0, d).Select(_ => (double)rng.Next(3)).ToArray(),
            DataKind.Duplicates => (double[])pool[rng.Next(pool.Length)].Clone(),
            DataKind.ShiftedScaled => Enumerable.Range(0, d).Select(j => 1e4 * (j + 1) + Gaussian(rng) * Math.Pow(10,
                j % 4)).ToArray(),
            _ => Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray(),
        };
        var refRows = Enumerable.Range(0, n).Select(_ => Draw()).ToArray();
        var queryRows = Enumerable.Range(0, nq).Select(i
            => i % 3 == 0 ? (double[])refRows[rng.Next(n)].Clone() : Draw()).ToArray();
        return (DesignMatrix.FromRows(refRows), DesignMatrix.FromRows(queryRows));
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static readonly Gen<(DataKind Kind, int N, int Nq, int D, int K, int Seed, int Leaf)> Cases =
        Gen.Select(Gen.Enum<DataKind>(), Gen.Int[1, 400], Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[1, 60], Gen.Int,
            Gen.Int[1, 40])
            .Select(t => (t.Item1, t.Item2, t.Item3, t.Item4, Math.Min(t.Item5, t.Item2), t.Item6, t.Item7));

    [Theory]
    [InlineData(KnnAlgorithm.BruteForce)]
    [InlineData(KnnAlgorithm.KdTree)]
    public void EqualsNaiveDefinition(KnnAlgorithm algorithm)
    {
        Cases.Sample(c =>
        {
            var (reference, queries) = MakeData(c.Kind, c.N, c.Nq, c.D, c.Seed);
            var options = new KnnOptions
            {
                Algorithm = algorithm, LeafSize = c.Leaf,
                QueryBlockSize = 8 + (c.Seed & 63)
            };
            var knn = new ExactKnn(reference, options);
            Assert.Equal(algorithm, knn.Algorithm);
            var result = knn.Query(queries, c.K);
            var (indices, distances) = NaiveKnn.Query(reference, queries, c.K);
            Assert.Equal(indices, result.Indices);
            Assert.Equal(distances, result.Distances);
        }, iter: 150);
    }

    [Theory]
    [InlineData(KnnAlgorithm.BruteForce, DataKind.Gaussian)]
    [InlineData(KnnAlgorithm.BruteForce, DataKind.IntegerGrid)]
    [InlineData(KnnAlgorithm.KdTree, DataKind.Duplicates)]
    [InlineData(KnnAlgorithm.KdTree, DataKind.Gaussian)]
    public void LargerSetsEqualNaiveAndDoNotDependOnThreadCount(KnnAlgorithm algorithm, DataKind kind)
    {
        var (reference, queries) = MakeData(kind, 6000, 120, 12, 7);
        var serial = new ExactKnn(reference, new KnnOptions
        {
            Algorithm = algorithm,
            MaxDegreeOfParallelism = 1
        }).Query(queries, 15);
        var parallel = new ExactKnn(reference, new KnnOptions
        {
            Algorithm = algorithm,
            QueryBlockSize = 16
        }).Query(queries, 15);
        var (indices, distances) = NaiveKnn.Query(reference, queries, 15);
        Assert.Equal(indices, serial.Indices);
        Assert.Equal(distances, serial.Distances);
        Assert.Equal(serial.Indices, parallel.Indices);
        Assert.Equal(serial.Distances, parallel.Distances);
    }

    [Fact]
    public void SquaredDistanceIsTheDirectSumAndExactOnIntegers()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Int).Sample((d, seed) =>
        {
            var rng = Seeds.Create(seed, "knn-distance");
            var a = Enumerable.Range(0, d).Select(_ => (double)rng.Next(-50, 50)).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => (double)rng.Next(-50, 50)).ToArray();
            Assert.Equal(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum(), SquaredDistance.Compute(a, b));
            Assert.Equal(0.0, SquaredDistance.Compute(a, a));
        });
    }

    [Fact]
    public void SubsetSearchReturnsOriginalRowNumbers()
    {
        var (reference, queries) = MakeData(DataKind.IntegerGrid, 300, 30, 5, 3);
        int[] rows = Enumerable.Range(0, 300).Where(i => i % 3 != 1).Reverse().ToArray();
        var result = ExactKnn.Build(reference, rows).Query(queries, 7);
        var sorted = rows.Order().ToArray();
        var (indices, distances) = NaiveKnn.Query(reference.SelectRows(sorted), queries, 7);
        Assert.Equal(indices.Select(i => sorted[i]), result.Indices);
        Assert.Equal(distances, result.Distances);
    }

    [Fact]
    public void UserMistakesAreReportedAsUserInputErrors()
    {
        var (reference, queries) = MakeData(DataKind.Gaussian, 10, 3, 4, 1);
        var knn = new ExactKnn(reference);
        Assert.Contains("exceeds", Assert.Throws<UserInputException>(() => knn.Query(queries, 11)).Message);
        Assert.Contains("at least 1", Assert.Throws<UserInputException>(() => knn.Query(queries, 0)).Message);
        var wide = MakeData(DataKind.Gaussian, 10, 3, 5, 1).Queries;
        Assert.Contains("columns", Assert.Throws<UserInputException>(() => knn.Query(wide, 2)).Message);
        Assert.Contains("empty", Assert.Throws<UserInputException>(() => new ExactKnn(new DesignMatrix(0, 4,
            []))).Message);
        Assert.Contains("twice", Assert.Throws<UserInputException>(() => ExactKnn.Build(reference, [1, 1])).Message);
        var bad = new DesignMatrix(1, 4, [0, double.NaN, 0, 0]);
        Assert.Contains("NaN", Assert.Throws<UserInputException>(() => knn.Query(bad, 1)).Message);
        Assert.Contains("LeafSize", Assert.Throws<UserInputException>(() => new ExactKnn(reference,
            new KnnOptions { LeafSize = 0 })).Message);
    }

    [Fact]
    public void AutoUsesTheTreeForLowDimensionAndBruteForceAbove()
    {
        Assert.Equal(KnnAlgorithm.KdTree, new ExactKnn(MakeData(DataKind.Gaussian, 50, 1,
            KnnOptions.DefaultKdTreeMaxDimension, 1).Reference).Algorithm);
        Assert.Equal(KnnAlgorithm.BruteForce, new ExactKnn(MakeData(DataKind.Gaussian, 50, 1,
            KnnOptions.DefaultKdTreeMaxDimension + 1, 1).Reference).Algorithm);
    }
}
