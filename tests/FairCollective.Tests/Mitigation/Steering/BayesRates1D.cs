using FairCollective.Mitigation.Steering;
using MathNet.Numerics.Distributions;

namespace FairCollective.Tests.Mitigation.Steering;

/// <summary>
/// Exact rates of the group-aware Bayes (cost-sensitive) classifier for 1-D Gaussian class-conditionals:
/// in group a, predict 1 iff P(Y=1 | x, a) &gt; tau, i.e. ln(p1 phi1(x)) - ln(p0 phi0(x)) - ln(tau / (1 - tau)) &gt; 0,
/// a quadratic a x^2 + b x + c &gt; 0 whose region probabilities come from the normal CDF.
/// </summary>
internal static class BayesRates1D
{
    public readonly record struct Summary(double Error, double DemographicParity, double TprGap, double FprGap)
    {
        /// <summary>fairlearn's worst-case equalized-odds difference max(|dTPR|, |dFPR|).</summary>
        public double EqualizedOdds => Math.Max(TprGap, FprGap);
    }

    /// <summary>P(predict 1 | Y = 0), P(predict 1 | Y = 1) in one group.</summary>
    public static (double Fpr, double Tpr) Rates(Univariate c0, Univariate c1, double prior1, double tau)
    {
        double qa = 1 / (2 * c0.Sd * c0.Sd) - 1 / (2 * c1.Sd * c1.Sd);
        double qb = c1.Mean / (c1.Sd * c1.Sd) - c0.Mean / (c0.Sd * c0.Sd);
        double qc = Math.Log(prior1 * c0.Sd / ((1 - prior1) * c1.Sd)) - c1.Mean * c1.Mean / (2 * c1.Sd * c1.Sd)
                    + c0.Mean * c0.Mean / (2 * c0.Sd * c0.Sd) - Math.Log(tau / (1 - tau));
        return (Positive(c0, qa, qb, qc), Positive(c1, qa, qb, qc));
    }

    /// <summary>P(qa x^2 + qb x + qc &gt; 0) for x ~ cell.</summary>
    private static double Positive(Univariate cell, double qa, double qb, double qc)
    {
        double F(double x) => Normal.CDF(cell.Mean, cell.Sd, x);
        double scale = Math.Abs(qb) + Math.Abs(qc) + 1;
        if (Math.Abs(qa) < 1e-15 * scale)
        {
            if (qb == 0) return qc > 0 ? 1 : 0;
            double root = -qc / qb;
            return qb > 0 ? 1 - F(root) : F(root);
        }
        double disc = qb * qb - 4 * qa * qc;
        if (disc <= 0) return qa > 0 ? 1 : 0;
        double q = -(qb + Math.CopySign(Math.Sqrt(disc), qb)) / 2;
        double r1 = q / qa, r2 = qc / q;
        double lo = Math.Min(r1, r2), hi = Math.Max(r1, r2);
        double inside = F(hi) - F(lo);
        return qa > 0 ? 1 - inside : inside;
    }

    /// <param name="cells">[class, group].</param>
    /// <param name="prior1">P(Y=1 | A=a) per group.</param>
    /// <param name="share">P(A=a).</param>
    public static Summary Evaluate(Univariate[,] cells, double[] prior1, double[] share, double tau = 0.5)
    {
        var dp = new double[2];
        var tpr = new double[2];
        var fpr = new double[2];
        double error = 0;
        for (int a = 0; a < 2; a++)
        {
            (fpr[a], tpr[a]) = Rates(cells[0, a], cells[1, a], prior1[a], tau);
            dp[a] = prior1[a] * tpr[a] + (1 - prior1[a]) * fpr[a];
            error += share[a] * (prior1[a] * (1 - tpr[a]) + (1 - prior1[a]) * fpr[a]);
        }
        return new Summary(error, Math.Abs(dp[1] - dp[0]), Math.Abs(tpr[1] - tpr[0]), Math.Abs(fpr[1] - fpr[0]));
    }

    /// <summary>Summary of a 1-D steering model (feature 0).</summary>
    public static Summary Evaluate(GroupGaussianModel model, double tau = 0.5)
    {
        var cells = new Univariate[2, 2];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++) cells[i, a] = new Univariate(model[i, a].Mean[0], Math.Sqrt(model[i,
                a].Covariance[0, 0]));
        return Evaluate(cells, [model[1, 0].Prior, model[1, 1].Prior], model.GroupShare, tau);
    }

    /// <summary>A 1-D model from parameters: cells [class, group] and P(Y=1 | A=a), shares.</summary>
    public static GroupGaussianModel Model(Univariate[,] cells, double[] prior1, double[] share)
    {
        var g = new GaussianCell[2, 2];
        for (int i = 0; i < 2; i++)
            for (int a = 0; a < 2; a++)
                g[i, a] = new GaussianCell(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense([cells[i,
                    a].Mean]),
                                           MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(1, 1, cells[i,
                                               a].Sd * cells[i, a].Sd),
                                           i == 1 ? prior1[a] : 1 - prior1[a]);
        return new GroupGaussianModel(g, share, CovarianceKind.Diagonal);
    }
}
