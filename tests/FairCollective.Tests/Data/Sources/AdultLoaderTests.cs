using FairCollective.Data;
using FairCollective.Data.Sources;

namespace FairCollective.Tests.Data.Sources;

[Trait(TestKind.Name, TestKind.Unit)]
public class AdultLoaderTests
{
    [Fact]
    public void RawCountsAre32561Plus16281()
    {
        var d = AdultLoader.LoadBundled(AdultOptions.Default with { DropMissingRows = false });
        Assert.Equal(32561, d.PredefinedSplit!.Count(s => s == "train"));
        Assert.Equal(16281, d.PredefinedSplit!.Count(s => s == "test"));
        Assert.Equal("train:1", d.Ids[0]);
        Assert.Equal("test:16281", d.Ids[^1]);
        // Kept "?" become missing categories; Adult's numeric columns have none.
        Assert.Contains(d.Features.Single(f => f.Name == "workclass").Categories!, v => v is null);
        Assert.DoesNotContain(d.Features.Single(f => f.Name == "workclass").Categories!, v => v == "?");
    }

    [Fact]
    public void DroppingRowsWithMissingValuesLeaves45222()
    {
        var d = AdultLoader.LoadBundled();
        Assert.Equal(45222, d.RowCount);
        Assert.Equal(30162, d.PredefinedSplit!.Count(s => s == "train"));
        Assert.Equal(15060, d.PredefinedSplit!.Count(s => s == "test"));
        Assert.All(d.Features, f => Assert.DoesNotContain(f.Categories ?? [], v => v is null));
        // UCI's published class balance after dropping "?": 11,208 of 45,222 earn >50K.
        Assert.Equal(11208, d.Labels.Sum());
        Assert.Equal(14695, d.Sensitive.Membership.Count(a => a));
        Assert.InRange(CompasLoaderTests.BaseRate(d, "Female"), 0.11, 0.12);
        Assert.InRange(CompasLoaderTests.BaseRate(d, "Male"), 0.31, 0.32);
    }

    [Fact]
    public void DefaultFeaturesDropFnlwgtAndEducationAndKeepSex()
    {
        var d = AdultLoader.LoadBundled();
        Assert.Equal(["age", "workclass", "education-num", "marital-status", "occupation", "relationship", "race",
            "sex",
            "capital-gain", "capital-loss", "hours-per-week", "native-country"], d.Features.Select(f => f.Name));
        Assert.Equal(FeatureKind.Numeric, d.Features[0].Kind);
        Assert.Equal(39, d.Features[0].Numbers![0]); // first record of adult.data: "39, State-gov, 77516, ..."
        Assert.Equal("State-gov", d.Features[1].Categories![0]);
        var all = AdultLoader.LoadBundled(AdultOptions.Default with
        {
            DropFnlwgt = false,
            DropEducation = false,
            SexAsFeature = false
        });
        Assert.Equal(77516, all.Features.Single(f => f.Name == "fnlwgt").Numbers![0]);
        Assert.Equal("Bachelors", all.Features.Single(f => f.Name == "education").Categories![0]);
        Assert.DoesNotContain(all.Features, f => f.Name == "sex");
    }

    [Fact]
    public void TestLabelsLoseTheirTrailingPeriod()
    {
        var d = AdultLoader.LoadBundled(AdultOptions.Default with { DropMissingRows = false });
        // adult.test's first record: "25, Private, 226802, 11th, 7, ..., <=50K." ; its third: "..., >50K."
        int first = Array.IndexOf(d.Ids, "test:1");
        Assert.Equal(25, d.Features[0].Numbers![first]);
        Assert.Equal(0, d.Labels[first]);
        Assert.Equal(1, d.Labels[first + 2]);
    }
}
