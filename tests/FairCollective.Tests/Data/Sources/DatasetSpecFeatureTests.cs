using System.Reflection;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;
using YamlDotNet.Serialization.NamingConventions;

namespace FairCollective.Tests.Data.Sources;

/// <summary>Whitespace-separated files, column names, values compared as values, and derived columns.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class DatasetSpecFeatureTests
{
    private static Dataset Load(TempDirectory dir, string data, string spec) =>
        DatasetSpecFile.LoadData(dir.Write("s.yaml", spec), dir.Write("d.txt", data));

    private static string Fails(string data, string spec)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<UserInputException>(() => Load(dir, data, spec));
        Assert.DoesNotContain('\n', e.Message);
        return System.Text.RegularExpressions.Regex.Replace(e.Message, @"/\S*/(\w+\.\w+)", "$1");
    }

    // german.data's layout: blanks between fields, a trailing blank and a tab on some lines, no header.
    private const string Blanks =
        "A11  6 A93 1\n" +
        "  A12 48\tA92 2 \n" +
        "\n" +
        "A14 12 A93 1\t\n" +
        "A11 42 A92 1\n";

    private const string BlankSpec = """
        separator: whitespace
        header: false
        columns: [checking, duration, status, class]
        label: { column: class, favourable: [1], unfavourable: [2] }
        sensitive: { columns: [status], minority: [A92] }
        """;

    [Fact]
    public void WhitespaceSeparatorSplitsAtRunsOfBlanksAndColumnsNameAHeaderlessFile()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, Blanks, BlankSpec);
        Assert.Equal(4, d.RowCount);
        Assert.Equal([1, 0, 1, 1], d.Labels);
        Assert.Equal(["A93", "A92", "A93", "A92"], d.Sensitive.GroupOfRow);
        Assert.Equal(["checking", "duration", "status"], d.Features.Select(f => f.Name));
        Assert.Equal([6.0, 48, 12, 42], d.Features[1].Numbers!);
        Assert.Equal(["0", "1", "2", "3"], d.Ids); // 0-based data row numbers: the blank line is no row
    }

    [Fact]
    public void ColumnsRenameAHeaderAndTheirCountMustMatch()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, "a,b,c\n1,x,1\n2,y,0\n",
            "columns: [size, group, outcome]\nlabel: { column: outcome, favourable: [1] }\nsensitive: { columns: " +
            "[group], minority: [y] }\n");
        Assert.Equal(["size", "group"], d.Features.Select(f => f.Name));
        Assert.Equal("s.yaml: columns names 3 columns but d.txt has 4 fields per row (line 1)",
            Fails(Blanks, BlankSpec.Replace("columns: [checking, duration, status, class]",
                "columns: [duration, status, class]")));
        Assert.Equal("s.yaml: columns names 2 columns but d.txt has 3 in its header",
            Fails("a,b,c\n1,x,1\n",
                "columns: [size, group]\nlabel: { column: group, favourable: [1] }\nsensitive: { columns: [size], " +
                "minority: [1] }\n"));
        Assert.Equal("s.yaml: columns names 'a' twice",
            Fails("1,2\n",
                "header: false\ncolumns: [a, a]\nlabel: { column: a, favourable: [1] }\nsensitive: { columns: [a], " +
                "minority: [1] }\n"));
    }

    [Fact]
    public void DeclaredValuesMatchCellsAsNumbersWhenBothAreNumbers()
    {
        using var dir = new TempDirectory();
        // The law school file writes 1.0 and 0.0; the spec says 1 (a YAML number) and "0" (a string).
        var d = Load(dir, "x,g,y\n1,1.0,1.0\n2,2.0,0.0\n3,1.0,0.0\n4,2.0,1\n",
            "label: { column: y, favourable: [1], unfavourable: [\"0\"] }\nsensitive: { columns: [g], minority: [1], " +
                "groups: [1, 2.00] }\n");
        Assert.Equal([1, 0, 0, 1], d.Labels);
        Assert.Equal(["1.0"], d.Sensitive.MinorityGroups);
        Assert.Equal([true, false, true, false], d.Sensitive.Membership);
        // Text still compares as text: "01" is not "1" as text, but is as a number; "1a" is no number.
        Assert.Equal("s.yaml: label.favourable value '1a' matches no row of column 'y' (values seen: 0 (1), 01 (1))",
            Fails("x,g,y\n1,a,01\n2,b,0\n",
                "label: { column: y, favourable: [1a] }\nsensitive: { columns: [g], minority: [b] }\n"));
        Assert.Equal("s.yaml: label value '1.0' is both favourable and unfavourable",
            Fails("x,g,y\n1,a,1\n",
                "label: { column: y, favourable: [1], unfavourable: [\"1.0\"] }\nsensitive: { columns: [g], " +
                "minority: [a] }\n"));
    }

    [Fact]
    public void DerivedColumnsAreFeaturesLabelsOrSensitiveColumns()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, "age,status,class\n22,A92,1\n40,A93,2\n65,A95,1\n30,A91,1\n19,A93,2\n", """
            derived:
              - {name: sex, expression: "status in ('A92', 'A95') ? 'female' : 'male'"}
              - {name: age_group, expression: "age < 25 or age > 60 ? 'young_or_old' : 'middle'"}
              - {name: good, expression: "class == 1"}
              - {name: decade, expression: "Floor(age / 10) * 10"}
            label: { column: good, favourable: ["true"], unfavourable: ["false"] }
            sensitive: { columns: [sex, age_group], minority: ["female x young_or_old"] }
            """);
        Assert.Equal([1, 0, 1, 1, 0], d.Labels);
        Assert.Equal(["female x young_or_old", "male x middle", "female x young_or_old", "male x middle",
            "male x young_or_old"], d.Sensitive.GroupOfRow);
        Assert.Equal(2, d.Sensitive.Membership.Count(a => a));
        // class is what the label is computed from, so it is no default feature.
        Assert.Equal(["age", "status", "sex", "age_group", "decade"], d.Features.Select(f => f.Name));
        Assert.Equal([20.0, 40, 60, 30, 10], d.Features[4].Numbers!);
    }

    [Fact]
    public void AMissingInputGivesAMissingDerivedValueThatTheMissingPolicyHandles()
    {
        using var dir = new TempDirectory();
        const string data = "age,g,y\n22,a,1\n?,b,0\n65,b,1\n30,a,0\n";
        const string spec = "derived: [{name: young, expression: \"age < 25\"}]\nlabel: { column: y, favourable: [1] " +
            "}\nsensitive: { columns: [g], minority: [b] }\n";
        var dropped = Load(dir, data, spec);
        Assert.Equal(["0", "2", "3"], dropped.Ids);
        Assert.Equal(new string?[] { "true", "false", "false" }, dropped.Features[2].Categories!);
        var kept = Load(dir, data, spec + "missing: { policy: keep }\n");
        Assert.Equal(new string?[] { "true", null, "false", "false" }, kept.Features[2].Categories!);
        Assert.Equal("d.txt, line 3, column 'age': missing value '?' (missing.policy is error)",
            Fails(data, spec + "missing: { policy: error }\n"));
        // As the sensitive column, a missing derived value is refused under 'keep', as a missing group is.
        Assert.Equal("d.txt, line 3, column 'young': missing value (an input of the derived column is missing) in a " +
            "label, sensitive or id column",
            Fails(data,
                "derived: [{name: young, expression: \"age < 25\"}]\nlabel: { column: y, favourable: [1] " +
                "}\nsensitive: { columns: [young], minority: [\"true\"] }\nmissing: { policy: keep }\n"));
    }

    [Fact]
    public void DerivedColumnErrorsNameTheSpecTheColumnAndTheLine()
    {
        const string data = "age,g,y\n22,a,1\n40,b,0\n";
        const string tail = "label: { column: y, favourable: [1] }\nsensitive: { columns: [g], minority: [b] }\n";
        Assert.Equal("s.yaml: derived column 'young': cannot parse \"age <\" (Invalid token in expression at " +
            "position (1:5))",
            Fails(data, "derived: [{name: young, expression: \"age <\"}]\n" + tail));
        Assert.Equal("s.yaml: derived column 'young': expression \"Age < 25\" names unknown column 'Age' (columns: " +
            "age, g, y)",
            Fails(data, "derived: [{name: young, expression: \"Age < 25\"}]\n" + tail));
        Assert.Equal("s.yaml: derived column 'g' has the name of a column of d.txt; give it another name",
            Fails(data, "derived: [{name: g, expression: \"age < 25\"}]\n" + tail));
        Assert.Equal("s.yaml: derived column 'young' is defined twice",
            Fails(data,
                "derived: [{name: young, expression: \"age < 25\"}, {name: young, expression: \"age > 1\"}]\n" + tail));
        Assert.Equal("s.yaml: derived column 'x' has no expression", Fails(data, "derived: [{name: x}]\n" + tail));
        Assert.Equal("s.yaml: derived column 'bad': d.txt, line 2 (age = 22, g = 'a'): The input string 'a' was not " +
            "in a correct format.",
            Fails(data, "derived: [{name: bad, expression: \"age + g\"}]\n" + tail));
        Assert.Equal("s.yaml: derived column 'bad': d.txt, line 2 (age = 22): Function not found. Name: Launch",
            Fails(data, "derived: [{name: bad, expression: \"Launch(age)\"}]\n" + tail));
        Assert.Equal("s.yaml, line 1: unknown key 'expr' in a derived column (known: name, expression)",
            Fails(data, "derived: [{name: x, expr: \"age\"}]\n" + tail));
    }

    [Fact]
    public void EveryKeyTheMessagesListIsAPropertyOfItsSection()
    {
        // The known-key lists of DatasetSpecFile's messages must follow the records when a key is added.
        foreach (var (type, yaml) in new (Type, string)[]
                 {
                     (typeof(DatasetSpec), "nope: 1\n"), (typeof(LabelSpec),
                         "label: {nope: 1}\n"), (typeof(SensitiveSpec), "sensitive: {nope: 1}\n"),
                     (typeof(FeatureSpec), "features: [{nope: 1}]\n"), (typeof(MissingSpec),
                         "missing: {nope: 1}\n"), (typeof(DerivedColumnSpec), "derived: [{nope: 1}]\n"),
                 })
        {
            var e = Assert.Throws<UserInputException>(() => DatasetSpecFile.Parse(yaml, "s.yaml"));
            string known = System.Text.RegularExpressions.Regex.Match(e.Message,
                @"\(known: ([^)]*)\)$").Groups[1].Value;
            var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p
                => UnderscoredNamingConvention.Instance.Apply(p.Name));
            Assert.Equal(expected.Order(), known.Split(", ").Order());
        }
    }
}
