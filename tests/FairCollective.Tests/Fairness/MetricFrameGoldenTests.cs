using System.Text.Json;
using FairCollective.Fairness;
using static FairCollective.Tests.Fairness.MetricsReference;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// <see cref="MetricFrame"/> against fairlearn 0.12.0's MetricFrame in metrics.json, every case (the intersectional
/// one built from its two sensitive columns, not from pre-joined labels), in fairlearn-compatibility mode, to 1e-12.
/// The file records by_group count, selection_rate, true_positive_rate, false_positive_rate and accuracy, their
/// overall values, difference() and ratio(), and each group's raw counts n_label_pos, n_label_neg, n_pred_pos.
/// fairlearn is not installable here (no PyPI), so the columns it does not record are derived from what it does:
/// FNR = 1 - TPR (0 where a group has no positive labels: sklearn's normalize='true' maps that row's 0/0 to 0, as it
/// does for TPR), error = 1 - accuracy, base rate = n_label_pos / count; their difference and ratio are max - min and
/// min / max of those derived per-group values, which is what fairlearn's between_groups does with any column.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricFrameGoldenTests
{
    private const double Tolerance = 1e-12;

    private static readonly string[] Recorded =
    [
        MetricFrameColumns.Count, MetricFrameColumns.SelectionRate, MetricFrameColumns.TruePositiveRate,
        MetricFrameColumns.FalsePositiveRate, MetricFrameColumns.Accuracy,
    ];

    /// <summary>The case's sensitive columns, separately, in fairlearn's order, with their names.</summary>
    internal static (string[] Names, string[][] Columns) Sensitive(JsonElement c)
    {
        var inputs = c.GetProperty("inputs");
        var names = inputs.GetProperty("sensitive_feature_order").EnumerateArray().Select(n
            => n.GetString()!).ToArray();
        var columns = names.Select(n
            =>
            inputs.GetProperty("sensitive_features").GetProperty(n).EnumerateArray().Select(Label).ToArray()).ToArray();
        return (names, columns);
    }

    private static MetricFrame Frame(JsonElement c, UndefinedRate mode = UndefinedRate.ZeroLikeFairlearn,
        IReadOnlyList<string>? minority = null)
    {
        var (names, columns) = Sensitive(c);
        // The reference passed one column as an unnamed array (fairlearn names it sensitive_feature_0, as our default)
        // and several as named columns.
        return MetricFrame.Compute(YTrue(c), YPred(c), columns,
            new MetricFrameOptions
            {
                SensitiveNames = names.Length > 1 ? names : null, UndefinedRate = mode,
                MinorityGroups = minority ?? []
            });
    }

    /// <summary>fairlearn's per-group values of every built-in column: recorded ones as recorded, the others derived
    /// (see class remarks).</summary>
    private static Dictionary<string, double[]> ExpectedByGroup(JsonElement[] byGroup)
    {
        double[] Col(string key) => byGroup.Select(g => Number(g.GetProperty(key))).ToArray();
        var expected = Recorded.ToDictionary(k => k, Col);
        var labelPos = Col("n_label_pos");
        var count = Col("count");
        var tpr = expected[MetricFrameColumns.TruePositiveRate];
        expected[MetricFrameColumns.FalseNegativeRate] = tpr.Select((t, g) => labelPos[g] > 0 ? 1 - t : 0.0).ToArray();
        expected[MetricFrameColumns.ErrorRate] = expected[MetricFrameColumns.Accuracy].Select(a => 1 - a).ToArray();
        expected[MetricFrameColumns.BaseRate] = labelPos.Select((p, g) => p / count[g]).ToArray();
        return expected;
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void ByGroupMatchesFairlearnMetricFrame(string name)
    {
        var c = Case(name);
        var frame = Frame(c);
        var mf = c.GetProperty("fairlearn_0_12_0").GetProperty("metric_frame");
        var byGroup = mf.GetProperty("by_group").EnumerateArray().ToArray();

        Assert.Equal(byGroup.Select(g => Label(g.GetProperty("group"))), frame.Groups);
        Assert.Equal(mf.GetProperty("sensitive_feature_names").EnumerateArray().Select(n => n.GetString()),
            frame.SensitiveNames);
        for (int g = 0; g < byGroup.Length; g++)
        {
            var value = byGroup[g].GetProperty("group");
            var parts = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Label).ToArray() :
                [Label(value)];
            Assert.Equal(parts, frame.GroupValues[g]);
        }
        foreach (var (column, expected) in ExpectedByGroup(byGroup))
            for (int g = 0; g < byGroup.Length; g++)
                NumericAssert.Close(expected[g], frame.ByGroup(column)[g], $"{name} {frame.Groups[g]} {column}",
                    Tolerance);
        Assert.Equal(MetricFrameColumns.BuiltIn, frame.Columns);
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void OverallDifferenceAndRatioMatchFairlearnMetricFrame(string name)
    {
        var c = Case(name);
        var frame = Frame(c);
        var mf = c.GetProperty("fairlearn_0_12_0").GetProperty("metric_frame");
        foreach (var column in Recorded)
        {
            NumericAssert.Close(Number(mf.GetProperty("overall").GetProperty(column)), frame.Overall(column),
                $"{name} overall {column}", Tolerance);
            NumericAssert.Close(Number(mf.GetProperty("difference_between_groups").GetProperty(column)),
                frame.Difference(column), $"{name} difference {column}", Tolerance);
            NumericAssert.Close(Number(mf.GetProperty("ratio_between_groups").GetProperty(column)), frame.Ratio(column),
                $"{name} ratio {column}", Tolerance);
        }

        // Derived columns: overall from the summed raw counts, difference and ratio from the derived per-group values.
        var byGroup = mf.GetProperty("by_group").EnumerateArray().ToArray();
        double labelPos = byGroup.Sum(g => g.GetProperty("n_label_pos").GetDouble()), n = byGroup.Sum(g
            => g.GetProperty("count").GetDouble());
        double overallTpr = Number(mf.GetProperty("overall").GetProperty("true_positive_rate"));
        NumericAssert.Close(labelPos / n, frame.Overall(MetricFrameColumns.BaseRate), $"{name} overall base rate",
            Tolerance);
        NumericAssert.Close(labelPos > 0 ? 1 - overallTpr : 0, frame.Overall(MetricFrameColumns.FalseNegativeRate),
            $"{name} overall FNR", Tolerance);
        NumericAssert.Close(1 - Number(mf.GetProperty("overall").GetProperty("accuracy")),
            frame.Overall(MetricFrameColumns.ErrorRate), $"{name} overall error", Tolerance);
        foreach (var (column, values) in ExpectedByGroup(byGroup))
        {
            NumericAssert.Close(values.Max() - values.Min(), frame.Difference(column), $"{name} difference {column}",
                Tolerance);
            NumericAssert.Close(values.Max() == 0 ? double.NaN : values.Min() / values.Max(), frame.Ratio(column),
                $"{name} ratio {column}", Tolerance);
        }
    }

    [Fact]
    public void IntersectionalGroupsAreTheSexRaceCombinations()
    {
        var frame = Frame(Case("intersectional_sex_x_race_n1000"));
        Assert.Equal(["F x r1", "F x r2", "F x r3", "M x r1", "M x r2", "M x r3"], frame.Groups);
        Assert.Equal([261, 144, 49, 312, 174, 60], frame.RowCounts);
        Assert.Equal(0.6428571428571429, frame["F x r2", MetricFrameColumns.TruePositiveRate]);
        Assert.Equal(0.3684589220303506, frame.Difference(MetricFrameColumns.SelectionRate));
        // Every group has at least 30 rows and every rate is defined, but two rates rest on fewer than 30 labels.
        Assert.Equal(
        [
            "group 'F x r3' has 10 rows with y = 1, fewer than 30: its TPR and FNR are too noisy to compare",
            "group 'M x r3' has 29 rows with y = 0, fewer than 30: its FPR is too noisy to compare",
        ], frame.Warnings);
    }

    /// <summary>
    /// With a designated minority the frame carries the two-group metrics: for two groups fairlearn's (unsigned)
    /// values, and signed gaps that are AIF360's unprivileged-minus-privileged ones.
    /// </summary>
    [Theory]
    [MemberData(nameof(BinaryCases), MemberType = typeof(MetricsReference))]
    public void MinorityGapsMatchAif360AndTwoGroupMetricsMatchFairlearn(string name)
    {
        var c = Case(name);
        var aif = c.GetProperty("aif360");
        string unprivileged = Label(aif.GetProperty("unprivileged_groups")[0].GetProperty("a"));
        var frame = Frame(c, UndefinedRate.NaN, [unprivileged]);
        NumericAssert.Close(Number(aif.GetProperty("statistical_parity_difference")),
            frame.MinorityGap(MetricFrameColumns.SelectionRate), name);
        NumericAssert.Close(Number(aif.GetProperty("true_positive_rate_difference")),
            frame.MinorityGap(MetricFrameColumns.TruePositiveRate), name);
        NumericAssert.Close(Number(aif.GetProperty("false_positive_rate_difference")),
            frame.MinorityGap(MetricFrameColumns.FalsePositiveRate), name);
        NumericAssert.Close(Number(aif.GetProperty("error_rate_difference")),
            frame.MinorityGap(MetricFrameColumns.ErrorRate), name);
        NumericAssert.Close(Number(aif.GetProperty("average_abs_odds_difference")), frame.Minority!.EqOd, name);

        var fl = c.GetProperty("fairlearn_0_12_0");
        var compat = Frame(c, UndefinedRate.ZeroLikeFairlearn, [unprivileged]).Minority!;
        NumericAssert.Close(Number(fl.GetProperty("demographic_parity_difference")), compat.DemographicParityDifference,
            name);
        NumericAssert.Close(Number(fl.GetProperty("demographic_parity_ratio")), compat.DemographicParityRatio, name);
        NumericAssert.Close(Number(fl.GetProperty("equal_opportunity_difference")), compat.EqualOpportunityDifference,
            name);
        NumericAssert.Close(Number(fl.GetProperty("equalized_odds_difference_mean")), compat.EqOd, name);
        NumericAssert.Close(Number(fl.GetProperty("equalized_odds_difference_worst_case")),
            compat.EqualizedOddsDifferenceWorstCase, name);
    }
}
