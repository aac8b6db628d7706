using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>Gaussian KL divergence, symmetric matrix powers and the Gaussian optimal-transport map.</summary>
public static class GaussianMath
{
    /// <summary>KL(N(m1, S1) || N(m0, S0)) = 1/2 [tr(S0^-1 S1) + (m0-m1)' S0^-1 (m0-m1) - d + ln det S0 - ln det
    /// S1].</summary>
    public static double Kl(Vector<double> m1, Matrix<double> s1, Vector<double> m0, Matrix<double> s0)
    {
        var chol0 = s0.Cholesky();
        var diff = m0 - m1;
        double trace = chol0.Solve(s1).Trace();
        double maha = diff.DotProduct(chol0.Solve(diff));
        return 0.5 * (trace + maha - m1.Count + chol0.DeterminantLn - s1.Cholesky().DeterminantLn);
    }

    /// <summary>S^p for a symmetric positive-definite S via the symmetric eigendecomposition (p = 1/2, -1/2,
    /// ...).</summary>
    public static Matrix<double> SymmetricPower(Matrix<double> s, double p)
    {
        var evd = s.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Map(z => Math.Pow(Math.Max(z.Real, 0), p));
        var v = evd.EigenVectors;
        var result = v * Matrix<double>.Build.DenseOfDiagonalVector(values) * v.Transpose();
        return (result + result.Transpose()) / 2;
    }

    /// <summary>
    /// The optimal-transport (Monge) map between N(m, S) and N(m~, S~): x -> A x + b with
    /// A = S^(-1/2) (S^(1/2) S~ S^(1/2))^(1/2) S^(-1/2) (symmetric PD) and b = m~ - A m. For diagonal S, S~ this is
    /// A = diag(sigma~ / sigma).
    /// </summary>
    public static (Matrix<double> A, Vector<double> B) TransportMap(Vector<double> m, Matrix<double> s,
        Vector<double> mTilde, Matrix<double> sTilde)
    {
        var half = SymmetricPower(s, 0.5);
        var invHalf = SymmetricPower(s, -0.5);
        var a = invHalf * SymmetricPower(half * sTilde * half, 0.5) * invHalf;
        a = (a + a.Transpose()) / 2;
        return (a, mTilde - a * m);
    }
}
