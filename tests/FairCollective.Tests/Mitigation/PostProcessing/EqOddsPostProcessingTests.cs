using CsCheck;
using FairCollective.Common;
using FairCollective.Mitigation.PostProcessing;
using static FairCollective.Tests.Mitigation.MitigationReference;

namespace FairCollective.Tests.Mitigation.PostProcessing;

[Trait(TestKind.Name, TestKind.Unit)]
public class EqOddsPostProcessingTests
{
    private const string File = "eq_odds_postprocessing.json";

    /// <summary>README: LP mixing rates match to ~1e-8 (HiGHS stops within its own tolerances of the exact
    /// vertex).</summary>
    private const double LpTol = 1e-8;

    public static IEnumerable<object[]> Names => CaseNames(File);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesAif360(string name)
    {
        var c = Case(File, name);
        var y = Ints(c["inputs"]!["y_true"]);
        var yPred = Ints(c["inputs"]!["y_pred"]);
        var g = Groups(c["inputs"]!["group"]);
        var o = c["outputs"]!;
        var m = EqOddsPostProcessing.Fit(y, yPred, g);

        // The LP data are built on AIF360's floating-point path: count ratios to ~1e-15.
        Close.All(Doubles(o["lp_c"]), m.LpCosts, 1e-15, name + " c", 1e-300);
        var aEq = o["lp_A_eq"]!.AsArray();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 4; j++)
                Close.Rel(D(aEq[i]![j]), m.LpEqualityMatrix[i, j], 1e-15, $"{name} A_eq[{i},{j}]");
        Close.All(Doubles(o["lp_b_eq"]), m.LpEqualityRhs, 0, name + " b_eq");

        Close.Rel(D(o["priv_p2p"]), m.LpMajority.PositiveToPositive, LpTol, name + " priv_p2p", 1);
        Close.Rel(D(o["priv_n2p"]), m.LpMajority.NegativeToPositive, LpTol, name + " priv_n2p", 1);
        Close.Rel(D(o["unpriv_p2p"]), m.LpMinority.PositiveToPositive, LpTol, name + " unpriv_p2p", 1);
        Close.Rel(D(o["unpriv_n2p"]), m.LpMinority.NegativeToPositive, LpTol, name + " unpriv_n2p", 1);
        Close.Rel(D(o["lp_objective"]), m.LpObjective, LpTol, name + " objective", 1);

        // The exact vertex lies in the optimal face the file reports (unique up to HiGHS' tolerance).
        var face = o["optimal_face_range"]!;
        double[] x = [m.LpMajority.PositiveToPositive, m.LpMajority.NegativeToPositive,
            m.LpMinority.PositiveToPositive, m.LpMinority.NegativeToPositive];
        var lo = Doubles(face["min"]);
        var hi = Doubles(face["max"]);
        for (int j = 0; j < 4; j++) Assert.InRange(x[j], lo[j] - 1e-9, hi[j] + 1e-9);

        foreach (var (key, before) in new[] { ("privileged", m.MajorityBefore), ("unprivileged", m.MinorityBefore) })
        {
            var e = o["rates_before"]![key]!;
            Assert.Equal(e["n"]!.GetValue<int>(), before.Count);
            Close.Rel(D(e["base_rate"]), before.BaseRate, 1e-15, $"{name} {key} base rate");
            Close.Rel(D(e["tpr"]), before.TruePositiveRate, 1e-15, $"{name} {key} tpr");
            Close.Rel(D(e["fpr"]), before.FalsePositiveRate, 1e-15, $"{name} {key} fpr");
            Close.Rel(D(e["fnr"]), before.FalseNegativeRate, 1e-15, $"{name} {key} fnr");
            Close.Rel(D(e["tnr"]), before.TrueNegativeRate, 1e-15, $"{name} {key} tnr");
            var after = m.ExpectedRatesAfter(minority: key == "unprivileged");
            Close.Rel(D(o["rates_after_expected"]![key]!["tpr"]), after.TruePositiveRate, LpTol,
                $"{name} {key} tpr after", 1);
            Close.Rel(D(o["rates_after_expected"]![key]!["fpr"]), after.FalsePositiveRate, LpTol,
                $"{name} {key} fpr after", 1);
        }
    }

    [Fact]
    public void HandCheckedLp()
    {
        // minimise −x0 − x1 subject to x0 − x1 = 0.5 − 0.5·x2 and x2 + x3 = 1, all in [0,1].
        // At x2 = 0: x0 = 1, x1 = 0.5 → −1.5; at x2 = 1: x0 = x1 = 1 → −2 (best).
        double[] c = [-1, -1, 0, 0];
        double[,] a = { { 1, -1, 0.5, 0 }, { 0, 0, 1, 1 } };
        var (x, objective) = BoxEqualityLp.Solve(c, a, [0.5, 1]).GetValueOrDefault();
        Assert.Equal(-2.0, objective);
        Assert.Equal([1.0, 1.0, 1.0, 0.0], x);
        // Infeasible: x0 = 2.
        Assert.Null(BoxEqualityLp.Solve([1.0], new double[,] { { 1 } }, [2.0]));
    }

    private static readonly Gen<(int[] Y, int[] P, bool[] G)> Data =
        Gen.Int[8, 300].SelectMany(n => Gen.Select(Gen.Int[0, 1].Array[n], Gen.Int[0, 1].Array[n], Gen.Bool.Array[n]))
            .Where(t => new[] { true, false }.All(grp =>
                Enumerable.Range(0, t.Item1.Length).Any(i => t.Item3[i] == grp && t.Item1[i] == 1)
                && Enumerable.Range(0, t.Item1.Length).Any(i => t.Item3[i] == grp && t.Item1[i] == 0)));

    [Fact]
    public void ExpectedRatesAreEqualAcrossGroupsAndTheLpIsOptimal()
    {
        Data.Sample(d =>
        {
            var m = EqOddsPostProcessing.Fit(d.Y, d.P, FromPrivileged(d.G));
            var (tp, fp) = m.ExpectedRatesAfter(minority: false);
            var (tu, fu) = m.ExpectedRatesAfter(minority: true);
            Assert.True(Math.Abs(tp - tu) <= 1e-12 && Math.Abs(fp - fu) <= 1e-12,
                $"TPR {tp} vs {tu}, FPR {fp} vs {fu}");
            double[] x = [m.LpMajority.PositiveToPositive, m.LpMajority.NegativeToPositive,
                m.LpMinority.PositiveToPositive, m.LpMinority.NegativeToPositive];
            Assert.All(x, v => Assert.InRange(v, 0.0, 1.0));
            double Cost(double x0, double x1, double x2, double x3) =>
                m.LpCosts[0] * x0 + m.LpCosts[1] * x1 + m.LpCosts[2] * x2 + m.LpCosts[3] * x3;
            Close.Rel(Cost(x[0], x[1], x[2], x[3]), m.LpObjective, 1e-12, "objective", 1);
            // Brute force: for each majority (p2p, n2p) on a grid, the minority rates that match its TPR and FPR
            // solve a 2×2 system; no feasible grid point may beat the LP optimum.
            var u = m.MinorityBefore;
            double det = u.TruePositiveRate * u.TrueNegativeRate - u.FalseNegativeRate * u.FalsePositiveRate;
            if (Math.Abs(det) < 1e-9) return;
            const int steps = 60;
            for (int i = 0; i <= steps; i++)
                for (int j = 0; j <= steps; j++)
                {
                    double x0 = (double)i / steps, x1 = (double)j / steps;
                    var (t, f) = new MixingRates(x0, x1).ExpectedRates(m.MajorityBefore);
                    double x2 = (t * u.TrueNegativeRate - u.FalseNegativeRate * f) / det;
                    double x3 = (u.TruePositiveRate * f - u.FalsePositiveRate * t) / det;
                    if (x2 < 0 || x2 > 1 || x3 < 0 || x3 > 1) continue;
                    if (Cost(x0, x1, x2,
                        x3) < m.LpObjective - 1e-12) Assert.Fail($"grid point ({x0},{x1},{x2},{x3}) beats the LP");
                }
        }, iter: 300);
    }

    [Fact]
    public void StrengthShrinksTheGapsLinearly()
    {
        Gen.Select(Data, Gen.Double[0, 1]).Sample((d, lambda) =>
        {
            var m = EqOddsPostProcessing.Fit(d.Y, d.P, FromPrivileged(d.G),
                new EqOddsPostProcessingOptions { Strength = lambda });
            double gapTprBefore = m.MajorityBefore.TruePositiveRate - m.MinorityBefore.TruePositiveRate;
            double gapFprBefore = m.MajorityBefore.FalsePositiveRate - m.MinorityBefore.FalsePositiveRate;
            var (tp, fp) = m.ExpectedRatesAfter(minority: false);
            var (tu, fu) = m.ExpectedRatesAfter(minority: true);
            Close.Rel((1 - lambda) * gapTprBefore, tp - tu, 1e-12, "TPR gap", 1);
            Close.Rel((1 - lambda) * gapFprBefore, fp - fu, 1e-12, "FPR gap", 1);
        }, iter: 200);
        var identity = EqOddsPostProcessing.Fit([1, 0, 1, 0], [1, 1, 0, 0], [true, true, false, false],
            new EqOddsPostProcessingOptions { Strength = 0 });
        Assert.Equal(MixingRates.Identity, identity.Majority);
        Assert.Equal(MixingRates.Identity, identity.Minority);
    }

    [Fact]
    public void PredictFlipsExactCountsOrBernoulliAndIsSeeded()
    {
        var c = Case(File, "compas_logistic_regression");
        var y = Ints(c["inputs"]!["y_true"]);
        var yPred = Ints(c["inputs"]!["y_pred"]);
        var g = Groups(c["inputs"]!["group"]);
        var m = EqOddsPostProcessing.Fit(y, yPred, g);
        var a = m.Predict(yPred, g, seed: 3);
        Assert.Equal(a, m.Predict(yPred, g, seed: 3));
        Assert.NotEqual(a, m.Predict(yPred, g, seed: 4));
        foreach (bool grp in new[] { true, false })
        {
            var rates = grp ? m.Minority : m.Majority;
            int pos = 0, neg = 0, up = 0, down = 0;
            for (int i = 0; i < y.Length; i++)
            {
                if (g[i] != grp) continue;
                if (yPred[i] == 1) { pos++; if (a[i] == 0) down++; }
                else { neg++; if (a[i] == 1) up++; }
            }
            Assert.Equal((int)(neg * rates.NegativeToPositive), up);
            Assert.Equal((int)(pos * (1 - rates.PositiveToPositive)), down);
        }
        var bern = EqOddsPostProcessing.Fit(y, yPred, g,
            new EqOddsPostProcessingOptions { Randomization = EqOddsRandomization.Bernoulli });
        var b = bern.Predict(yPred, g, seed: 3);
        var p = bern.PositiveProbability(yPred, g);
        double expectedPositives = p.Sum(), sd = Math.Sqrt(p.Sum(v => v * (1 - v)));
        Assert.InRange(b.Sum(), expectedPositives - 5 * sd, expectedPositives + 5 * sd);
    }

    [Fact]
    public void BadInputsAreUserErrors()
    {
        Assert.Throws<UserInputException>(() => EqOddsPostProcessing.Fit([1, 0], [1], [true, false]));
        Assert.Throws<UserInputException>(() => EqOddsPostProcessing.Fit([1, 0, 1, 0], [1, 3, 0, 0], [true, true, false,
            false]));
        Assert.Throws<UserInputException>(() => EqOddsPostProcessing.Fit([1, 1, 1, 0], [1, 0, 0, 0], [true, true, false,
            false]));
    }
}
