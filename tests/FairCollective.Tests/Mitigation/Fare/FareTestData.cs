using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Tests.Mitigation.Fare;

/// <summary>A seeded population where s shifts the features and y depends on the features (so s leaks into
/// cells).</summary>
internal static class FareTestData
{
    public static (DesignMatrix X, int[] Y, int[] S) Population(int n, int d, int seed)
    {
        var rng = Seeds.Create(seed, "fare-test-population");
        var rows = new double[n][];
        var y = new int[n];
        var s = new int[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = rng.NextDouble() < 0.35 ? 1 : 0;
            rows[i] = new double[d];
            double score = 0;
            for (int j = 0; j < d; j++)
            {
                double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                rows[i][j] = Math.Round(g + (j % 2 == 0 ? 0.8 * s[i] : 0), 2);
                score += rows[i][j] * (j + 1) / d;
            }
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-score)) ? 1 : 0;
        }
        return (DesignMatrix.FromRows(rows), y, s);
    }
}
