using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Mitigation.Steering;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Tests.Mitigation.Steering;

internal static class SteeringTestData
{
    /// <summary>Rows drawn from (class, group) Gaussians with random means and (optionally correlated)
    /// covariances.</summary>
    public static (DesignMatrix X, int[] Y, int[] Group) Sample(int n, int d, bool correlated, int seed)
    {
        var rng = Seeds.Create(seed, "steering-test-data");
        var means = new Vector<double>[2, 2];
        var chol = new Matrix<double>[2, 2];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++)
            {
                means[i, a] = Vector<double>.Build.Dense(d, _ => rng.NextDouble() * 2 + 1.5 * i - 0.8 * a * i);
                var l = Matrix<double>.Build.Dense(d, d);
                for (int j = 0; j < d; j++)
                {
                    l[j, j] = 0.5 + rng.NextDouble() * (1 + a);
                    if (correlated) for (int k = 0; k < j; k++) l[j, k] = rng.NextDouble() - 0.5;
                }
                chol[i, a] = l;
            }
        var rows = new double[n][];
        var y = new int[n];
        var g = new int[n];
        for (int r = 0; r < n; r++)
        {
            g[r] = rng.NextDouble() < 0.3 ? 1 : 0;
            y[r] = rng.NextDouble() < (g[r] == 1 ? 0.3 : 0.55) ? 1 : 0;
            var z = Vector<double>.Build.Dense(d, _ => Normal.Sample(rng, 0, 1));
            rows[r] = (means[y[r], g[r]] + chol[y[r], g[r]] * z).ToArray();
        }
        return (DesignMatrix.FromRows(rows), y, g);
    }

    /// <summary>ln(p1 N(x; cell1)) - ln(p0 N(x; cell0)) in one group of a model.</summary>
    public static double LogOdds(GroupGaussianModel model, int group, Vector<double> x) =>
        LogDensity(model[1, group], x) + Math.Log(model[1, group].Prior) - LogDensity(model[0, group],
            x) - Math.Log(model[0, group].Prior);

    private static double LogDensity(GaussianCell cell, Vector<double> x)
    {
        var chol = cell.Covariance.Cholesky();
        var diff = x - cell.Mean;
        return -0.5 * (diff.DotProduct(chol.Solve(diff)) + chol.DeterminantLn + x.Count * Math.Log(2 * Math.PI));
    }
}
