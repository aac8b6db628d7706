namespace FairCollective.Learning.Logistic;

/// <summary>
/// The Cholesky factor L (H = L Lᵀ) of a logistic objective's Hessian at a fitted model, kept with the model so that
/// refits on the same rows can take chord steps with it. The Hessian X diag(sᵢpᵢ(1−pᵢ)) X + I/C does not involve the
/// labels, so after a few relabelled rows it barely moves: from the warm start, steps −H₀⁻¹∇f converge linearly at a
/// fast rate for the price of one gradient pass each, where L-BFGS takes dozens and a fresh Hessian costs (d+1)/2
/// gradient passes. Immutable; plain arrays so concurrent refits can share it.
/// </summary>
internal sealed class CurvatureFactor
{
    private readonly double[] _lower; // row-major k x k, lower triangle used

    private CurvatureFactor(double[] lower, int dimension) => (_lower, Dimension) = (lower, dimension);

    /// <summary>k = d + 1, the parameters' count.</summary>
    public int Dimension { get; }

    /// <summary>The factor of a MathNet Cholesky decomposition of the Hessian.</summary>
    public static CurvatureFactor Of(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky)
    {
        var l = cholesky.Factor;
        int k = l.RowCount;
        var lower = new double[k * k];
        for (int r = 0; r < k; r++)
            for (int c = 0; c <= r; c++) lower[r * k + c] = l[r, c];
        return new CurvatureFactor(lower, k);
    }

    /// <summary>x = H⁻¹ g by forward and back substitution.</summary>
    public void Solve(ReadOnlySpan<double> g, Span<double> x)
    {
        int k = Dimension;
        for (int r = 0; r < k; r++)
        {
            double s = g[r];
            for (int c = 0; c < r; c++) s -= _lower[r * k + c] * x[c];
            x[r] = s / _lower[r * k + r];
        }
        for (int r = k - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int c = r + 1; c < k; c++) s -= _lower[c * k + r] * x[c];
            x[r] = s / _lower[r * k + r];
        }
    }
}
