using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>Hand-checked values of <see cref="MetricFrame"/>: minority gaps, weights, user metrics and
/// warnings.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricFrameTests
{
    // Group a: TP 2 (rows 0, 11), FN 2 (rows 2, 8), FP 1 (row 6), TN 1 (row 1). Group b: TP 3, TN 3.
    private static readonly int[] YTrue = [1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1];
    private static readonly int[] YPred = [1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1];
    private static readonly string[] Group = ["a", "a", "a", "b", "b", "b", "a", "b", "a", "b", "b", "a"];

    /// <summary>Sum of weights (or rows) with y = 1 and yhat = 0.</summary>
    private static readonly UserMetric FalseNegatives = new("false_negatives",
        (t, p, w) => Enumerable.Range(0, t.Length).Where(i => t[i] == 1 && p[i] == 0).Sum(i => w?[i] ?? 1.0));

    [Fact]
    public void ByGroupOverallAndMinorityGapsAreTheHandCountedOnes()
    {
        var frame = MetricFrame.Compute(YTrue, YPred, Group, new MetricFrameOptions
        {
            MinorityGroups = ["a"],
            UserMetrics = [FalseNegatives]
        });
        Assert.Equal([.. MetricFrameColumns.BuiltIn, "false_negatives"], frame.Columns);
        Assert.Equal([6.0, 6.0], frame.ByGroup(MetricFrameColumns.Count));
        Assert.Equal([4 / 6.0, 0.5], frame.ByGroup(MetricFrameColumns.BaseRate));
        Assert.Equal([0.5, 1.0], frame.ByGroup(MetricFrameColumns.TruePositiveRate));
        Assert.Equal([0.5, 0.0], frame.ByGroup(MetricFrameColumns.FalsePositiveRate));
        Assert.Equal([0.5, 0.0], frame.ByGroup(MetricFrameColumns.FalseNegativeRate));
        Assert.Equal([0.5, 0.0], frame.ByGroup(MetricFrameColumns.ErrorRate));
        Assert.Equal([2.0, 0.0], frame.ByGroup("false_negatives"));
        Assert.Equal(12.0, frame.Overall(MetricFrameColumns.Count));
        Assert.Equal(0.75, frame.Overall(MetricFrameColumns.Accuracy));
        Assert.Equal(2.0, frame.Overall("false_negatives"));
        Assert.Equal(0.5, frame.Difference(MetricFrameColumns.TruePositiveRate));
        Assert.Equal(0.5, frame.Ratio(MetricFrameColumns.TruePositiveRate));
        Assert.Equal(2.0, frame.Difference("false_negatives"));
        Assert.Equal(0.0, frame.Ratio("false_negatives"));

        Assert.Equal(-0.5, frame.MinorityGap(MetricFrameColumns.TruePositiveRate));
        Assert.Equal(0.5, frame.MinorityGap(MetricFrameColumns.FalsePositiveRate));
        Assert.Equal(0.5, frame.MinorityGap(MetricFrameColumns.ErrorRate));
        Assert.Equal(2.0, frame.MinorityGap("false_negatives"));
        Assert.Equal(0.0, frame.Minority!.DemographicParityDifference);
        Assert.Equal(1.0, frame.Minority.DemographicParityRatio);
        Assert.Equal(0.5, frame.Minority.EqualOpportunityDifference);
        Assert.Equal(0.5, frame.Minority.EqOd);
        Assert.Equal(0.5, frame.Minority.EqualizedOddsDifferenceWorstCase);
        Assert.Equal(-0.5, frame.Minority.EqualOpportunityDifferenceSigned);
    }

    [Fact]
    public void GroupsWithFewRowsOrFewLabelsOfAKindAreNamedInOneLineEach()
    {
        // Group a: 6 rows, 4 with y = 1 (its TPR and FNR) and 2 with y = 0 (its FPR); group b: 3 and 3.
        Assert.Equal(30, MetricFrameOptions.DefaultSmallGroupRows);
        var frame = MetricFrame.Compute(YTrue, YPred, Group);
        Assert.Equal(
        [
            "group 'a' has 6 rows (4 with y = 1, 2 with y = 0), fewer than 30: its rates are too noisy to compare",
            "group 'b' has 6 rows (3 with y = 1, 3 with y = 0), fewer than 30: its rates are too noisy to compare",
        ], frame.Warnings);
        // Enough rows, but a rate rests on fewer labels than the threshold: both kinds, one kind, or none (few
        // positives alone: MetricFrameGoldenTests' F x r3).
        Assert.Equal(
        [
            "group 'a' has 4 rows with y = 1 and 2 with y = 0, each fewer than 6: its TPR, FNR and FPR are too noisy " +
                "to compare",
            "group 'b' has 3 rows with y = 1 and 3 with y = 0, each fewer than 6: its TPR, FNR and FPR are too noisy " +
                "to compare",
        ], MetricFrame.Compute(YTrue, YPred, Group, new MetricFrameOptions { SmallGroupRows = 6 }).Warnings);
        Assert.Equal(["group 'a' has 2 rows with y = 0, fewer than 3: its FPR is too noisy to compare"],
            MetricFrame.Compute(YTrue, YPred, Group, new MetricFrameOptions { SmallGroupRows = 3 }).Warnings);
        Assert.Empty(MetricFrame.Compute(YTrue, YPred, Group, new MetricFrameOptions { SmallGroupRows = 2 }).Warnings);
    }

    [Fact]
    public void WeightsWeighRatesButCountIsRows()
    {
        double[] w = [1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1]; // row 2: group a, y = 1, yhat = 0
        var frame = MetricFrame.Compute(YTrue, YPred, Group, new MetricFrameOptions
        {
            SampleWeights = w,
            UserMetrics = [FalseNegatives], SmallGroupRows = 0
        });
        Assert.Equal(6.0, frame["a", MetricFrameColumns.Count]);
        Assert.Equal(0.75, frame["a", MetricFrameColumns.BaseRate]); // 6 of weight 8
        Assert.Equal(2 / 6.0, frame["a", MetricFrameColumns.TruePositiveRate]);
        Assert.Equal(4 / 6.0, frame["a", MetricFrameColumns.FalseNegativeRate]);
        Assert.Equal(4.0, frame["a", "false_negatives"]);
        Assert.Equal(4.0, frame.Overall("false_negatives"));
    }

    [Fact]
    public void IntersectionsAreLabelledLikeFairlearnAndKeepTheirParts()
    {
        var frame = MetricFrame.Compute([1, 0, 1, 0], [1, 1, 0, 0], [["F", "F", "M", "M"], ["x", "y", "x", "x"]],
            new MetricFrameOptions { SensitiveNames = ["sex", "race"], SmallGroupRows = 0 });
        Assert.Equal(["F x x", "F x y", "M x x"], frame.Groups);
        Assert.Equal(["M", "x"], frame.GroupValues[2]);
        Assert.Equal([1.0, 1.0, 2.0], frame.ByGroup(MetricFrameColumns.Count));
    }

    [Fact]
    public void UndefinedValuesAreNaNWithOneWarningEach()
    {
        var frame = MetricFrame.Compute([0, 0, 1, 0], [1, 0, 1, 0], ["c", "c", "d", "d"], new MetricFrameOptions
        {
            SmallGroupRows = 0,
            UserMetrics = [new UserMetric("zero", (_, _, _) => 0), new UserMetric("nan", (_, _, _) => double.NaN)],
        });
        Assert.True(double.IsNaN(frame["c", MetricFrameColumns.TruePositiveRate]));
        Assert.True(double.IsNaN(frame["c", MetricFrameColumns.FalseNegativeRate]));
        Assert.True(double.IsNaN(frame.Difference(MetricFrameColumns.TruePositiveRate)));
        Assert.Equal(
        [
            "group 'c' has no positive labels: TPR and FNR undefined (NaN)",
            "nan is undefined (NaN) for groups 'c', 'd'",
            "between-groups ratio of zero: every group has zero 0, so the ratio is 0/0 (NaN)",
        ], frame.Warnings);
    }

    [Fact]
    public void AUserMetricNamedLikeABuiltInIsRefused()
    {
        var e = Assert.Throws<UserInputException>(() => MetricFrame.Compute(YTrue, YPred, Group,
            new MetricFrameOptions { UserMetrics = [new UserMetric("accuracy", (_, _, _) => 1)] }));
        Assert.StartsWith("User metric 'accuracy' has the name of another column", e.Message);
    }

    [Fact]
    public void AMinorityLabelNoRowCarriesIsAWarningAndGapsNeedAMinority()
    {
        var frame = MetricFrame.Compute(YTrue, YPred, Group, new MetricFrameOptions
        {
            MinorityGroups = ["z"],
            SmallGroupRows = 0
        });
        Assert.Contains("minority group 'z' does not occur in the data", frame.Warnings);
        Assert.Throws<InvalidOperationException>(() => MetricFrame.Compute(YTrue, YPred,
            Group).MinorityGap(MetricFrameColumns.SelectionRate));
    }

    /// <summary>
    /// With a bootstrap the frame carries intervals drawn exactly as <see cref="FairnessBootstrap"/> draws them (same
    /// resamples): the two-group metrics' intervals are FairnessBootstrap's, a column's between-groups difference is
    /// its between-groups metric's, each group's rate and the minority's gap get percentile intervals holding their
    /// values, the count and user metrics have none, and the thread count changes nothing.
    /// </summary>
    [Fact]
    public void IntervalsAreFairnessBootstrapsOverTheSameResamples()
    {
        var rng = Seeds.Create(8, "test-data");
        int n = 1_500;
        var yTrue = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? 1 : 0).ToArray();
        var group = Enumerable.Range(0, n).Select(i => i % 4 == 0 ? "m" : "w").ToArray();
        var yPred = yTrue.Select((y, i)
            => rng.NextDouble() < (y == 1 ? 0.7 : 0.3) + (group[i] == "m" ? 0.1 : 0) ? 1 : 0).ToArray();
        var bootstrap = new BootstrapOptions { Resamples = 300, Seed = 4 };
        var options = new MetricFrameOptions
        {
            MinorityGroups = ["m"], UserMetrics = [FalseNegatives],
            Bootstrap = bootstrap
        };
        var frame = MetricFrame.Compute(yTrue, yPred, group, options);
        var intervals = frame.Intervals!;
        Assert.Same(bootstrap, intervals.Options);
        FairnessMetric[] metrics = [FairnessMetric.EqOd, FairnessMetric.DemographicParityRatio,
            FairnessMetric.DisparateImpact, FairnessMetric.EqualOpportunityDifferenceBetweenGroups];
        var expected = FairnessBootstrap.Compute(yTrue, yPred, GroupIndex.From(group), ["m"], metrics, bootstrap);
        Assert.Equal((expected[0].Lower, expected[0].Upper), intervals[FairnessMetric.EqOd]);
        Assert.Equal((expected[1].Lower, expected[1].Upper), intervals[FairnessMetric.DemographicParityRatio]);
        Assert.Equal((expected[2].Lower, expected[2].Upper), intervals[FairnessMetric.DisparateImpact]);
        Assert.Equal((expected[3].Lower, expected[3].Upper), intervals.Difference(MetricFrameColumns.TruePositiveRate));
        for (int g = 0; g < 2; g++)
        {
            var (low, high) = intervals.ByGroup(MetricFrameColumns.SelectionRate, g);
            Assert.InRange(frame.ByGroup(MetricFrameColumns.SelectionRate)[g], low, high);
        }
        var gap = intervals.MinorityGap(MetricFrameColumns.TruePositiveRate);
        Assert.InRange(frame.MinorityGap(MetricFrameColumns.TruePositiveRate), gap.Low, gap.High);
        Assert.True(double.IsNaN(intervals.Overall(MetricFrameColumns.Count).Low)
            && double.IsNaN(intervals.ByGroup("false_negatives", 0).High));
        Assert.True(double.IsNaN(intervals[FairnessMetric.DemographicParityDifferenceBetweenGroups].Low));
        // see Difference(selection_rate)
        var serial = MetricFrame.Compute(yTrue, yPred, group,
            options with { Bootstrap = bootstrap with { MaxDegreeOfParallelism = 1 } }).Intervals!;
        foreach (var column in MetricFrameColumns.BuiltIn)
            Assert.Equal((intervals.Overall(column), intervals.Difference(column), intervals.Ratio(column),
                intervals.MinorityValue(column)),
                (serial.Overall(column), serial.Difference(column), serial.Ratio(column),
                    serial.MinorityValue(column)));
        Assert.Null(MetricFrame.Compute(yTrue, yPred, group).Intervals);
    }
}
