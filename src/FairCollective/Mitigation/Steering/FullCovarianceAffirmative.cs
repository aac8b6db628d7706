using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>
/// EF-Affirmative with full covariances. The ideal family for the moved group is N(A mu_it + c, A Sigma_it A) with
/// A symmetric positive definite (the d-dimensional analogue of gamma &gt; 0). The objective
///     F(A, c) = sum_i w_i KL(N(A mu_it + c, A Sigma_it A) || N(mu_im, Sigma_im))
///             = sum_i w_i/2 [tr(P_i A Sigma_it A) + r_i' P_i r_i - 2 ln det A] + const,  P_i = Sigma_im^-1, r_i = A
/// mu_it + c - mu_im,
/// is jointly convex (a PSD quadratic plus -ln det on the PD cone). c is profiled out in closed form
/// (c = (sum w_i P_i)^-1 sum w_i P_i (mu_im - A mu_it)).
/// <para>
/// A is found by damped Newton steps on symmetric matrices; each step solves H s = -g by conjugate gradients with exact
/// Hessian products. First-order descent (tried first) stalls on real data: one-hot features and categories absent from
/// a cell leave cell covariances nearly singular, so the problem's curvature spans many orders of magnitude. The CG
/// preconditioner inverts, exactly and in O(d^3), the operator E -&gt; P E S + W A^-1 E A^-1 (P = sum w_i P_i,
/// S = the template's weighted second moment about its mean), which carries that spread of scales: with the generalised
/// eigenvectors X of (P, A^-1) and Y of (S, A^-1), E = X F Y' and the operator is diagonal in F. Written by hand:
/// MathNet's minimisers cannot keep iterates inside the PD cone nor take a matrix-valued preconditioner.
/// </para>
/// </summary>
public static class FullCovarianceAffirmative
{
    private const double ArmijoFraction = 1e-4;
    private const int MaxBacktracks = 60;
    /// <summary>CG steps per Newton step; the preconditioned systems of the bundled data need at most a few
    /// hundred.</summary>
    private const int MaxCgIterations = 2000;
    /// <summary>Newton decrement below which full steps are taken (Boyd and Vandenberghe's quadratic phase, eta &lt;
    /// 0.25).</summary>
    private const double QuadraticPhase = 0.1;

    /// <summary>Minimises F over symmetric positive definite A (c profiled out); returns the map, the Newton steps used
    /// and the final gradient norm.</summary>
    /// <param name="moved">Moved group's cells [class 0, class 1].</param>
    /// <param name="template">Template group's cells [class 0, class 1].</param>
    /// <param name="w">Target class weights [w_0, w_1].</param>
    /// <param name="start">Starting A, symmetric positive definite (e.g. the diagonal closed form).</param>
    /// <param name="maxIterations">Most Newton steps.</param>
    /// <param name="tolerance">Stop when the gradient's Frobenius norm falls to this.</param>
    public static (Matrix<double> A, Vector<double> C, int Iterations, double GradientNorm) Solve(
        GaussianCell[] moved, GaussianCell[] template, double[] w, Matrix<double> start, int maxIterations, double
            tolerance)
    {
        var problem = new Problem(moved, template, w);
        var a = Sym(start);
        double f = problem.Value(a);
        int it = 0;
        double gradientNorm = double.NaN;
        for (; ; it++)
        {
            var (aHalf, aInv) = problem.Roots(a);
            var g = problem.Gradient(a, aInv);
            gradientNorm = g.FrobeniusNorm();
            if (gradientNorm <= tolerance || it >= maxIterations) break;
            var step = problem.NewtonStep(g, aHalf, aInv, gradientNorm);
            double slope = Dot(g, step);
            if (!(slope < 0)) break;
            bool accepted = false;
            // -slope is F's squared Newton decrement. F / W (a convex quadratic plus -ln det) is self-concordant, so
            // once its decrement is below QuadraticPhase full steps converge quadratically; there the decrease F would
            // show soon falls below F's rounding and a line search would reject good steps.
            bool quadratic = -slope < QuadraticPhase * QuadraticPhase * problem.Weight;
            for (double t = 1; !accepted && t > Math.Pow(2, -MaxBacktracks); t /= 2)
            {
                var next = Sym(a + t * step);
                if (!IsPositiveDefinite(next)) continue;
                double fNext = problem.Value(next);
                if (quadratic || fNext <= f + ArmijoFraction * t * slope) { a = next; f = fNext; accepted = true; }
            }
            if (!accepted) break;
        }
        return (a, problem.Offset(a), it, gradientNorm);
    }

    /// <summary>The objective F(A) with c profiled out, as a sum of Gaussian KL divergences (for tests and
    /// diagnostics).</summary>
    public static double Objective(GaussianCell[] moved, GaussianCell[] template, double[] w, Matrix<double> a)
    {
        var c = new Problem(moved, template, w).Offset(a);
        double total = 0;
        for (int i = 0; i < 2; i++)
            total += w[i] * GaussianMath.Kl(a * template[i].Mean + c, a * template[i].Covariance * a, moved[i].Mean,
                moved[i].Covariance);
        return total;
    }

    /// <summary>The data of one problem and its value, gradient, Hessian products and Newton step.</summary>
    private sealed class Problem
    {
        private readonly GaussianCell[] moved, template;
        private readonly double[] w;
        /// <summary>W = w_0 + w_1, the weight of -ln det A.</summary>
        public double Weight { get; }
        private readonly Matrix<double>[] p;
        private readonly Matrix<double> pw, pwInv, secondMoment;

        public Problem(GaussianCell[] moved, GaussianCell[] template, double[] w)
        {
            (this.moved, this.template, this.w) = (moved, template, w);
            Weight = w[0] + w[1];
            p = moved.Select(c => Sym(c.Covariance.Inverse())).ToArray();
            pw = p[0] * w[0] + p[1] * w[1];
            pwInv = Sym(pw.Inverse());
            var mean = template[0].Mean * (w[0] / Weight) + template[1].Mean * (w[1] / Weight);
            secondMoment = Matrix<double>.Build.Dense(pw.RowCount, pw.RowCount);
            for (int i = 0; i < 2; i++)
            {
                var dm = template[i].Mean - mean;
                secondMoment += w[i] * (template[i].Covariance + dm.OuterProduct(dm));
            }
        }

        public Vector<double> Offset(Matrix<double> a) =>
            pwInv * (p[0] * (moved[0].Mean - a * template[0].Mean) * w[0] + p[1] * (moved[1].Mean - a *
                template[1].Mean) * w[1]);

        public double Value(Matrix<double> a)
        {
            var c = Offset(a);
            double total = 0;
            for (int i = 0; i < 2; i++)
            {
                var r = a * template[i].Mean + c - moved[i].Mean;
                total += w[i] / 2 * ((p[i] * a * template[i].Covariance * a).Trace() + r.DotProduct(p[i] * r));
            }
            return total - Weight * a.Cholesky().DeterminantLn;
        }

        /// <summary>A^1/2 and A^-1 from one symmetric eigendecomposition.</summary>
        public (Matrix<double> Half, Matrix<double> Inverse) Roots(Matrix<double> a)
        {
            var evd = a.Evd(Symmetricity.Symmetric);
            var q = evd.EigenVectors;
            var lambda = evd.EigenValues.Select(z => z.Real).ToArray();
            return (Sym(q * Matrix<double>.Build.DiagonalOfDiagonalArray(lambda.Select(Math.Sqrt).ToArray()) *
                q.Transpose()),
                    Sym(q * Matrix<double>.Build.DiagonalOfDiagonalArray(lambda.Select(z
                        => 1 / z).ToArray()) * q.Transpose()));
        }

        /// <summary>sym( sum_i w_i (P_i A Sigma_it + P_i r_i mu_it') ) - W A^-1.</summary>
        public Matrix<double> Gradient(Matrix<double> a, Matrix<double> aInv)
        {
            var c = Offset(a);
            var sum = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
            for (int i = 0; i < 2; i++)
            {
                var r = a * template[i].Mean + c - moved[i].Mean;
                sum += w[i] * (p[i] * a * template[i].Covariance + (p[i] * r).OuterProduct(template[i].Mean));
            }
            return Sym(sum) - Weight * aInv;
        }

        /// <summary>The Hessian applied to a symmetric direction E (c follows A, so dc = -P^-1 sum w_i P_i E
        /// mu_it).</summary>
        private Matrix<double> Hessian(Matrix<double> aInv, Matrix<double> e)
        {
            var dc = -(pwInv * (p[0] * (e * template[0].Mean) * w[0] + p[1] * (e * template[1].Mean) * w[1]));
            var sum = Matrix<double>.Build.Dense(e.RowCount, e.ColumnCount);
            for (int i = 0; i < 2; i++)
                sum += w[i] * (p[i] * e * template[i].Covariance + (p[i] * (e * template[i].Mean +
                    dc)).OuterProduct(template[i].Mean));
            return Sym(sum) + Weight * (aInv * e * aInv);
        }

        /// <summary>Inexact Newton step: preconditioned CG on H s = -g to a relative residual min(1/2, sqrt
        /// |g|).</summary>
        public Matrix<double> NewtonStep(Matrix<double> g, Matrix<double> aHalf, Matrix<double> aInv,
            double gradientNorm)
        {
            int d = g.RowCount;
            var e1 = Sym(aHalf * pw * aHalf).Evd(Symmetricity.Symmetric);
            var e2 = Sym(aHalf * secondMoment * aHalf).Evd(Symmetricity.Symmetric);
            var x = aHalf * e1.EigenVectors;
            var y = aHalf * e2.EigenVectors;
            var d1 = e1.EigenValues.Select(z => z.Real).ToArray();
            var d2 = e2.EigenValues.Select(z => z.Real).ToArray();
            Matrix<double> Precondition(Matrix<double> residual)
            {
                var f = x.TransposeThisAndMultiply(residual) * y;
                for (int j = 0; j < d; j++)
                    for (int k = 0; k < d; k++) f[j, k] /= Math.Max(d1[j], 0) * Math.Max(d2[k], 0) + Weight;
                return Sym(x * f.TransposeAndMultiply(y));
            }
            var s = Matrix<double>.Build.Dense(d, d);
            var res = -g;
            var z = Precondition(res);
            var dir = z;
            double rz = Dot(res, z);
            double target = Math.Min(0.5, Math.Sqrt(gradientNorm)) * gradientNorm;
            for (int k = 0; k < MaxCgIterations; k++)
            {
                var hd = Hessian(aInv, dir);
                double curvature = Dot(dir, hd);
                if (!(curvature > 0)) break;
                double alpha = rz / curvature;
                s += alpha * dir;
                res -= alpha * hd;
                if (res.FrobeniusNorm() <= target) break;
                z = Precondition(res);
                double rzNext = Dot(res, z);
                dir = z + rzNext / rz * dir;
                rz = rzNext;
            }
            // CG that made no progress (a non-positive curvature at once) leaves s = 0: step along -g instead.
            return s.FrobeniusNorm() > 0 ? s : -g;
        }
    }

    private static Matrix<double> Sym(Matrix<double> m) => (m + m.Transpose()) / 2;

    private static double Dot(Matrix<double> a, Matrix<double> b)
    {
        double total = 0;
        for (int j = 0; j < a.ColumnCount; j++)
            for (int i = 0; i < a.RowCount; i++) total += a[i, j] * b[i, j];
        return total;
    }

    private static bool IsPositiveDefinite(Matrix<double> a) =>
        a.Evd(Symmetricity.Symmetric).EigenValues.All(z => z.Real > 0);
}
