using MathNet.Numerics.LinearAlgebra;

namespace FairCollective.Mitigation.Steering;

/// <summary>
/// Steers a fitted <see cref="GroupGaussianModel"/> to the nearest ideal distribution (Sharma et al., NeurIPS 2025):
/// EF-Affirmative (closed form per feature, or the convex full-covariance problem), EF-All-subgroups (line search per
/// feature) or the mean-matching baseline. Base rates are equalised to <see cref="SteeringOptions.BaseRate"/>; the
/// Gaussian objectives weight class i by that target prior.
/// </summary>
public static class GaussianSteering
{
    /// <summary>The steered model and its certificate for <paramref name="model"/> under <paramref name="options"/>
    /// (defaults when null).</summary>
    /// <exception cref="ArgumentException">The options' covariance kind differs from the model's.</exception>
    public static SteeringSolution Steer(GroupGaussianModel model, SteeringOptions? options = null)
    {
        options ??= new SteeringOptions();
        options.Validate(model.Dimension);
        if (options.Covariance != model.Kind)
            throw new ArgumentException($"Model was fitted with {model.Kind} covariance but options ask for " +
                $"{options.Covariance}.");
        int dis = options.DisadvantagedGroup, tpl = 1 - dis, d = model.Dimension;
        var r = TargetPriors(model, options.BaseRate, tpl);
        var moved = new[] { model[0, dis], model[1, dis] };
        var template = new[] { model[0, tpl], model[1, tpl] };
        var newMoved = new GaussianCell[2];
        var newTemplate = new GaussianCell[2];
        (Matrix<double>, Vector<double>)? map = null;
        var gammas = new double[d];
        int iterations = 0;
        double gradientNorm = 0;

        if (options.Mode == SteeringMode.MeanMatching)
        {
            for (int i = 0; i < 2; i++)
            {
                newMoved[i] = new GaussianCell(template[i].Mean.Clone(), moved[i].Covariance.Clone(), r[i]);
                newTemplate[i] = template[i] with { Prior = r[i] };
            }
            Array.Fill(gammas, double.NaN);
        }
        else if (options.Covariance == CovarianceKind.Full)
        {
            // Warm start at the per-feature closed form, then descend on the convex full problem.
            var start = Matrix<double>.Build.DenseOfDiagonalArray(
                Enumerable.Range(0, d).Select(j => AffirmativeClosedForm.Solve(Column(moved, j), Column(template, j),
                    r[0], r[1]).Gamma).ToArray());
            Matrix<double> a;
            Vector<double> c;
            (a, c, iterations, gradientNorm) = FullCovarianceAffirmative.Solve(moved, template, r, start,
                options.MaxIterations, options.GradientTolerance);
            for (int i = 0; i < 2; i++)
            {
                var cov = a * template[i].Covariance * a;
                newMoved[i] = new GaussianCell(a * template[i].Mean + c, (cov + cov.Transpose()) / 2, r[i]);
                newTemplate[i] = template[i] with { Prior = r[i] };
            }
            map = (a, c);
            for (int j = 0; j < d; j++) gammas[j] = a[j, j];
        }
        else
        {
            var mm = new[] { Vector<double>.Build.Dense(d), Vector<double>.Build.Dense(d) };
            var ms = new[] { Vector<double>.Build.Dense(d), Vector<double>.Build.Dense(d) };
            var tm = new[] { template[0].Mean.Clone(), template[1].Mean.Clone() };
            var ts = new[] { Sd(template[0]), Sd(template[1]) };
            var offset = Vector<double>.Build.Dense(d);
            for (int j = 0; j < d; j++)
            {
                var mov = Column(moved, j);
                var tem = Column(template, j);
                Univariate[] movedTarget;
                if (options.Mode == SteeringMode.Affirmative)
                {
                    var sol = AffirmativeClosedForm.Solve(mov, tem, r[0], r[1]);
                    (gammas[j], offset[j], movedTarget) = (sol.Gamma, sol.Offset, sol.Target);
                }
                else
                {
                    var sol = AllSubgroupsLineSearch.Solve(mov, tem, r[0], r[1], model.GroupShare[dis],
                        model.GroupShare[tpl],
                                                           options.GammaGridSize, options.GammaGridSpan);
                    (gammas[j], offset[j], movedTarget) = (sol.Gamma, sol.Offset, sol.MovedTarget);
                    for (int i = 0; i < 2; i++)
                    {
                        tm[i][j] = sol.TemplateTarget[i].Mean; ts[i][j] =
                        sol.TemplateTarget[i].Sd;
                    }
                }
                for (int i = 0; i < 2; i++) { mm[i][j] = movedTarget[i].Mean; ms[i][j] = movedTarget[i].Sd; }
            }
            for (int i = 0; i < 2; i++)
            {
                newMoved[i] = new GaussianCell(mm[i], Diag(ms[i]), r[i]);
                newTemplate[i] = options.Mode == SteeringMode.Affirmative
                    ? template[i] with { Prior = r[i] }
                    : new GaussianCell(tm[i], Diag(ts[i]), r[i]);
            }
            map = (Matrix<double>.Build.DenseOfDiagonalArray(gammas), offset);
        }

        var cells = new GaussianCell[2, 2];
        for (int i = 0; i < 2; i++) { cells[i, dis] = newMoved[i]; cells[i, tpl] = newTemplate[i]; }
        var target = new GroupGaussianModel(cells, (double[])model.GroupShare.Clone(), model.Kind);
        var (kl, gaussKl) = JointKl(target, model);
        return new SteeringSolution(model, target, dis, map, gammas, kl, gaussKl, iterations, gradientNorm);
    }

    /// <summary>
    /// KL(steered || original) of the joint law of (A, Y, X) with P(A) fixed:
    /// sum_a P(a) [ sum_i r_ia ln(r_ia / q_ia) + sum_i r_ia KL(N~_ia || N_ia) ]; also returns the Gaussian part alone.
    /// (The KL between the X-marginal mixtures has no closed form; this joint KL upper-bounds it.)
    /// </summary>
    public static (double Total, double Gaussian) JointKl(GroupGaussianModel steered, GroupGaussianModel original)
    {
        double total = 0, gaussian = 0;
        for (int a = 0; a < 2; a++)
            for (int i = 0; i < 2; i++)
            {
                var s = steered[i, a];
                var o = original[i, a];
                double g = s.Prior * GaussianMath.Kl(s.Mean, s.Covariance, o.Mean, o.Covariance);
                double prior = s.Prior > 0 ? s.Prior * Math.Log(s.Prior / o.Prior) : 0;
                gaussian += original.GroupShare[a] * g;
                total += original.GroupShare[a] * (g + prior);
            }
        return (total, gaussian);
    }

    /// <summary>Target class priors [P(Y=0), P(Y=1)] shared by both groups after reweighting.</summary>
    public static double[] TargetPriors(GroupGaussianModel model, BaseRateTarget target, int templateGroup)
    {
        double p1 = target == BaseRateTarget.Advantaged
            ? model[1, templateGroup].Prior
            : model.GroupShare[0] * model[1, 0].Prior + model.GroupShare[1] * model[1, 1].Prior;
        return [1 - p1, p1];
    }

    private static Univariate[] Column(GaussianCell[] cells, int j) =>
        [new(cells[0].Mean[j], Math.Sqrt(cells[0].Covariance[j, j])), new(cells[1].Mean[j],
            Math.Sqrt(cells[1].Covariance[j, j]))];

    private static Vector<double> Sd(GaussianCell cell) => cell.Covariance.Diagonal().PointwiseSqrt();

    private static Matrix<double> Diag(Vector<double> sd)
        => Matrix<double>.Build.DenseOfDiagonalVector(sd.PointwiseMultiply(sd));
}
