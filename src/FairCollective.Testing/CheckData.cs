using FairCollective.Data;

namespace FairCollective.Testing;

/// <summary>
/// The small training set every check uses: 2-D features; rows 0-7 a known majority (labels 0,0,0,0,1,1,1,1), rows
/// 8-12 the pool (label 0), rows 13-15 training rows the collective does not know (other minority rows), and a
/// synthetic P0(y = 1 | g(x)) per row so a strategy that needs the causal model can score too.
/// </summary>
internal static class CheckData
{
    public const int Seed = 5;

    public static readonly double[] X =
    [
        0, 0, 1, 0, 0, 1, 1, 1, 2, 2, 3, 2, 2, 3, 3, 3,
        0.5, 0.2, 1.5, 1.8, 2.8, 2.9, 0.1, 1.0, 2.2, 0.4,
        9, 9, -4, 7, 5, -6,
    ];

    public static readonly int[] Y = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1];
    public static readonly int[] Pool = [8, 9, 10, 11, 12];
    public static readonly int[] Known = [0, 1, 2, 3, 4, 5, 6, 7];
    public static readonly int[] Hidden = [13, 14, 15];
    public static readonly double[] P0 = [0.1, 0.2, 0.2, 0.3, 0.7, 0.8, 0.8, 0.9, 0.3, 0.5, 0.9, 0.05, 0.6, 0.5, 0.5,
        0.5];

    public static DesignMatrix Matrix(double[] x) => new(Y.Length, 2, x);

    /// <summary>A larger, separable-with-noise training set for learners and defences: n rows, 2 features,
    /// seeded.</summary>
    public static (DesignMatrix X, int[] Y) Classification(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[2 * n];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = rng.NextDouble() * 4 - 2;
            x[2 * i + 1] = rng.NextDouble() * 4 - 2;
            y[i] = x[2 * i] + 0.5 * x[2 * i + 1] + (rng.NextDouble() - 0.5) > 0 ? 1 : 0;
        }
        return (new DesignMatrix(n, 2, x), y);
    }
}
