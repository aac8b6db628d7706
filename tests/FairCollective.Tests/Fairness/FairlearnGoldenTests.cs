using System.Text.Json;
using FairCollective.Fairness;
using static FairCollective.Tests.Fairness.MetricsReference;

namespace FairCollective.Tests.Fairness;

/// <summary>Every case of metrics.json against fairlearn 0.12.0 (and 0.9.0), in fairlearn-compatibility mode.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FairlearnGoldenTests
{
    private static readonly (string Column, GroupRate Rate)[] Columns =
    [
        ("count", GroupRate.Count), ("selection_rate", GroupRate.SelectionRate), ("true_positive_rate",
            GroupRate.TruePositiveRate),
        ("false_positive_rate", GroupRate.FalsePositiveRate), ("accuracy", GroupRate.Accuracy),
    ];

    private static FairnessReport Report(JsonElement c, GroupConfusionOptions options,
        IEnumerable<string>? minority = null) =>
        FairnessReport.Compute(YTrue(c), YPred(c), Groups(c), minority ?? [], options: options);

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void ByGroupCountsAndRatesMatchFairlearn(string name)
    {
        var c = Case(name);
        var confusion = GroupConfusion.Compute(YTrue(c), YPred(c), Groups(c),
            options: GroupConfusionOptions.FairlearnCompatible);
        var byGroup = c.GetProperty("fairlearn_0_12_0").GetProperty("metric_frame").GetProperty("by_group")
            .EnumerateArray().ToArray();

        Assert.Equal(byGroup.Select(g => Label(g.GetProperty("group"))), confusion.Groups); // same sorted order
        for (int g = 0; g < byGroup.Length; g++)
        {
            var rates = confusion.PerGroup[g];
            Assert.Equal(byGroup[g].GetProperty("n_label_pos").GetInt32(), rates.Counts.LabelPositives);
            Assert.Equal(byGroup[g].GetProperty("n_label_neg").GetInt32(), rates.Counts.LabelNegatives);
            Assert.Equal(byGroup[g].GetProperty("n_pred_pos").GetInt32(), rates.Counts.PredictedPositives);
            foreach (var (column, rate) in Columns)
                NumericAssert.Close(Number(byGroup[g].GetProperty(column)), rates.Get(rate),
                    $"{name} group {confusion.Groups[g]} {column}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void OverallDifferenceAndRatioMatchMetricFrame(string name)
    {
        var c = Case(name);
        var confusion = GroupConfusion.Compute(YTrue(c), YPred(c), Groups(c),
            options: GroupConfusionOptions.FairlearnCompatible);
        var frame = c.GetProperty("fairlearn_0_12_0").GetProperty("metric_frame");
        foreach (var (column, rate) in Columns)
        {
            NumericAssert.Close(Number(frame.GetProperty("overall").GetProperty(column)), confusion.Overall.Get(rate),
                $"{name} overall {column}");
            NumericAssert.Close(Number(frame.GetProperty("difference_between_groups").GetProperty(column)),
                confusion.Difference(rate), $"{name} difference {column}");
            NumericAssert.Close(Number(frame.GetProperty("ratio_between_groups").GetProperty(column)),
                confusion.Ratio(rate), $"{name} ratio {column}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void NamedMetricsMatchFairlearn0120(string name)
    {
        var c = Case(name);
        var expected = c.GetProperty("fairlearn_0_12_0");
        var report = Report(c, GroupConfusionOptions.FairlearnCompatible);
        foreach (var (key, metric) in new (string, FairnessMetric)[]
                 {
                     ("demographic_parity_difference", FairnessMetric.DemographicParityDifferenceBetweenGroups),
                     ("demographic_parity_ratio", FairnessMetric.DemographicParityRatioBetweenGroups),
                     ("equalized_odds_difference_worst_case",
                         FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase),
                     ("equalized_odds_difference_mean", FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean),
                     ("equalized_odds_ratio_worst_case", FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase),
                     ("equalized_odds_ratio_mean", FairnessMetric.EqualizedOddsRatioBetweenGroupsMean),
                     ("equal_opportunity_difference", FairnessMetric.EqualOpportunityDifferenceBetweenGroups),
                     ("equal_opportunity_ratio", FairnessMetric.EqualOpportunityRatioBetweenGroups),
                 })
            NumericAssert.Close(Number(expected.GetProperty(key)), report[metric], $"{name} {key}");
    }

    /// <summary>
    /// For two groups the minority-vs-rest unsigned metrics are fairlearn's between-groups ones (EqOd is
    /// equalized_odds_difference agg='mean'), whichever group is called the minority.
    /// </summary>
    [Theory]
    [MemberData(nameof(BinaryCases), MemberType = typeof(MetricsReference))]
    public void MinorityVsMajorityEqualsFairlearnForTwoGroups(string name)
    {
        var c = Case(name);
        var expected = c.GetProperty("fairlearn_0_12_0");
        foreach (var minority in new[] { "0", "1" })
        {
            var report = Report(c, GroupConfusionOptions.FairlearnCompatible, [minority]);
            NumericAssert.Close(Number(expected.GetProperty("demographic_parity_difference")),
                report.DemographicParityDifference, $"{name} dp");
            NumericAssert.Close(Number(expected.GetProperty("demographic_parity_ratio")), report.DemographicParityRatio,
                $"{name} dp ratio");
            NumericAssert.Close(Number(expected.GetProperty("equal_opportunity_difference")),
                report.EqualOpportunityDifference, $"{name} eop");
            NumericAssert.Close(Number(expected.GetProperty("equalized_odds_difference_worst_case")),
                report.EqualizedOddsDifferenceWorstCase, $"{name} eo worst");
            NumericAssert.Close(Number(expected.GetProperty("equalized_odds_difference_mean")), report.EqOd,
                $"{name} EqOd");
        }
    }

    /// <summary>
    /// fairlearn 0.9.0 agrees with 0.12.0 except where 0.12.0 returns a NaN ratio and 0.9.0 raised
    /// ZeroDivisionError. Our documented answer there: NaN (as 0.12.0) plus a warning naming the 0/0 ratio.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void Fairlearn090AgreesOrRaisedWhereWeReportNaNWithWarning(string name)
    {
        var c = Case(name);
        var old = c.GetProperty("fairlearn_0_9_0");
        var report = Report(c, GroupConfusionOptions.FairlearnCompatible);
        foreach (var (key, metric) in new (string, FairnessMetric)[]
                 {
                     ("demographic_parity_difference", FairnessMetric.DemographicParityDifferenceBetweenGroups),
                     ("demographic_parity_ratio", FairnessMetric.DemographicParityRatioBetweenGroups),
                     ("equalized_odds_difference", FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase),
                     ("equalized_odds_ratio", FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase),
                 })
        {
            var value = old.GetProperty(key);
            if (value.ValueKind == JsonValueKind.Object)
            {
                Assert.Contains("ZeroDivisionError", value.GetProperty("error").GetString());
                // 0.9.0 divided min by max for TPR and FPR separately: we report the 0/0 one as NaN and warn.
                Assert.True(double.IsNaN(report.Confusion.Ratio(GroupRate.FalsePositiveRate))
                    || double.IsNaN(report.Confusion.Ratio(GroupRate.TruePositiveRate)));
                Assert.Contains(report.Warnings, w => w.Contains("ratio") && w.Contains("0/0"));
            }
            else
            {
                NumericAssert.Close(Number(value), report[metric], $"{name} 0.9.0 {key}");
            }
        }
    }

    [Fact]
    public void TheZeroDivisionCaseIsNaNInOurDefaultModeToo()
    {
        var c = Case("all_fpr_zero");
        var report = Report(c, GroupConfusionOptions.Default, ["0"]);
        Assert.True(double.IsNaN(report.Confusion.Ratio(GroupRate.FalsePositiveRate)));
        // Default mode never lets an undefined part hide behind a defined one (fairlearn's worst_case returns the TPR
        // ratio).
        Assert.True(double.IsNaN(report.EqualizedOddsRatioBetweenGroupsWorstCase));
        Assert.True(double.IsNaN(report.EqualizedOddsRatioBetweenGroupsMean));
        Assert.Contains(report.Warnings, w => w.Contains("FalsePositiveRate") && w.Contains("0/0"));
    }

    [Fact]
    public void UndefinedRatesAreZeroWithWarningInCompatModeAndNaNByDefault()
    {
        var c = Case("group_without_positive_labels");
        var compat = GroupConfusion.Compute(YTrue(c), YPred(c), Groups(c),
            options: GroupConfusionOptions.FairlearnCompatible);
        var strict = GroupConfusion.Compute(YTrue(c), YPred(c), Groups(c));
        Assert.Equal(0.0, compat["0"].TruePositiveRate);
        Assert.True(double.IsNaN(strict["0"].TruePositiveRate));
        Assert.Contains("group '0' has no positive labels: TPR and FNR undefined (reported as 0 as fairlearn does)",
            compat.Warnings);
        Assert.Contains("group '0' has no positive labels: TPR and FNR undefined (NaN)", strict.Warnings);
        Assert.True(double.IsNaN(strict.Difference(GroupRate.TruePositiveRate)));
        Assert.Equal(0.5925925925925926, compat.Difference(GroupRate.TruePositiveRate));
    }
}
