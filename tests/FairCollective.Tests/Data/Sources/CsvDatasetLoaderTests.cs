using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;

using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

[Trait(TestKind.Name, TestKind.Unit)]
public class CsvDatasetLoaderTests
{
    private const string People =
        "pid,age,job,sex,race,income\n" +
        "p1,30,clerk,F,B,high\n" +
        "p2,41,?,M,W,low\n" +
        "p3,25,smith,F,W,low\n" +
        "p4,NA,clerk,M,B,high\n" +
        "p5,52,smith,F,B,low\n";

    private const string Spec = """
        path: people.csv
        id: pid
        label: { column: income, favourable: [high], unfavourable: [low] }
        sensitive: { columns: [sex, race], minority: ["F x B"] }
        """;

    [Fact]
    public void DropRowPolicyInferredKindsAndIntersectionalGroups()
    {
        using var dir = new TempDirectory();
        dir.Write("people.csv", People);
        var d = DatasetSpecFile.LoadData(dir.Write("spec.yaml", Spec));
        Assert.Equal("people", d.Name);
        Assert.Equal(["p1", "p3", "p5"], d.Ids); // p2 ('?') and p4 ('NA') dropped
        Assert.Equal([1, 0, 0], d.Labels);
        Assert.Equal(["F x B", "F x W", "F x B"], d.Sensitive.GroupOfRow);
        Assert.Equal([true, false, true], d.Sensitive.Membership);
        Assert.Equal("sex x race", d.Sensitive.Name);
        Assert.Equal(["age", "job", "sex", "race"], d.Features.Select(f => f.Name));
        Assert.Equal([30.0, 25, 52], d.Features[0].Numbers!);
        Assert.Equal(FeatureKind.Categorical, d.Features[1].Kind);
    }

    [Fact]
    public void KeepPolicyLeavesNaNAndNullForTheEncoderAndJsonSpecsWork()
    {
        using var dir = new TempDirectory();
        dir.WriteGzip("people.csv.gz", People);
        string json = """
            {"path": "people.csv.gz", "label": {"column": "income", "favourable": ["high"]},
             "sensitive": {"columns": ["sex"], "minority": ["F"], "groups": ["F", "M"], "as_feature": false},
             "missing": {"policy": "keep"}}
            """;
        var d = DatasetSpecFile.LoadData(dir.Write("spec.json", json));
        Assert.Equal(["0", "1", "2", "3", "4"], d.Ids); // no id column: 0-based data row numbers
        Assert.Equal(["pid", "age", "job", "race"], d.Features.Select(f => f.Name));
        Assert.True(double.IsNaN(d.Features[1].Numbers![3]));
        Assert.Null(d.Features[2].Categories![1]);
        Assert.Equal(3, d.Sensitive.Membership.Count(a => a));
    }

    [Fact]
    public void DeclaredKindsHeaderlessFilesAndTabs()
    {
        using var dir = new TempDirectory();
        string data = dir.Write("t.tsv", "1\ta\tyes\n2\tb\tno\n3\ta\tno\n");
        string spec = dir.Write("s.yaml", """
            separator: "\t"
            header: false
            label: { column: "3", favourable: ["yes"] }
            sensitive: { columns: ["2"], minority: [b] }
            features: [ { name: "1", kind: categorical } ]
            """);
        var d = DatasetSpecFile.LoadData(spec, data);
        Assert.Single(d.Features);
        Assert.Equal(new string?[] { "1", "2", "3" }, d.Features[0].Categories!);
        Assert.Equal([1, 0, 0], d.Labels);
    }

    [Fact]
    public void ErrorPolicyStopsAtTheFirstMissingFeature()
    {
        using var dir = new TempDirectory();
        string data = dir.Write("people.csv", People);
        var e = Assert.Throws<UserInputException>(() =>
            CsvDatasetLoader.Load(DatasetSpecFile.Parse(Spec + "\nmissing: { policy: error }", "spec.yaml"),
                "spec.yaml", data));
        Assert.Equal($"{data}, line 3, column 'job': missing value '?' (missing.policy is error)", e.Message);
    }
}
