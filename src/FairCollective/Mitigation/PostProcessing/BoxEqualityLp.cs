namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// Exact solver for a tiny linear program: minimise c·x subject to A x = b and 0 ≤ x ≤ 1. Written by hand because
/// our package set has no well-kept .NET LP library and the problems here are tiny (4 variables, 2 equalities):
/// every vertex of the feasible polytope is a basic solution in which each variable sits at 0, at 1, or is free, the
/// free columns are linearly independent and solve A x = b. Enumerating all 3^n assignments, solving each small
/// system by Gaussian elimination with partial pivoting, and keeping the best feasible one gives the optimum in
/// plain double arithmetic (no simplex tolerances, no cycling). A bounded, feasible LP attains its optimum at a vertex.
/// </summary>
internal static class BoxEqualityLp
{
    /// <summary>Pivot and residual tolerance: entries here are rates in [0,1], so anything smaller is
    /// round-off.</summary>
    internal const double Tolerance = 1e-12;

    /// <summary>Variables enumerated by brute force; 3^n assignments must stay small.</summary>
    private const int MaxVariables = 8;

    /// <summary>
    /// The optimal vertex and its objective, or null when no vertex is feasible. Among vertices whose objectives lie
    /// within <see cref="Tolerance"/> of each other the first in enumeration order wins (assignment digits 0 = at 0,
    /// 1 = at 1, 2 = free, variable 0 the least significant digit), so the answer is deterministic.
    /// </summary>
    public static (double[] X, double Objective)? Solve(double[] c, double[,] a, double[] b)
    {
        int n = c.Length, m = b.Length;
        if (n > MaxVariables || a.GetLength(0) != m || a.GetLength(1) != n)
            throw new ArgumentException("BoxEqualityLp: inconsistent or too large problem.");

        double[]? best = null;
        double bestObjective = double.PositiveInfinity;
        var state = new int[n];
        var x = new double[n];
        int total = 1;
        for (int j = 0; j < n; j++) total *= 3;
        for (int code = 0; code < total; code++)
        {
            for (int j = 0, r = code; j < n; j++, r /= 3) state[j] = r % 3;
            if (!TrySolveVertex(a, b, state, x)) continue;
            double objective = 0;
            for (int j = 0; j < n; j++) objective += c[j] * x[j];
            if (best is null || objective < bestObjective - Tolerance)
            {
                best = (double[])x.Clone();
                bestObjective = objective;
            }
        }
        return best is null ? null : (best, bestObjective);
    }

    /// <summary>Fixes the bound variables, solves for the free ones; false when not a feasible vertex.</summary>
    private static bool TrySolveVertex(double[,] a, double[] b, int[] state, double[] x)
    {
        int n = state.Length, m = b.Length;
        var free = new List<int>(m);
        for (int j = 0; j < n; j++)
        {
            if (state[j] == 2) free.Add(j);
            else x[j] = state[j];
        }
        int k = free.Count;
        if (k > m) return false;

        // Augmented system [A_free | b − A_fixed x_fixed].
        var aug = new double[m, k + 1];
        for (int i = 0; i < m; i++)
        {
            double rhs = b[i];
            for (int j = 0; j < n; j++) if (state[j] != 2) rhs -= a[i, j] * x[j];
            for (int f = 0; f < k; f++) aug[i, f] = a[i, free[f]];
            aug[i, k] = rhs;
        }
        for (int col = 0; col < k; col++)
        {
            int pivot = col;
            for (int i = col + 1; i < m; i++) if (Math.Abs(aug[i, col]) > Math.Abs(aug[pivot, col])) pivot = i;
            if (Math.Abs(aug[pivot, col]) <= Tolerance) return false; // dependent free columns: not a vertex
            if (pivot != col) for (int j = 0; j <= k; j++) (aug[col, j], aug[pivot, j]) = (aug[pivot, j], aug[col, j]);
            for (int i = 0; i < m; i++)
            {
                if (i == col || aug[i, col] == 0) continue;
                double factor = aug[i, col] / aug[col, col];
                for (int j = col; j <= k; j++) aug[i, j] -= factor * aug[col, j];
            }
        }
        for (int i = k; i < m; i++) if (Math.Abs(aug[i, k]) > Tolerance) return false; // inconsistent
        for (int f = 0; f < k; f++)
        {
            double v = aug[f, k] / aug[f, f];
            if (v < -Tolerance || v > 1 + Tolerance) return false;
            x[free[f]] = Math.Clamp(v, 0.0, 1.0);
        }
        return true;
    }
}
