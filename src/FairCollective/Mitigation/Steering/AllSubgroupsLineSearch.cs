namespace FairCollective.Mitigation.Steering;

/// <summary>The 1-D EF-All-subgroups optimum.</summary>
/// <param name="Gamma">scale g of the ideal map template -> moved group.</param>
/// <param name="Offset">c of that map.</param>
/// <param name="TemplateTarget">template group's new class-conditionals [class 0, class 1].</param>
/// <param name="MovedTarget">moved group's new class-conditionals = c + g * template target.</param>
/// <param name="Objective">the minimised objective (share-weighted Gaussian KL part).</param>
public sealed record AllSubgroupsSolution(double Gamma, double Offset, Univariate[] TemplateTarget,
    Univariate[] MovedTarget, double Objective);

/// <summary>
/// EF-All-subgroups in one dimension: both groups move; the ideal family is template N(m_i, s_i^2) and moved group
/// N(c + g m_i, g^2 s_i^2). Objective, with group shares P_t, P_m and target class weights w_i:
///     J = sum_i w_i [ P_t KL(N(m_i, s_i^2) || template_i) + P_m KL(N(c + g m_i, g^2 s_i^2) || moved_i) ].
/// For fixed g everything else has a closed form (the inner problem):
///   s_i^2 = (P_t + P_m) / (P_t / sigma_it^2 + P_m g^2 / sigma_im^2);
///   with a_i = P_t / sigma_it^2, b_i = P_m / sigma_im^2, k_i = a_i b_i / (a_i + b_i g^2):
///   c = sum_i w_i k_i (mu_im - g mu_it) / sum_i w_i k_i, and m_i = (a_i mu_it + b_i g (mu_im - c)) / (a_i + b_i g^2).
/// The profile J(g) is not convex, so g is found by a line search: a log-spaced grid of GridSize points on
/// [rho / span, rho * span], rho = sqrt(sigma_0m sigma_1m / (sigma_0t sigma_1t)), then golden-section search on the
/// bracket formed by the best grid point's neighbours, to a relative width of 1e-12.
/// </summary>
public static class AllSubgroupsLineSearch
{
    private const double GoldenTolerance = 1e-12;
    private static readonly double InvPhi = (Math.Sqrt(5) - 1) / 2;

    /// <summary>Minimises J over the scale g by grid then golden-section search; everything else in closed
    /// form.</summary>
    /// <param name="moved">Moved group's class-conditionals [class 0, class 1].</param>
    /// <param name="template">Template group's class-conditionals [class 0, class 1].</param>
    /// <param name="w0">Target weight of class 0.</param>
    /// <param name="w1">Target weight of class 1.</param>
    /// <param name="shareMoved">P_m, the moved group's share of rows.</param>
    /// <param name="shareTemplate">P_t, the template group's share of rows.</param>
    /// <param name="gridSize">Log-spaced grid points for g.</param>
    /// <param name="span">The grid spans [rho / span, rho * span]; greater than 1.</param>
    public static AllSubgroupsSolution Solve(Univariate[] moved, Univariate[] template, double w0, double w1,
                                             double shareMoved, double shareTemplate, int gridSize, double span)
    {
        double rho = Math.Sqrt(moved[0].Sd * moved[1].Sd / (template[0].Sd * template[1].Sd));
        double lo = Math.Log(rho / span), hi = Math.Log(rho * span);
        double J(double logG) => Inner(moved, template, w0, w1, shareMoved, shareTemplate, Math.Exp(logG)).Objective;
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int k = 0; k < gridSize; k++)
        {
            double value = J(lo + (hi - lo) * k / (gridSize - 1));
            if (value < bestValue) { bestValue = value; best = k; }
        }
        double step = (hi - lo) / (gridSize - 1);
        double a = lo + step * Math.Max(0, best - 1), b = lo + step * Math.Min(gridSize - 1, best + 1);
        double x1 = b - InvPhi * (b - a), x2 = a + InvPhi * (b - a), f1 = J(x1), f2 = J(x2);
        while (b - a > GoldenTolerance)
        {
            if (f1 <= f2) { b = x2; x2 = x1; f2 = f1; x1 = b - InvPhi * (b - a); f1 = J(x1); }
            else { a = x1; x1 = x2; f1 = f2; x2 = a + InvPhi * (b - a); f2 = J(x2); }
        }
        double logG = (a + b) / 2;
        // Keep the grid point if refinement somehow ended higher (a flat or kinked profile).
        if (J(logG) > bestValue) logG = lo + step * best;
        return Inner(moved, template, w0, w1, shareMoved, shareTemplate, Math.Exp(logG));
    }

    /// <summary>The inner closed form at a fixed scale g (see the class summary).</summary>
    public static AllSubgroupsSolution Inner(Univariate[] moved, Univariate[] template, double w0, double w1,
                                             double shareMoved, double shareTemplate, double g)
    {
        var w = new[] { w0, w1 };
        var aw = new double[2];
        var bw = new double[2];
        double num = 0, den = 0;
        for (int i = 0; i < 2; i++)
        {
            aw[i] = shareTemplate / (template[i].Sd * template[i].Sd);
            bw[i] = shareMoved / (moved[i].Sd * moved[i].Sd);
            double k = aw[i] * bw[i] / (aw[i] + bw[i] * g * g);
            num += w[i] * k * (moved[i].Mean - g * template[i].Mean);
            den += w[i] * k;
        }
        double c = num / den, objective = 0;
        var tpl = new Univariate[2];
        var mov = new Univariate[2];
        for (int i = 0; i < 2; i++)
        {
            double m = (aw[i] * template[i].Mean + bw[i] * g * (moved[i].Mean - c)) / (aw[i] + bw[i] * g * g);
            double s = Math.Sqrt((shareTemplate + shareMoved) / (aw[i] + bw[i] * g * g));
            tpl[i] = new Univariate(m, s);
            mov[i] = new Univariate(c + g * m, g * s);
            objective += w[i] * (shareTemplate * tpl[i].KlTo(template[i]) + shareMoved * mov[i].KlTo(moved[i]));
        }
        return new AllSubgroupsSolution(g, c, tpl, mov, objective);
    }
}
