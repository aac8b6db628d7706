using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>
/// EF-Affirmative with full covariances. The ideal family for the moved group is N(A mu_it + c, A Sigma_it A) with
/// A symmetric positive definite (the d-dimensional analogue of gamma &gt; 0). The objective
///     F(A, c) = sum_i w_i KL(N(A mu_it + c, A Sigma_it A) || N(mu_im, Sigma_im))
///             = sum_i w_i/2 [tr(P_i A Sigma_it A) + r_i' P_i r_i - 2 ln det A] + const,  P_i = Sigma_im^-1, r_i = A mu_it + c - mu_im,
/// is jointly convex (a PSD quadratic plus -ln det on the PD cone). c is profiled out in closed form
/// (c = (sum w_i P_i)^-1 sum w_i P_i (mu_im - A mu_it)); A is found by gradient descent on symmetric matrices with
/// Barzilai-Borwein steps and an Armijo backtracking safeguard that also keeps A positive definite. Gradient:
/// sym( sum_i w_i (P_i A Sigma_it + P_i r_i mu_it') ) - W A^-1. Written by hand: MathNet's minimisers cannot keep
/// iterates inside the PD cone.
/// </summary>
public static class FullCovarianceAffirmative
{
    private const double ArmijoFraction = 1e-4;
    private const int MaxBacktracks = 60;

    /// <summary>Minimises F over symmetric positive definite A (c profiled out); returns the map, the iterations used and the final gradient norm.</summary>
    /// <param name="moved">Moved group's cells [class 0, class 1].</param>
    /// <param name="template">Template group's cells [class 0, class 1].</param>
    /// <param name="w">Target class weights [w_0, w_1].</param>
    /// <param name="start">Starting A, symmetric positive definite (e.g. the diagonal closed form).</param>
    /// <param name="maxIterations">Most descent iterations.</param>
    /// <param name="tolerance">Stop when the gradient norm falls to this.</param>
    public static (Matrix<double> A, Vector<double> C, int Iterations, double GradientNorm) Solve(
        GaussianCell[] moved, GaussianCell[] template, double[] w, Matrix<double> start, int maxIterations, double tolerance)
    {
        var p = moved.Select(c => c.Covariance.Inverse()).ToArray();
        var pw = p[0] * w[0] + p[1] * w[1];
        var pwInv = pw.Inverse();
        Vector<double> Offset(Matrix<double> a) =>
            pwInv * (p[0] * (moved[0].Mean - a * template[0].Mean) * w[0] + p[1] * (moved[1].Mean - a * template[1].Mean) * w[1]);
        double Value(Matrix<double> a)
        {
            if (!IsPositiveDefinite(a)) return double.PositiveInfinity;
            var c = Offset(a);
            double total = 0;
            for (int i = 0; i < 2; i++)
            {
                var r = a * template[i].Mean + c - moved[i].Mean;
                total += w[i] / 2 * ((p[i] * a * template[i].Covariance * a).Trace() + r.DotProduct(p[i] * r));
            }
            return total - (w[0] + w[1]) * a.Cholesky().DeterminantLn;
        }
        Matrix<double> Gradient(Matrix<double> a)
        {
            var c = Offset(a);
            var g = -(w[0] + w[1]) * a.Inverse();
            var sum = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
            for (int i = 0; i < 2; i++)
            {
                var r = a * template[i].Mean + c - moved[i].Mean;
                sum += w[i] * (p[i] * a * template[i].Covariance + (p[i] * r).OuterProduct(template[i].Mean));
            }
            return g + (sum + sum.Transpose()) / 2;
        }

        var x = start.Clone();
        double f = Value(x);
        var grad = Gradient(x);
        double step = 1.0 / Math.Max(1, grad.FrobeniusNorm());
        Matrix<double>? prevX = null, prevGrad = null;
        int it = 0;
        for (; it < maxIterations && grad.FrobeniusNorm() > tolerance; it++)
        {
            if (prevX is not null && prevGrad is not null)
            {
                var sk = x - prevX;
                var yk = grad - prevGrad;
                double sy = Dot(sk, yk);
                if (sy > 0) step = Dot(sk, sk) / sy;
            }
            double gg = Dot(grad, grad);
            Matrix<double> next = x;
            double fNext = f;
            bool accepted = false;
            for (int k = 0; k < MaxBacktracks; k++)
            {
                next = x - step * grad;
                fNext = Value(next);
                if (fNext <= f - ArmijoFraction * step * gg) { accepted = true; break; }
                step /= 2;
            }
            if (!accepted) break;
            prevX = x;
            prevGrad = grad;
            x = next;
            f = fNext;
            grad = Gradient(x);
        }
        return (x, Offset(x), it, grad.FrobeniusNorm());
    }

    /// <summary>The objective F(A) with c profiled out (for tests and diagnostics).</summary>
    public static double Objective(GaussianCell[] moved, GaussianCell[] template, double[] w, Matrix<double> a)
    {
        var p = moved.Select(c => c.Covariance.Inverse()).ToArray();
        var pw = p[0] * w[0] + p[1] * w[1];
        var c = pw.Inverse() * (p[0] * (moved[0].Mean - a * template[0].Mean) * w[0] + p[1] * (moved[1].Mean - a * template[1].Mean) * w[1]);
        double total = 0;
        for (int i = 0; i < 2; i++)
            total += w[i] * GaussianMath.Kl(a * template[i].Mean + c, a * template[i].Covariance * a, moved[i].Mean, moved[i].Covariance);
        return total;
    }

    private static double Dot(Matrix<double> a, Matrix<double> b) => a.PointwiseMultiply(b).Enumerate().Sum();

    private static bool IsPositiveDefinite(Matrix<double> a)
    {
        var sym = (a + a.Transpose()) / 2;
        return sym.Evd(Symmetricity.Symmetric).EigenValues.All(z => z.Real > 0);
    }
}
