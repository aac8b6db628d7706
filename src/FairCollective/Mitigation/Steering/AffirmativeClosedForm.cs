namespace FairCollective.Mitigation.Steering;

/// <summary>The 1-D EF-Affirmative optimum and the quadratic it solves.</summary>
/// <param name="Gamma">gamma*, the scale of the affine map template -> moved group.</param>
/// <param name="Offset">c: the moved group's target is x -> c + gamma x applied to the template's
/// class-conditionals.</param>
/// <param name="Target">moved group's target per class [class 0, class 1].</param>
/// <param name="A">Quadratic coefficient S + h delta^2 of A gamma^2 + B gamma + C = 0.</param>
/// <param name="B">Linear coefficient -h delta Delta0 of the same quadratic.</param>
/// <param name="C">Constant coefficient -W (minus the total target weight) of the same quadratic.</param>
public sealed record AffirmativeSolution(double Gamma, double Offset, Univariate[] Target, double A, double B,
    double C);

/// <summary>
/// EF-Affirmative in one dimension (method.md section 6). Index "ia" = class i, group a; the moved group plays
/// the role of group 0 and the template (advantaged) group the role of group 1 of the paper's formulas.
///
/// The ideal family for the moved group is N(c + gamma mu_i1, gamma^2 sigma_i1^2). With w_i the target class priors,
/// the objective sum_i w_i KL(target_i || original_i0) is, after minimising over c in closed form
/// (mu~_10 = (u mu_10 + v (mu_00 - gamma delta)) / (u + v)),
///     F(gamma) = -W log gamma + S gamma^2 / 2 + h (gamma delta - Delta0)^2 / 2 + const,
/// whose stationarity condition is (S + h delta^2) gamma^2 - h delta Delta0 gamma - W = 0; F is convex on gamma &gt; 0,
/// so the positive root is the minimiser.
/// </summary>
public static class AffirmativeClosedForm
{
    /// <param name="moved">moved group's class-conditionals [class 0, class 1].</param>
    /// <param name="template">template group's class-conditionals [class 0, class 1].</param>
    /// <param name="w0">target weight of class 0 (prior after base-rate equalisation).</param>
    /// <param name="w1">target weight of class 1.</param>
    public static AffirmativeSolution Solve(Univariate[] moved, Univariate[] template, double w0, double w1)
    {
        double delta = template[0].Mean - template[1].Mean;
        double delta0 = moved[0].Mean - moved[1].Mean;
        double s00 = moved[0].Sd * moved[0].Sd, s10 = moved[1].Sd * moved[1].Sd;
        double u = w1 / s10, v = w0 / s00, h = u * v / (u + v);
        double S = w1 * template[1].Sd * template[1].Sd / s10 + w0 * template[0].Sd * template[0].Sd / s00;
        double W = w0 + w1;
        double qa = S + h * delta * delta, qb = -h * delta * delta0, qc = -W;
        // Positive root of qa g^2 + qb g + qc = 0 (qa > 0, qc < 0: exactly one), in the cancellation-free form.
        double disc = Math.Sqrt(qb * qb - 4 * qa * qc);
        double gamma = qb <= 0 ? (-qb + disc) / (2 * qa) : -2 * qc / (qb + disc);
        double mu10 = (u * moved[1].Mean + v * (moved[0].Mean - gamma * delta)) / (u + v);
        double mu00 = mu10 + gamma * delta;
        var target = new[] { new Univariate(mu00, gamma * template[0].Sd), new Univariate(mu10,
            gamma * template[1].Sd) };
        return new AffirmativeSolution(gamma, mu10 - gamma * template[1].Mean, target, qa, qb, qc);
    }

    /// <summary>sum_i w_i KL(N(c + gamma mu_i1, gamma^2 sigma_i1^2) || moved_i) for a given (gamma, c): the objective
    /// before c is profiled out, for checks and brute-force comparisons.</summary>
    public static double Objective(Univariate[] moved, Univariate[] template, double w0, double w1, double gamma,
        double offset)
    {
        double total = 0;
        for (int i = 0; i < 2; i++)
        {
            var target = new Univariate(offset + gamma * template[i].Mean, gamma * template[i].Sd);
            total += (i == 0 ? w0 : w1) * target.KlTo(moved[i]);
        }
        return total;
    }
}
