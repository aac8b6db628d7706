using FairCollective.Common;
using FairCollective.Data.Sources;

using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

/// <summary>Every user mistake is a one-line <see cref="UserInputException"/> naming what is wrong and where.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class BadInputTests
{
    private const string Spec =
        "label: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\n" +
        "sensitive: { columns: [g], minority: [b], groups: [a, b] }\n";

    private static UserInputException Load(string csv, string spec = Spec)
    {
        using var dir = new TempDirectory();
        string data = dir.Write("d.csv", csv);
        string specPath = dir.Write("s.yaml", spec);
        var e = Assert.Throws<UserInputException>(() => DatasetSpecFile.LoadData(specPath, data));
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    private static string Msg(UserInputException e) =>
        // Paths are temp paths: keep their file name only.
        System.Text.RegularExpressions.Regex.Replace(e.Message, @"/\S*/(\w+\.\w+)", "$1");

    [Fact]
    public void MalformedRowReportsFileLineAndFieldCount() =>
        Assert.Equal("d.csv, line 3: 4 fields, expected 3", Msg(Load("x,g,y\n1,a,1\n2,b,0,9\n")));

    [Fact]
    public void NonNumericValueInANumericColumnReportsFileLineAndColumn() =>
        Assert.Equal("d.csv, line 4, column 'x': 'ten' is not a number",
            Msg(Load("x,g,y\n1,a,1\n2,b,0\nten,b,1\n", Spec + "features: [ { name: x, kind: numeric } ]")));

    [Fact]
    public void UnknownColumnInTheSpec() =>
        Assert.Equal("s.yaml: unknown column 'z' in features (d.csv has columns: x, g, y)",
            Msg(Load("x,g,y\n1,a,1\n2,b,0\n", Spec + "features: [ { name: z } ]")));

    [Fact]
    public void UnknownKeyInTheSpec() =>
        Assert.Equal("s.yaml, line 2: unknown key 'minorty' in sensitive (known: columns, minority, groups, " +
            "as_feature)",
            Msg(Load("x,g,y\n1,a,1\n",
                "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minorty: [b] }\n")));

    [Fact]
    public void LabelValueOutsideTheDeclaredOnes() =>
        Assert.Equal("d.csv, line 3, column 'y': label 'maybe' is neither favourable (1) nor unfavourable (0)",
            Msg(Load("x,g,y\n1,a,1\n2,b,maybe\n")));

    [Fact]
    public void SensitiveValueOutsideTheDeclaredGroups() =>
        Assert.Equal("d.csv, line 3: sensitive group 'c' is not among the declared groups (a, b)",
            Msg(Load("x,g,y\n1,a,1\n2,c,0\n")));

    [Fact]
    public void MinorityEmptyAfterFiltering() =>
        // The only 'b' row has a missing x and is dropped.
        Assert.Equal("s.yaml: sensitive.minority value 'b' matches no row of column 'g' (values seen: a (2))",
            Msg(Load("x,g,y\n1,a,1\n?,b,0\n3,a,0\n")));

    [Fact]
    public void SingleClassLabel() =>
        Assert.Equal("d.csv: the label has a single class (all 2 rows have y = 1); both classes are needed",
            Msg(Load("x,g,y\n1,a,1\n2,b,1.0\n",
                "label: { column: y, favourable: [1] }\nsensitive: { columns: [g], minority: [b] }\n")));

    [Fact]
    public void DeclaredLabelValueOnNoRowListsTheValuesSeen() =>
        Assert.Equal("s.yaml: label.favourable value 'yes' matches no row of column 'y' (values seen: 1 (3), 2 (1))",
            Msg(Load("x,g,y\n1,a,1\n2,b,2\n3,a,1\n4,b,1\n",
                "label: { column: y, favourable: [yes] }\nsensitive: { columns: [g], minority: [b] }\n")));

    [Fact]
    public void DeclaredGroupOnNoRowListsTheGroupsSeen()
    {
        Assert.Equal("s.yaml: sensitive.minority value 'c' matches no row of column 'g' (values seen: a (2), b (1))",
            Msg(Load("x,g,y\n1,a,1\n2,b,0\n3,a,0\n",
                "label: { column: y, favourable: [1] }\nsensitive: { columns: [g], minority: [c] }\n")));
        Assert.Equal("s.yaml: sensitive.groups value 'c' matches no row of column 'g' (values seen: a (2), b (1))",
            Msg(Load("x,g,y\n1,a,1\n2,b,0\n3,a,0\n",
                "label: { column: y, favourable: [1] }\nsensitive: { columns: [g], minority: [b], groups: [a, b, c] " +
                "}\n")));
        Assert.Equal("s.yaml: sensitive.minority value 'b x 2' matches no row of columns 'g', 'h' (values seen: a x " +
            "1 (2), b x 1 (1))",
            Msg(Load("x,g,h,y\n1,a,1,1\n2,b,1,0\n3,a,1,0\n",
                "label: { column: y, favourable: [1] }\nsensitive: { columns: [g, h], minority: [b x 2] }\n")));
    }

    [Fact]
    public void ValuesSeenAreListedTenAtMostMostFrequentFirst()
    {
        var csv = new System.Text.StringBuilder("g,y\n");
        for (int i = 0; i < 12; i++)
            for (int k = 0; k <= i; k++) csv.Append('v').Append(i).Append(',').Append(k % 2).Append('\n');
        Assert.Equal("s.yaml: sensitive.minority value 'w' matches no row of column 'g' (values seen: v11 (12), v10 " +
            "(11), v9 (10), v8 (9), v7 (8), " +
                     "v6 (7), v5 (6), v4 (5), v3 (4), v2 (3), and 2 more)",
            Msg(Load(csv.ToString(),
                "label: { column: y, favourable: [1] }\nsensitive: { columns: [g], minority: [w] }\n")));
    }

    [Fact]
    public void CamelCaseKeysPointToTheirSnakeCaseSpelling()
    {
        Assert.Equal("s.yaml, line 2: unknown key 'asFeature' in sensitive; did you mean 'as_feature'?",
            Msg(Load("x,g,y\n1,a,1\n",
                "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b], asFeature: " +
                "false }\n")));
        Assert.Equal("s.yaml, line 3: unknown key 'maxLevels' in the spec; did you mean 'max_levels'?",
            Msg(Load("x,g,y\n1,a,1\n", Spec + "maxLevels: 10\n")));
        Assert.Equal("s.yaml, line 3: unknown key 'maxLevels' in a feature; did you mean 'max_levels'?",
            Msg(Load("x,g,y\n1,a,1\n", Spec + "features: [{name: x, maxLevels: 3}]\n")));
    }

    [Fact]
    public void MinorityNotAmongDeclaredGroups() =>
        Assert.Equal("s.yaml: minority 'c' is not among sensitive.groups (a, b)",
            Msg(Load("x,g,y\n1,a,1\n",
                "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [c], groups: [a, b] " +
                "}\n")));

    [Fact]
    public void DataPathThatDoesNotExist()
    {
        using var dir = new TempDirectory();
        string spec = dir.Write("s.yaml", Spec + "path: nowhere.csv\n");
        var e = Assert.Throws<UserInputException>(() => DatasetSpecFile.LoadData(spec));
        Assert.Equal($"{Path.Combine(dir.Path, "nowhere.csv")}: file not found", e.Message);
        Assert.Equal("/no/such/file.csv: file not found", Assert.Throws<UserInputException>(()
            => DatasetCatalog.Load("/no/such/file.csv")).Message);
        Assert.Equal("/no/spec.yaml: spec file not found",
            Assert.Throws<UserInputException>(() => DatasetSpecFile.Load(null, "/no/spec.yaml")).Message);
    }

    [Fact]
    public void TruncatedGzipDataFile()
    {
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder("x,g,y\n");
        for (int i = 0; i < 50_000; i++) text.Append(i * 7919 % 10007).Append(i % 3 == 0 ? ",b," : ",a,").Append(i %
            2).Append('\n');
        string whole = dir.WriteGzip("d.csv.gz", text.ToString());
        byte[] bytes = File.ReadAllBytes(whole);
        string cut = Path.Combine(dir.Path, "cut.csv.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        string spec = dir.Write("s.yaml", Spec);
        Assert.Equal(50_000, DatasetSpecFile.LoadData(spec, whole).RowCount);
        var e = Assert.Throws<UserInputException>(() => DatasetSpecFile.LoadData(spec, cut));
        Assert.Matches(@"^\S+cut\.csv\.gz: gzip data is truncated or corrupt \(decompressed [\d,]+ bytes, the gzip " +
            @"trailer records [\d,]+\); copy the file again$", e.Message);
    }

    [Fact]
    public void UnknownDatasetNameListsTheKnownOnes() =>
        Assert.Equal("unknown dataset 'compass' (known: compas, compas-recidivism, adult, acs-az, acs-ut, acs-wy, " +
            "synthetic, toy, waterbirds; or give a file path)",
            Assert.Throws<UserInputException>(() => DatasetCatalog.Load("compass")).Message);

    [Fact]
    public void UnrecognisedFileNeedsASpec()
    {
        using var dir = new TempDirectory();
        string p = dir.Write("mine.csv", "a,b\n1,2\n");
        Assert.Equal($"{p}: not a known dataset layout (first line: 'a,b'); describe it with --spec FILE (a " +
            "DatasetSpec in YAML or JSON)",
            Assert.Throws<UserInputException>(() => DatasetCatalog.Load(p)).Message);
    }

    [Fact]
    public void DeeplyNestedDatasetSpecIsRefusedBeforeParsing()
    {
        // 50,000 levels would overflow the deserializer's stack and kill the process.
        string deep = "label: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        var e = Assert.Throws<UserInputException>(() => DatasetSpecFile.Parse(deep, "s.yaml"));
        Assert.Equal("s.yaml: nesting deeper than 64 levels at line 1, column 71 (the limit for a spec document)",
            e.Message);
    }

    [Fact]
    public void OversizedDatasetSpecIsRefusedBeforeReading()
    {
        using var dir = new TempDirectory();
        string spec = dir.Write("s.yaml", Spec + "#" + new string('x', 1 << 20) + "\n");
        var e = Assert.Throws<UserInputException>(() => DatasetSpecFile.LoadData(spec));
        Assert.Equal("s.yaml: 1,048,698 bytes exceed the limit of 1,048,576 bytes (1 MiB) for a spec document", Msg(e));
    }
}
