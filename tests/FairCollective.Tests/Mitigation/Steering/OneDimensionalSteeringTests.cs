using FairCollective.Mitigation.Steering;

namespace FairCollective.Tests.Mitigation.Steering;

[Trait(TestKind.Name, TestKind.Unit)]
public class OneDimensionalSteeringTests
{
    private static readonly double[] Taus = Enumerable.Range(1, 19).Select(k => k / 20.0).ToArray();

    /// <summary>Random 1-D model: template group 0, disadvantaged group 1.</summary>
    private static GroupGaussianModel RandomModel(int seed)
    {
        var rng = new Random(seed);
        double U(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
        var cells = new Univariate[2, 2];
        cells[0, 0] = new(U(-1, 1), U(0.5, 2));
        cells[1, 0] = new(U(1, 3), U(0.5, 2));
        cells[0, 1] = new(U(-2, 1), U(0.5, 2));
        cells[1, 1] = new(U(0, 2), U(0.5, 2));
        double share = U(0.2, 0.8);
        return BayesRates1D.Model(cells, [U(0.2, 0.8), U(0.2, 0.8)], [share, 1 - share]);
    }

    [Fact]
    public void GammaStarSolvesItsQuadraticAndMinimisesTheObjective()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var m = RandomModel(seed);
            Univariate Cell(int i, int a) => new(m[i, a].Mean[0], Math.Sqrt(m[i, a].Covariance[0, 0]));
            Univariate[] moved = [Cell(0, 1), Cell(1, 1)], template = [Cell(0, 0), Cell(1, 0)];
            double w1 = m[1, 0].Prior, w0 = 1 - w1;
            var sol = AffirmativeClosedForm.Solve(moved, template, w0, w1);
            Assert.True(sol.Gamma > 0);
            Assert.True(Math.Abs(sol.A * sol.Gamma * sol.Gamma + sol.B * sol.Gamma + sol.C) < 1e-12 * (sol.A * sol.Gamma
                * sol.Gamma + 1));
            double best = AffirmativeClosedForm.Objective(moved, template, w0, w1, sol.Gamma, sol.Offset);
            // Brute force over (gamma, c): a log grid on gamma and a golden-section search on c (independent of the
            // closed form for c).
            double bruteBest = double.PositiveInfinity, bruteGamma = 0;
            for (int k = 0; k <= 4000; k++)
            {
                double g = sol.Gamma * Math.Exp(-2.3 + 4.6 * k / 4000);
                double f = GoldenMin(c => AffirmativeClosedForm.Objective(moved, template, w0, w1, g, c), -20, 20);
                if (f < bruteBest) { bruteBest = f; bruteGamma = g; }
            }
            Assert.True(best <= bruteBest + 1e-10, $"seed {seed}: closed form {best} > brute force {bruteBest}");
            Assert.Equal(sol.Gamma, bruteGamma, 2e-3 * sol.Gamma);
        }
    }

    [Fact]
    public void AllSubgroupsInnerFormIsAMinimumAndLineSearchBeatsAFineGrid()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var m = RandomModel(100 + seed);
            Univariate Cell(int i, int a) => new(m[i, a].Mean[0], Math.Sqrt(m[i, a].Covariance[0, 0]));
            Univariate[] moved = [Cell(0, 1), Cell(1, 1)], template = [Cell(0, 0), Cell(1, 0)];
            double w1 = m[1, 0].Prior, w0 = 1 - w1, pm = m.GroupShare[1], pt = m.GroupShare[0];
            var sol = AllSubgroupsLineSearch.Solve(moved, template, w0, w1, pm, pt, 400, 100);
            double J(Univariate[] tpl, double g, double c)
            {
                double total = 0;
                for (int i = 0; i < 2; i++)
                {
                    var mov = new Univariate(c + g * tpl[i].Mean, g * tpl[i].Sd);
                    total += (i == 0 ? w0 : w1) * (pt * tpl[i].KlTo(template[i]) + pm * mov.KlTo(moved[i]));
                }
                return total;
            }
            Assert.Equal(sol.Objective, J(sol.TemplateTarget, sol.Gamma, sol.Offset), 12);
            // Inner closed form: no perturbation of (m_0, m_1, s_0, s_1, c) at fixed g lowers J.
            var rng = new Random(seed);
            for (int r = 0; r < 200; r++)
            {
                double e() => (rng.NextDouble() - 0.5) * 1e-3;
                Univariate[] tpl = [new(sol.TemplateTarget[0].Mean + e(), sol.TemplateTarget[0].Sd * (1 + e())),
                                    new(sol.TemplateTarget[1].Mean + e(), sol.TemplateTarget[1].Sd * (1 + e()))];
                Assert.True(J(tpl, sol.Gamma, sol.Offset + e()) >= sol.Objective - 1e-13);
            }
            // Outer line search: the profile on an independent fine grid never goes below the result.
            for (int k = 0; k <= 20000; k++)
            {
                double g = Math.Exp(-4 + 8.0 * k / 20000);
                Assert.True(AllSubgroupsLineSearch.Inner(moved, template, w0, w1, pm, pt,
                    g).Objective >= sol.Objective - 1e-12);
            }
        }
    }

    [Fact]
    public void SteeredBayesClassifierIsExactlyFairForEveryCost()
    {
        foreach (var mode in new[] { SteeringMode.Affirmative, SteeringMode.AllSubgroups })
            foreach (var baseRate in new[] { BaseRateTarget.Advantaged, BaseRateTarget.Pooled })
                for (int seed = 0; seed < 10; seed++)
                {
                    var model = RandomModel(200 + seed);
                    var steered = GaussianSteering.Steer(model, new SteeringOptions
                    {
                        Mode = mode,
                        BaseRate = baseRate
                    }).Target;
                    Assert.Equal(steered[1, 0].Prior, steered[1, 1].Prior, 15);
                    foreach (double tau in Taus)
                    {
                        var s = BayesRates1D.Evaluate(steered, tau);
                        Assert.True(s.DemographicParity <= 1e-9 && s.EqualizedOdds <= 1e-9,
                            $"{mode} {baseRate} seed {seed} tau {tau}: {s}");
                    }
                    // Before steering the same classifier is unfair for some cost.
                    Assert.Contains(Taus, tau => BayesRates1D.Evaluate(model, tau).DemographicParity > 1e-3);
                }
    }

    [Fact]
    public void KlOfAllSubgroupsIsBelowAffirmativeAndMeanMatching()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var model = RandomModel(300 + seed);
            double Kl(SteeringMode mode) => GaussianSteering.Steer(model,
                new SteeringOptions { Mode = mode }).KlDivergence;
            double all = Kl(SteeringMode.AllSubgroups), aff = Kl(SteeringMode.Affirmative);
            // The affirmative optimum is feasible for EF-All (same base-rate target), so this must hold.
            Assert.True(all <= aff + 1e-12, $"seed {seed}: EF-All {all} > EF-Affirmative {aff}");
            Assert.True(all > 0);
        }
    }

    /// <summary>
    /// method.md's published synthetic 1-D case: Bayes error 0.15 -> 0.12, dDP 0.25 -> 0, dEO 0.18 -> 0, and mean
    /// matching leaves dDP about 0.05. The paper's parameters are not given, so the seven free parameters below were
    /// found by a Nelder-Mead search (equal group shares; template group 0 with unit variances and class-0 mean 0)
    /// that matched all five published numbers. With seven free parameters for five targets this match is
    /// by construction, NOT an independent reproduction: what the test really checks is the shape (the gaps vanish
    /// exactly for every cost, error falls, mean matching leaves a non-zero dDP, EF-All pays less KL).
    /// dEO here is fairlearn's max(|dTPR|, |dFPR|) of the group-aware Bayes classifier at tau = 1/2.
    /// </summary>
    [Fact]
    public void PublishedOneDimensionalCase()
    {
        var cells = new Univariate[2, 2];
        cells[0, 0] = new(0, 1);
        cells[1, 0] = new(2.3463479193930494, 1);
        cells[0, 1] = new(-0.7843737215426646, Math.Exp(-0.4212177749582638));
        cells[1, 1] = new(1.0170129190699484, Math.Exp(0.31741430656097014));
        var model = BayesRates1D.Model(cells, [0.4674208947384797, 0.7484506550819836], [0.5, 0.5]);

        var before = BayesRates1D.Evaluate(model);
        Assert.Equal(0.15, before.Error, 9);
        Assert.Equal(0.25, before.DemographicParity, 9);
        Assert.Equal(0.18, before.EqualizedOdds, 9);

        var affirmative = GaussianSteering.Steer(model, new SteeringOptions { Mode = SteeringMode.Affirmative });
        var after = BayesRates1D.Evaluate(affirmative.Target);
        Assert.Equal(0.12, after.Error, 9);
        Assert.True(after.DemographicParity <= 1e-9 && after.EqualizedOdds <= 1e-9);

        var meanMatching = GaussianSteering.Steer(model, new SteeringOptions { Mode = SteeringMode.MeanMatching });
        var mm = BayesRates1D.Evaluate(meanMatching.Target);
        Assert.Equal(0.05, mm.DemographicParity, 9);

        var all = GaussianSteering.Steer(model, new SteeringOptions { Mode = SteeringMode.AllSubgroups });
        var allRates = BayesRates1D.Evaluate(all.Target);
        Assert.True(allRates.DemographicParity <= 1e-9 && allRates.EqualizedOdds <= 1e-9);
        Assert.True(allRates.Error < before.Error);
        Assert.True(all.KlDivergence < affirmative.KlDivergence);
        Assert.True(all.KlDivergence < meanMatching.KlDivergence);
    }

    private static double GoldenMin(Func<double, double> f, double a, double b)
    {
        double phi = (Math.Sqrt(5) - 1) / 2;
        double x1 = b - phi * (b - a), x2 = a + phi * (b - a), f1 = f(x1), f2 = f(x2);
        while (b - a > 1e-10)
        {
            if (f1 <= f2) { b = x2; x2 = x1; f2 = f1; x1 = b - phi * (b - a); f1 = f(x1); }
            else { a = x1; x1 = x2; f1 = f2; x2 = a + phi * (b - a); f2 = f(x2); }
        }
        return Math.Min(f1, f2);
    }
}
