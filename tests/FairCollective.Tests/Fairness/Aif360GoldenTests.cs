using System.Text.Json;
using FairCollective.Fairness;
using static FairCollective.Tests.Fairness.MetricsReference;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// The binary cases of metrics.json against AIF360's ClassificationMetric, in our default NaN mode with the
/// unprivileged group as the minority (signed = minority minus rest = unprivileged minus privileged).
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class Aif360GoldenTests
{
    [Theory]
    [MemberData(nameof(BinaryCases), MemberType = typeof(MetricsReference))]
    public void SignedDifferencesAndDisparateImpactMatchAif360(string name)
    {
        var c = Case(name);
        var (aif, report) = UnprivilegedAsMinority(c);

        foreach (var (key, metric) in new (string, FairnessMetric)[]
                 {
                     ("statistical_parity_difference", FairnessMetric.DemographicParityDifferenceSigned),
                     ("disparate_impact", FairnessMetric.DisparateImpact),
                     ("equal_opportunity_difference", FairnessMetric.EqualOpportunityDifferenceSigned),
                     ("true_positive_rate_difference", FairnessMetric.EqualOpportunityDifferenceSigned),
                     ("false_positive_rate_difference", FairnessMetric.FalsePositiveRateDifferenceSigned),
                     ("average_odds_difference", FairnessMetric.AverageOddsDifferenceSigned),
                     ("average_abs_odds_difference", FairnessMetric.EqOd),
                     ("error_rate_difference", FairnessMetric.ErrorRateDifferenceSigned),
                 })
            NumericAssert.Close(Number(aif.GetProperty(key)), report[metric], $"{name} {key}");
    }

    /// <summary>
    /// AIF360's equalized_odds_difference is Python max(|dFPR|, |dTPR|), which returns |dFPR| when dTPR is NaN.
    /// We document the deviation: a worst case over an undefined part is undefined (NaN), never the other part.
    /// </summary>
    [Theory]
    [MemberData(nameof(BinaryCases), MemberType = typeof(MetricsReference))]
    public void EqualizedOddsWorstCaseMatchesAif360UnlessAPartIsUndefined(string name)
    {
        var c = Case(name);
        var (aif, report) = UnprivilegedAsMinority(c);
        bool partUndefined = double.IsNaN(Number(aif.GetProperty("true_positive_rate_difference")))
                             || double.IsNaN(Number(aif.GetProperty("false_positive_rate_difference")));
        if (partUndefined)
        {
            Assert.True(double.IsNaN(report.EqualizedOddsDifferenceWorstCase));
            Assert.NotEmpty(report.Warnings);
        }
        else
        {
            NumericAssert.Close(Number(aif.GetProperty("equalized_odds_difference")),
                report.EqualizedOddsDifferenceWorstCase, name);
        }
    }

    [Theory]
    [MemberData(nameof(BinaryCases), MemberType = typeof(MetricsReference))]
    public void PerGroupRatesMatchAif360(string name)
    {
        var c = Case(name);
        var (aif, report) = UnprivilegedAsMinority(c);
        foreach (var (side, rates) in new[] { ("unprivileged", report.Minority), ("privileged", report.Majority) })
            foreach (var (key, rate) in new (string, GroupRate)[]
                     {
                     ("num_instances", GroupRate.Count), ("base_rate", GroupRate.BaseRate), ("selection_rate",
                         GroupRate.SelectionRate),
                     ("true_positive_rate", GroupRate.TruePositiveRate), ("false_positive_rate",
                         GroupRate.FalsePositiveRate),
                     ("error_rate", GroupRate.ErrorRate),
                     })
                NumericAssert.Close(Number(aif.GetProperty(side).GetProperty(key)), rates.Get(rate),
                    $"{name} {side} {key}");
        Assert.Equal(report.Minority.ErrorRate, report.MinorityErrorRate);
        Assert.Equal(report.Majority.ErrorRate, report.MajorityErrorRate);
    }

    /// <summary>AIF360's output for the case, and our report with its unprivileged group as the minority.</summary>
    private static (JsonElement Aif, FairnessReport Report) UnprivilegedAsMinority(JsonElement c)
    {
        var aif = c.GetProperty("aif360");
        string unprivileged = Label(aif.GetProperty("unprivileged_groups")[0].GetProperty("a"));
        return (aif, FairnessReport.Compute(YTrue(c), YPred(c), Groups(c), [unprivileged]));
    }

    [Fact]
    public void PrivilegedWithoutPredictedPositivesGivesInfiniteDisparateImpactWithWarning()
    {
        var c = Case("privileged_group_no_predicted_positives");
        var report = FairnessReport.Compute(YTrue(c), YPred(c), Groups(c), ["0"]);
        Assert.Equal(double.PositiveInfinity, report.DisparateImpact);
        Assert.Contains(report.Warnings, w => w.StartsWith("DisparateImpact"));
    }
}
