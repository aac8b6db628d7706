using System.Text.Json;
using FairCollective.Data;
using FairCollective.Experiments.Running;
using FairCollective.Mitigation.PostProcessing;

namespace FairCollective.Tests.Mitigation.Agreement;

/// <summary>
/// End to end on real splits: FairCollective's post-processors, fitted on the firm-side experiment's own validation
/// rows of COMPAS and Adult (seed 0), give the test-split rates AIF360 and fairlearn give on the same scores
/// (Reference/firm_side_agreement.json, written by firm_side_agreement.py beside it).
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FirmSideAgreementTests
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(ReferenceData.PathOf("firm_side_agreement.json"))).RootElement;

    public static TheoryData<string> Cases() => new(Golden.GetProperty("cases").EnumerateArray().Select(c
        => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string name) => Golden.GetProperty("cases").EnumerateArray().Single(c
        => c.GetProperty("name").GetString() == name);

    // The scores the firm-side experiment's post-processors see: validation 0.2, test 0.3, seed 0, the logistic firm.
    private static BaseScores Inputs(string name) => BaseScores.Of(name, seed: 0, testFraction: 0.3,
        validationFraction: 0.2);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheInputsAreTheOnesTheLibrariesSaw(string name)
    {
        var s = Inputs(name);
        var g = Case(name).GetProperty("inputs");
        Assert.Equal(g.GetProperty("fit_rows").GetInt32(), s.FitScores.Length);
        Assert.Equal(g.GetProperty("test_rows").GetInt32(), s.TestScores.Length);
        Assert.Equal(g.GetProperty("fit_minority_rows").GetInt32(), s.FitMinority.Count(m => m));
        Assert.Equal(g.GetProperty("test_minority_rows").GetInt32(), s.TestMinority.Count(m => m));
        Assert.Equal(g.GetProperty("fit_positive_labels").GetInt32(), s.FitLabels.Sum());
        Assert.Equal(g.GetProperty("test_positive_labels").GetInt32(), s.TestLabels.Sum());
        Assert.Equal(g.GetProperty("fit_score_sum").GetDouble(), s.FitScores.Sum(), 1e-9 * s.FitScores.Length);
        Assert.Equal(g.GetProperty("test_score_sum").GetDouble(), s.TestScores.Sum(), 1e-9 * s.TestScores.Length);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CalibratedEqualizedOddsMatchesAif360ForEveryCostConstraint(string name)
    {
        var s = Inputs(name);
        foreach (var (key, cost) in new[] { ("weighted", CostConstraint.Weighted), ("fpr",
            CostConstraint.FalsePositiveRate), ("fnr", CostConstraint.FalseNegativeRate) })
        {
            var g = Case(name).GetProperty("calibrated_eq_odds").GetProperty(key);
            var model = CalibratedEqOdds.Fit(s.FitScores, s.FitLabels, Groups(s.FitMinority),
                new CalibratedEqOddsOptions { CostConstraint = cost });
            Assert.Equal(g.GetProperty("priv_mix_rate").GetDouble(), model.Majority.MixRate, 1e-9);
            Assert.Equal(g.GetProperty("unpriv_mix_rate").GetDouble(), model.Minority.MixRate, 1e-9);
            Assert.Equal(g.GetProperty("base_rate_priv").GetDouble(), model.Majority.BaseRate, 12);
            Assert.Equal(g.GetProperty("base_rate_unpriv").GetDouble(), model.Minority.BaseRate, 12);
            AssertRates(g.GetProperty("test_rates"), model.PositiveProbability(s.TestScores, Groups(s.TestMinority)), s,
                $"{name} {key}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualizedOddsPostProcessingMatchesAif360(string name)
    {
        var s = Inputs(name);
        var g = Case(name).GetProperty("eq_odds_postprocessing");
        var model = EqOddsPostProcessing.Fit(s.FitLabels, s.FitPredictions, Groups(s.FitMinority));
        AssertRates(g.GetProperty("test_rates"), model.PositiveProbability(s.TestPredictions, Groups(s.TestMinority)),
            s, $"{name} equalized-odds post-processing", 1e-7);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThresholdOptimizerMatchesFairlearn(string name)
    {
        var s = Inputs(name);
        var model = ThresholdOptimizer.Fit(s.FitScores, s.FitLabels, Groups(s.FitMinority));
        AssertRates(Case(name).GetProperty("threshold_optimizer").GetProperty("test_rates"),
            model.PositiveProbability(s.TestScores, Groups(s.TestMinority)), s, $"{name} threshold optimizer");
    }

    private static GroupMembership Groups(bool[] minority) => GroupMembership.FromCodes(minority.Select(m
        => m ? 1 : 0).ToArray());

    private static void AssertRates(JsonElement golden, double[] pPositive, BaseScores s, string what,
        double tolerance = 1e-9)
    {
        foreach (var (group, isMinority) in new[] { ("minority", true), ("majority", false) })
        {
            double Rate(int label) => Enumerable.Range(0, pPositive.Length).Where(i => s.TestMinority[i] == isMinority
                && s.TestLabels[i] == label).Average(i => pPositive[i]);
            var g = golden.GetProperty(group);
            Assert.True(Math.Abs(g.GetProperty("tpr").GetDouble() - Rate(1)) <= tolerance,
                $"{what}: {group} TPR {Rate(1)} vs {g.GetProperty("tpr").GetDouble()}");
            Assert.True(Math.Abs(g.GetProperty("fpr").GetDouble() - Rate(0)) <= tolerance,
                $"{what}: {group} FPR {Rate(0)} vs {g.GetProperty("fpr").GetDouble()}");
        }
    }
}
