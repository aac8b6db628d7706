using System.Text.Json.Nodes;
using CsCheck;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Mitigation.PostProcessing;
using static FairCollective.Tests.Mitigation.MitigationReference;

namespace FairCollective.Tests.Mitigation.PostProcessing;

[Trait(TestKind.Name, TestKind.Unit)]
public class CalibratedEqOddsTests
{
    private const string File = "calibrated_eq_odds.json";

    /// <summary>README: AIF360 mix rates can suffer cancellation, so ~1e-9 relative.</summary>
    private const double Tol = 1e-9;

    private static readonly (string Key, CostConstraint Constraint)[] Constraints =
        [("fpr", CostConstraint.FalsePositiveRate), ("fnr", CostConstraint.FalseNegativeRate), ("weighted",
            CostConstraint.Weighted)];

    public static IEnumerable<object[]> CasesAndConstraints =>
        CaseNames(File).SelectMany(n => Constraints.Select(c => new object[] { n[0], c.Key }));

    [Theory]
    [MemberData(nameof(CasesAndConstraints))]
    public void MatchesAif360(string name, string constraintKey)
    {
        var c = Case(File, name);
        var scores = Doubles(c["inputs"]!["scores"]);
        var y = Ints(c["inputs"]!["y_true"]);
        var g = Groups(c["inputs"]!["group"]);
        var constraint = Constraints.Single(k => k.Key == constraintKey).Constraint;
        var r = c["results"]![constraintKey]!;
        var m = CalibratedEqOdds.Fit(scores, y, g, new CalibratedEqOddsOptions { CostConstraint = constraint });
        string at = $"{name}/{constraintKey}";

        Assert.Equal(c["n_privileged"]!.GetValue<int>(), m.Majority.Count);
        Assert.Equal(c["n_unprivileged"]!.GetValue<int>(), m.Minority.Count);
        Close.Rel(D(r["priv_mix_rate"]), m.Majority.MixRate, Tol, at + " priv_mix_rate");
        Close.Rel(D(r["unpriv_mix_rate"]), m.Minority.MixRate, Tol, at + " unpriv_mix_rate");
        Close.Rel(D(r["priv_mix_probability_effective"]), m.Majority.MixProbability, Tol, at + " priv q");
        Close.Rel(D(r["unpriv_mix_probability_effective"]), m.Minority.MixProbability, Tol, at + " unpriv q");
        Assert.Equal(r["equalised_costs_reachable"]!.GetValue<bool>(), m.EqualisedCostsReachable);
        string mixed = m.Majority.MixRate != 0 ? "privileged" : m.Minority.MixRate != 0 ? "unprivileged" : "none";
        Assert.Equal((string)r["mixed_group"]!, mixed);
        Close.Rel(D(r["base_rate_priv"]), m.Majority.BaseRate, 1e-15, at + " base rate priv");
        Close.Rel(D(r["base_rate_unpriv"]), m.Minority.BaseRate, 1e-15, at + " base rate unpriv");

        foreach (var (group, summary) in new[] { ("privileged", m.Majority), ("unprivileged", m.Minority) })
        {
            CheckRates(r["generalized_rates_before"]![group]!, summary.RatesBefore, $"{at} before {group}");
            CheckRates(r["generalized_rates_after_expected"]![group]!, summary.RatesAfterExpected,
                $"{at} after {group}");
            CheckRates(r["generalized_rates_trivial"]![group]!, summary.RatesTrivial, $"{at} trivial {group}");
            Close.Rel(D(r["cost"]!["before"]![group]), summary.CostBefore, Tol, $"{at} cost before {group}");
            Close.Rel(D(r["cost"]!["after_expected"]![group]), summary.CostAfterExpected, Tol,
                $"{at} cost after {group}");
            Close.Rel(D(r["cost"]!["trivial"]![group]), summary.CostTrivial, Tol, $"{at} cost trivial {group}");
        }
        if (m.EqualisedCostsReachable)
            Close.Rel(m.Majority.CostAfterExpected, m.Minority.CostAfterExpected, 1e-12, at + " equal costs");
    }

    private static void CheckRates(JsonNode expected, GeneralizedRates actual, string what)
    {
        Close.Rel(D(expected["generalized_fpr"]), actual.FalsePositiveRate, Tol, what + " gfpr");
        Close.Rel(D(expected["generalized_fnr"]), actual.FalseNegativeRate, Tol, what + " gfnr");
    }

    [Fact]
    public void HandCheckedSmallCase()
    {
        // Majority: scores (0.9 y=1, 0.1 y=0): GFPR 0.1, base rate 0.5. Minority: (0.6 y=1, 0.3 y=0, 0.3 y=0):
        // GFPR 0.3, base rate 1/3. FPR cost: the majority's is lower, mix rate = (0.3 − 0.1) / (0.5 − 0.1) = 0.5.
        double[] s = [0.9, 0.1, 0.6, 0.3, 0.3];
        int[] y = [1, 0, 1, 0, 0];
        GroupMembership g = [false, false, true, true, true];
        var m = CalibratedEqOdds.Fit(s, y, g,
            new CalibratedEqOddsOptions { CostConstraint = CostConstraint.FalsePositiveRate });
        Assert.Equal(0.5, m.Majority.MixRate, 15);
        Assert.Equal(0.0, m.Minority.MixRate);
        // Expected majority scores: 0.5·s + 0.5·0.5; P(label 1): 0.9 → keep 1 half the time, trivial 0.5 ≥ 0.5 → 1
        // always.
        Assert.Equal([0.7, 0.3, 0.6, 0.3, 0.3], m.ExpectedScores(s, g), (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal([1.0, 0.5, 1.0, 0.0, 0.0], m.PositiveProbability(s, g), (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(0.3, m.Majority.CostAfterExpected, 15);
    }

    [Fact]
    public void RandomisedPredictIsSeededAndMixesAtTheExpectedRate()
    {
        var c = Case(File, "synthetic_calibrated_n1000");
        var scores = Doubles(c["inputs"]!["scores"]);
        var y = Ints(c["inputs"]!["y_true"]);
        var g = Groups(c["inputs"]!["group"]);
        var m = CalibratedEqOdds.Fit(scores, y,
            g); // weighted: the majority (AIF360's privileged group) mixed with q ≈ 0.568
        var (s1, l1) = m.Predict(scores, g, seed: 5);
        var (s2, l2) = m.Predict(scores, g, seed: 5);
        Assert.Equal(s1, s2);
        Assert.Equal(l1, l2);
        Assert.NotEqual(s1, m.Predict(scores, g, seed: 6).Scores);
        int nMajority = 0, replaced = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            Assert.Equal(s1[i] >= 0.5 ? 1 : 0, l1[i]);
            if (g[i]) { Assert.Equal(scores[i], s1[i]); continue; }
            nMajority++;
            if (s1[i] == m.Majority.BaseRate && scores[i] != m.Majority.BaseRate) replaced++;
        }
        double q = m.Majority.MixProbability, sd = Math.Sqrt(q * (1 - q) / nMajority);
        Assert.InRange((double)replaced / nMajority, q - 5 * sd, q + 5 * sd);
    }

    private static readonly Gen<(double[] S, int[] Y, bool[] G)> Data =
        Gen.Int[10, 200].SelectMany(n => Gen.Select(Gen.Double[0.01, 0.99].Array[n], Gen.Int[0, 1].Array[n],
            Gen.Bool.Array[n]))
            .Where(t => new[] { true, false }.All(grp => Enumerable.Range(0, t.Item1.Length).Any(i => t.Item3[i] == grp
                && t.Item2[i] == 1)
                                                   && Enumerable.Range(0, t.Item1.Length).Any(i => t.Item3[i] == grp
                                                       && t.Item2[i] == 0)));

    [Fact]
    public void ExpectedCostsAreEqualWhenReachableAndTheMultiplierShrinksTheGapLinearly()
    {
        Gen.Select(Data, Gen.Int[0, 2], Gen.Double[0, 1]).Sample((d, k, mult) =>
        {
            var constraint = (CostConstraint)k;
            var full = CalibratedEqOdds.Fit(d.S, d.Y, FromPrivileged(d.G),
                new CalibratedEqOddsOptions { CostConstraint = constraint });
            double gapBefore = full.Majority.CostBefore - full.Minority.CostBefore;
            if (full.EqualisedCostsReachable)
                Close.Rel(full.Majority.CostAfterExpected, full.Minority.CostAfterExpected, 1e-9, "equal costs", 1);
            else
                Assert.True(Math.Max(full.Majority.MixRate, full.Minority.MixRate) > 1
                    || Math.Min(full.Majority.MixRate, full.Minority.MixRate) < 0);
            // Expected scores reproduce the expected generalized FPR of each group.
            var expected = full.ExpectedScores(d.S, FromPrivileged(d.G));
            double fp = 0; int neg = 0;
            for (int i = 0; i < expected.Length; i++) if (d.G[i] && d.Y[i] == 0) { fp += expected[i]; neg++; }
            Close.Rel(full.Majority.RatesAfterExpected.FalsePositiveRate, fp / neg, 1e-12, "expected GFPR", 1);

            var part = CalibratedEqOdds.Fit(d.S, d.Y, FromPrivileged(d.G),
                new CalibratedEqOddsOptions { CostConstraint = constraint, MixRateMultiplier = mult });
            if (full.EqualisedCostsReachable)
            {
                double gapPart = part.Majority.CostAfterExpected - part.Minority.CostAfterExpected;
                Close.Rel((1 - mult) * gapBefore, gapPart, 1e-9, "linear gap", 1);
            }
        }, iter: 300);
    }

    [Fact]
    public void BadInputsAreUserErrors()
    {
        Assert.Throws<UserInputException>(() => CalibratedEqOdds.Fit([0.2, 1.2], [1, 0], [true, false]));
        Assert.Throws<UserInputException>(() => CalibratedEqOdds.Fit([0.2, 0.3, 0.4], [1, 1, 0], [true, true,
            false])); // the minority has no negatives
        Assert.Throws<UserInputException>(() => CalibratedEqOdds.Fit([0.2, 0.3, 0.4, 0.5], [1, 0, 1, 0], [true, true,
            false, false],
            new CalibratedEqOddsOptions { MixRateMultiplier = 2 }));
    }
}
