using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FairCollective.Common;
using FairCollective.Mitigation.PostProcessing;
using static FairCollective.Tests.Mitigation.MitigationReference;

namespace FairCollective.Tests.Mitigation.PostProcessing;

[Trait(TestKind.Name, TestKind.Unit)]
public class ThresholdOptimizerTests
{
    private const string File = "threshold_optimizer.json";

    /// <summary>Same floating-point path as fairlearn; a couple of ulps of slack.</summary>
    private const double Tol = 1e-15;

    public static IEnumerable<object[]> Names => CaseNames(File);

    /// <summary>Group labels (strings or ints) as int codes in fairlearn's sorted group order, plus the label of each
    /// code.</summary>
    private static (int[] Codes, string[] Labels) GroupCodes(JsonNode? node)
    {
        var raw = node!.AsArray().Select(v
            => v!.GetValueKind() == JsonValueKind.String ? (string)v! : v.GetValue<int>().ToString("D6")).ToArray();
        var labels = raw.Distinct().Order(StringComparer.Ordinal).ToArray();
        return (raw.Select(r => Array.IndexOf(labels, r)).ToArray(), labels);
    }

    private static string Key(JsonNode? groupValue) =>
        groupValue!.GetValueKind() == JsonValueKind.String ? (string)groupValue! :
            groupValue.GetValue<int>().ToString("D6");

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesFairlearn(string name)
    {
        var c = Case(File, name);
        var scores = Doubles(c["inputs"]!["scores"]);
        var y = Ints(c["inputs"]!["y_true"]);
        var (codes, labels) = GroupCodes(c["inputs"]!["sensitive_features"]);
        var o = c["outputs"]!;
        var m = ThresholdOptimizer.Fit(scores, y, codes,
            new ThresholdOptimizerOptions { GridSize = c["params"]!["grid_size"]!.GetValue<int>() });

        Assert.Equal(o["grid_index_best"]!.GetValue<int>(), m.GridIndexBest);
        Assert.Equal(D(o["x_best_fpr"]), m.BestFalsePositiveRate);
        Close.Rel(D(o["y_best_tpr"]), m.BestTruePositiveRate, Tol, name + " y_best");

        foreach (var entry in o["interpolation_dict"]!.AsArray())
        {
            int code = Array.IndexOf(labels, Key(entry!["group"]));
            var rule = m.RuleOf(code);
            string at = $"{name} group {Key(entry["group"])}";
            Close.Rel(D(entry["p_ignore"]), rule.PIgnore, Tol, at + " p_ignore", 1e-300);
            Assert.Equal(D(entry["prediction_constant"]), rule.PredictionConstant);
            Close.Rel(D(entry["p0"]), rule.P0, Tol, at + " p0", 1e-300);
            Close.Rel(D(entry["p1"]), rule.P1, Tol, at + " p1", 1e-300);
            Assert.Equal(">", (string)entry["operation0"]!["operator"]!);
            Assert.Equal(D(entry["operation0"]!["threshold"]), rule.Threshold0);
            Assert.Equal(D(entry["operation1"]!["threshold"]), rule.Threshold1);
        }

        foreach (var (groupKey, hullNode) in o["roc_convex_hull_by_group"]!.AsObject())
        {
            string label = int.TryParse(groupKey, out int k) ? k.ToString("D6") : groupKey;
            var hull = m.Hulls[Array.IndexOf(labels, label)];
            var expected = hullNode!.AsArray();
            Assert.Equal(expected.Count, hull.Length);
            for (int i = 0; i < hull.Length; i++)
            {
                Assert.Equal(D(expected[i]!["x"]), hull[i].FalsePositiveRate);
                Assert.Equal(D(expected[i]!["y"]), hull[i].TruePositiveRate);
                Assert.Equal(D(expected[i]!["threshold"]), hull[i].Threshold);
            }
        }

        var p = m.PositiveProbability(scores, codes);
        var listed = o["pmf_predict_rows"]!;
        var rows = Ints(listed["rows"]);
        var pListed = Doubles(listed["p_positive"]);
        for (int i = 0; i < rows.Length; i++) Close.Rel(pListed[i], p[rows[i]], Tol, $"{name} pmf row {rows[i]}",
            1e-300);
        Close.All(Doubles(o["pmf_predict_p_positive_all_rows"]), p, Tol, name + " pmf", 1e-300);
    }

    /// <summary>Expected (FPR, TPR) of every group on the fit data under the fitted randomised rules.</summary>
    private static (double Fpr, double Tpr)[] ExpectedRates(ThresholdOptimizerModel m, double[] s, int[] y, int[] g)
    {
        var p = m.PositiveProbability(s, g);
        var result = new (double, double)[m.GroupCodes.Count];
        for (int k = 0; k < result.Length; k++)
        {
            double fp = 0, tp = 0; int neg = 0, pos = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (g[i] != m.GroupCodes[k]) continue;
                if (y[i] == 1) { tp += p[i]; pos++; } else { fp += p[i]; neg++; }
            }
            result[k] = (fp / neg, tp / pos);
        }
        return result;
    }

    [Fact]
    public void GoldenSolutionEqualisesExpectedRates()
    {
        var c = Case(File, "logistic_scores_three_groups_n900");
        var s = Doubles(c["inputs"]!["scores"]);
        var y = Ints(c["inputs"]!["y_true"]);
        var (g, _) = GroupCodes(c["inputs"]!["sensitive_features"]);
        var m = ThresholdOptimizer.Fit(s, y, g);
        foreach (var (fpr, tpr) in ExpectedRates(m, s, y, g))
        {
            Close.Rel(m.BestFalsePositiveRate, fpr, 1e-12, "fpr", 1);
            Close.Rel(m.BestTruePositiveRate, tpr, 1e-12, "tpr", 1);
        }
    }

    [Fact]
    public void HandCheckedHullAndThresholds()
    {
        // One group, scores 0.9 (y=1), 0.5 (y=0), 0.5 (y=1), 0.2 (y=0). Thresholds: +inf, (0.9+0.5)/2 = 0.7,
        // (0.5+0.2)/2 = 0.35, −inf. Points (FPR, TPR): (0,0), (0,0.5), (0.5,1), (1,1); all on the upper hull.
        var m = ThresholdOptimizer.Fit([0.9, 0.5, 0.5, 0.2], [1, 0, 1, 0], [7, 7, 7, 7],
            new ThresholdOptimizerOptions { GridSize = 4 });
        Assert.Equal([new RocPoint(0, 0, double.PositiveInfinity), new RocPoint(0, 0.5, 0.7), new RocPoint(0.5, 1,
            0.35),
            new RocPoint(1, 1, double.NegativeInfinity)], m.Hulls[0]);
        // Accuracy on the grid (0, .25, .5, .75, 1): TPR (0.5, 0.75, 1, 1, 1) → (0.75, 0.75, 0.75, 0.625, 0.5); the
        // first max wins.
        Assert.Equal(0, m.GridIndexBest);
        Assert.Equal(0.75, m.Objective);
        Assert.Equal(new GroupThresholdRule(0, 0, 1, 0.7, 0, 0.35), m.RuleOf(7));
        Assert.Throws<UserInputException>(() => m.PositiveProbability([0.3], [8]));
    }

    private static readonly Gen<(double[] S, int[] Y, int[] G)> Data =
        Gen.Int[20, 300].SelectMany(n => Gen.Select(Gen.Int[0, 20].Array[n], Gen.Int[0, 1].Array[n], Gen.Int[0,
            2].Array[n]))
            .Select(t => (t.Item1.Select(v => v / 20.0).ToArray(), t.Item2, t.Item3))
            .Where(t => Enumerable.Range(0, 3).All(grp =>
                Enumerable.Range(0, t.Item1.Length).Any(i => t.Item3[i] == grp && t.Item2[i] == 1)
                && Enumerable.Range(0, t.Item1.Length).Any(i => t.Item3[i] == grp && t.Item2[i] == 0)));

    [Fact]
    public void ToleranceBoundsTheExpectedEqualizedOddsGapAndNeverLowersAccuracy()
    {
        Gen.Select(Data, Gen.Double[0, 0.3]).Sample((d, tol) =>
        {
            var strict = ThresholdOptimizer.Fit(d.S, d.Y, d.G, new ThresholdOptimizerOptions { GridSize = 200 });
            var loose = ThresholdOptimizer.Fit(d.S, d.Y, d.G, new ThresholdOptimizerOptions
            {
                GridSize = 200,
                Tolerance = tol
            });
            foreach (var (model, t) in new[] { (strict, 0.0), (loose, tol) })
            {
                var rates = ExpectedRates(model, d.S, d.Y, d.G);
                double fprGap = rates.Max(r => r.Fpr) - rates.Min(r => r.Fpr);
                double tprGap = rates.Max(r => r.Tpr) - rates.Min(r => r.Tpr);
                Assert.True(fprGap <= 1e-12, $"FPR gap {fprGap}");
                Assert.True(tprGap <= t + 1e-12, $"TPR gap {tprGap} > tolerance {t}");
                // The objective is the expected accuracy of the randomised rules on the fit data.
                var p = model.PositiveProbability(d.S, d.G);
                double acc = p.Select((v, i) => d.Y[i] == 1 ? v : 1 - v).Average();
                Close.Rel(acc, model.Objective, 1e-12, "objective = expected accuracy", 1);
            }
            Assert.True(loose.Objective >= strict.Objective - 1e-15);
        }, iter: 150);
    }

    [Fact]
    public void PredictIsSeededAndFollowsTheProbabilities()
    {
        var c = Case(File, "fixed_scores_two_groups_n400");
        var s = Doubles(c["inputs"]!["scores"]);
        var y = Ints(c["inputs"]!["y_true"]);
        var (g, _) = GroupCodes(c["inputs"]!["sensitive_features"]);
        var m = ThresholdOptimizer.Fit(s, y, g);
        var a = m.Predict(s, g, seed: 1);
        Assert.Equal(a, m.Predict(s, g, seed: 1));
        var p = m.PositiveProbability(s, g);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0) Assert.Equal(0, a[i]);
            if (p[i] == 1) Assert.Equal(1, a[i]);
        }
        double sd = Math.Sqrt(p.Sum(v => v * (1 - v)));
        Assert.InRange(a.Sum(), p.Sum() - 5 * sd - 1, p.Sum() + 5 * sd + 1);
    }

    [Fact]
    public void BadInputsAreUserErrors()
    {
        Assert.Throws<UserInputException>(() => ThresholdOptimizer.Fit([0.1, 0.2], [1, 0], [0]));
        Assert.Throws<UserInputException>(() => ThresholdOptimizer.Fit([0.1, 0.2, 0.3], [1, 0, 1], [0, 0,
            1])); // group 1 has no negative
        Assert.Throws<UserInputException>(() => ThresholdOptimizer.Fit([0.1, 0.2], [1, 0], [0, 0],
            new ThresholdOptimizerOptions { GridSize = 0 }));
        Assert.Throws<UserInputException>(() => ThresholdOptimizer.Fit([0.1, double.NaN], [1, 0], [0, 0]));
    }
}
