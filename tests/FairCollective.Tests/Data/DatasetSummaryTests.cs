using FairCollective.Data;

namespace FairCollective.Tests.Data;

[Trait(TestKind.Name, TestKind.Unit)]
public class DatasetSummaryTests
{
    [Fact]
    public void CountsBaseRatesAndSplitsOfAHandCheckableDataset()
    {
        var d = new Dataset("toy",
            [FeatureColumn.Numeric("x", [1, double.NaN, 3, 4, 5]), FeatureColumn.Categorical("c", ["u", "v", null, "u",
                "w"])],
            [1, 0, 1, 1, 0],
            new SensitiveAttribute("g", ["a", "b", "b", "a", "b"], ["b"]),
            ["1", "2", "3", "4", "5"],
            ["train", "train", "test", "train", "test"]);
        var s = DatasetSummary.Describe(d);
        Assert.Equal(5, s.Rows);
        Assert.Equal([new FeatureSummary("x", FeatureKind.Numeric, 1, null), new FeatureSummary("c",
            FeatureKind.Categorical, 1, 3)], s.Features);
        Assert.Equal(3, s.Positives);
        Assert.Equal(0.6, s.PositiveRate);
        Assert.Equal([new GroupSummary("a", false, 2, 2, 1.0), new GroupSummary("b", true, 3, 1, 1.0 / 3)], s.Groups);
        Assert.Equal(0.6, s.MinorityShare);
        Assert.Equal([new SplitCount("train", 3), new SplitCount("test", 2)], s.Splits!);
        Assert.Equal(["b"], s.MinorityGroups);
    }

    [Fact]
    public void CompasSummaryMatchesTheKnownCounts()
    {
        var s = DatasetSummary.Describe(FairCollective.Data.Sources.CompasLoader.LoadBundled());
        Assert.Equal(5278, s.Rows);
        Assert.Equal([3175, 2103], s.Groups.Select(g => g.Count));
        Assert.Equal(3175.0 / 5278, s.MinorityShare);
        Assert.Null(s.Splits);
        Assert.Equal(s.Groups.Sum(g => g.Positives), s.Positives);
    }
}
