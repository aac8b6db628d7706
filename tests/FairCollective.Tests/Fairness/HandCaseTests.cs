using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>A ten-row case whose every metric is worked out by hand in the comments.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class HandCaseTests
{
    // Group a (rest): (y, yhat) = (1,1) (1,0) (0,0) (0,0)             TPR 1/2, FPR 0,   selection 1/4, error 1/4
    // Group b (minority): (1,1) (1,1) (1,1) (0,1) (0,0) (0,0)        TPR 1,   FPR 1/3, selection 2/3, error 1/6
    private static readonly int[] YTrue = [1, 1, 0, 0, 1, 1, 1, 0, 0, 0];
    private static readonly int[] YPred = [1, 0, 0, 0, 1, 1, 1, 1, 0, 0];
    private static readonly string[] Group = ["a", "a", "a", "a", "b", "b", "b", "b", "b", "b"];

    private static void Is(double expected, double actual) => NumericAssert.Close(expected, actual, "hand case");

    [Fact]
    public void EveryMetricHasItsHandComputedValue()
    {
        var r = FairnessReport.Compute(YTrue, YPred, Group, ["b"]);
        Is(0.8, r.Accuracy);
        Is(0.2, r.ErrorRate);
        Is(0.5, r.SelectionRate);
        Is(1.0 / 6, r.MinorityErrorRate);
        Is(0.25, r.MajorityErrorRate);
        Is(1.0 / 6 - 0.25, r.ErrorRateDifferenceSigned);                 // -1/12
        Is(2.0 / 3 - 0.25, r.DemographicParityDifferenceSigned);         // 5/12
        Is(2.0 / 3 / 0.25, r.DisparateImpact);                           // 8/3
        Is(0.25 / (2.0 / 3), r.DemographicParityRatio);                  // 3/8
        Is(0.5, r.EqualOpportunityDifferenceSigned);
        Is(1.0 / 3, r.FalsePositiveRateDifferenceSigned);
        Is(0.5 * (1.0 / 3 + 0.5), r.AverageOddsDifferenceSigned);       // 5/12
        Is(0.5 * (1.0 / 3 + 0.5), r.EqOd);
        Is(0.5, r.EqualizedOddsDifferenceWorstCase);
        Is(0.0, r.EqualizedOddsRatioBetweenGroupsWorstCase);              // FPR ratio 0 / (1/3)
        Is(0.25, r.EqualizedOddsRatioBetweenGroupsMean);                  // (1/2 + 0) / 2
        Is(0.25 - 1.0 / 6, r.ErrorRateDifferenceBetweenGroups);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void SensitiveAttributeSuppliesGroupsAndMinority()
    {
        var sensitive = new SensitiveAttribute("a", Group, ["b"]);
        Assert.Equal(FairnessReport.Compute(YTrue, YPred, Group, ["b"]).Values.ToArray(),
            FairnessReport.Compute(YTrue, YPred, sensitive).Values.ToArray());
    }

    [Fact]
    public void SwappingTheMinorityFlipsSignsAndKeepsUnsignedValues()
    {
        var b = FairnessReport.Compute(YTrue, YPred, Group, ["b"]);
        var a = FairnessReport.Compute(YTrue, YPred, Group, ["a"]);
        Assert.Equal(-b.EqualOpportunityDifferenceSigned, a.EqualOpportunityDifferenceSigned);
        Assert.Equal(-b.DemographicParityDifferenceSigned, a.DemographicParityDifferenceSigned);
        Assert.Equal(b.EqOd, a.EqOd);
        Is(1 / b.DisparateImpact, a.DisparateImpact);
    }

    [Fact]
    public void MinorityIsAPooledSetOfGroupLabels()
    {
        // Split b into b1 and b2: pooling both as the minority gives exactly the two-group numbers.
        string[] split = ["a", "a", "a", "a", "b1", "b2", "b1", "b2", "b1", "b2"];
        var pooled = FairnessReport.Compute(YTrue, YPred, split, ["b1", "b2"]);
        var twoGroups = FairnessReport.Compute(YTrue, YPred, Group, ["b"]);
        foreach (var metric in MetricCatalog.All.Where(d => !d.BetweenGroups).Select(d => d.Metric!.Value))
            Assert.Equal(twoGroups[metric], pooled[metric]);
        Assert.Equal(["a", "b1", "b2"], pooled.Confusion.Groups);
    }

    [Fact]
    public void AbsentMinorityLabelAndSingleGroupAreWarnedNotHidden()
    {
        var r = FairnessReport.Compute(YTrue, YPred, Group, ["c"]);
        Assert.Contains("minority group 'c' does not occur in the data", r.Warnings);
        Assert.True(double.IsNaN(r.EqOd));
        Assert.Contains(r.Warnings, w => w.StartsWith("the pooled minority has no rows"));
    }

    [Fact]
    public void AGroupWhoseWeightsSumToZeroIsSaidToHaveZeroWeightNotNoRows()
    {
        var weights = Group.Select(g => g == "b" ? 0.0 : 1.0).ToArray();
        var r = FairnessReport.Compute(YTrue, YPred, Group, ["b"], weights);
        Assert.Contains("group 'b' has rows, but their weights sum to zero: every rate undefined (NaN)", r.Warnings);
        Assert.DoesNotContain(r.Warnings, w => w.Contains("has no rows", StringComparison.Ordinal));
        Assert.True(double.IsNaN(r.EqOd));
    }

    [Fact]
    public void UserMistakesAreUserInputExceptionsNamingTheRow()
    {
        Assert.Contains("row 2", Assert.Throws<UserInputException>(() => GroupConfusion.Compute([1, 0, 2], [1, 0, 0],
            ["a", "a", "b"])).Message);
        Assert.Contains("row 1", Assert.Throws<UserInputException>(() => GroupConfusion.Compute([1, 0], [1, -1], ["a",
            "b"])).Message);
        Assert.Contains("Predictions have 1 rows", Assert.Throws<UserInputException>(() => GroupConfusion.Compute([1,
            0], [1], ["a", "b"])).Message);
        Assert.Contains("Sensitive groups have 1 rows", Assert.Throws<UserInputException>(()
            => GroupConfusion.Compute([1, 0], [1, 0], ["a"])).Message);
        Assert.Contains("Sample weights have 1 rows", Assert.Throws<UserInputException>(() => GroupConfusion.Compute([1,
            0], [1, 0], ["a", "b"], [1.0])).Message);
        Assert.Contains("row 1", Assert.Throws<UserInputException>(() => GroupConfusion.Compute([1, 0], [1, 0], ["a",
            "b"], [1.0, -1.0])).Message);
        Assert.Contains("row 0", Assert.Throws<UserInputException>(() => GroupConfusion.Compute([1, 0], [1, 0], ["a",
            "b"], [double.NaN, 1.0])).Message);
        Assert.Contains("row 1", Assert.Throws<UserInputException>(() => new GroupIndex([0, 2], ["a", "b"])).Message);
    }
}
