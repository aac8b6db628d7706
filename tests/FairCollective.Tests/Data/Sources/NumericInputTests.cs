using System.Text;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Csv;
using FairCollective.Data.Sources;

using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

/// <summary>NaN and infinities never become values; categorical columns have a bounded number of levels.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class NumericInputTests
{
    private const string Spec =
        "label: { column: y, favourable: [\"1\"] }\n" +
        "sensitive: { columns: [g], minority: [b] }\n";

    // Rows 2, 4, 5, 6 and 7 hold non-finite numbers in x; the other rows are ordinary.
    private const string NonFinite =
        "x,g,y\n" +
        "1,a,1\n" +
        "NaN,b,0\n" +
        "2,b,1\n" +
        "Infinity,a,0\n" +
        "-inf,b,1\n" +
        "1e999,a,1\n" +
        "-Infinity,a,0\n" +
        "3,a,0\n" +
        "4,b,0\n";

    private static Dataset Load(TempDirectory dir, string csv, string spec)
    {
        string data = dir.Write("d.csv", csv);
        return DatasetSpecFile.LoadData(dir.Write("s.yaml", spec), data);
    }

    private static string Fails(string csv, string spec)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<UserInputException>(() => Load(dir, csv, spec));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message.Replace(dir.Path + "/", "");
    }

    [Fact]
    public void NonFiniteNumbersAreMissingAndDropRowDropsThem()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, NonFinite, Spec);
        Assert.Equal(FeatureKind.Numeric, d.Features[0].Kind); // inferred: numbers and NaN/inf tokens only
        Assert.Equal(["0", "2", "7", "8"], d.Ids);
        Assert.Equal([1.0, 2, 3, 4], d.Features[0].Numbers!);
    }

    [Fact]
    public void KeepPolicyKeepsEveryNonFiniteNumberAsNaN()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, NonFinite, Spec + "missing: { policy: keep }\n");
        Assert.Equal(9, d.RowCount);
        Assert.Equal([false, true, false, true, true, true, true, false, false],
            d.Features[0].Numbers!.Select(double.IsNaN));
    }

    [Fact]
    public void ErrorPolicyNamesFileLineAndColumnOfTheFirstNonFiniteNumber() =>
        Assert.Equal("d.csv, line 3, column 'x': 'NaN' is not a finite number, so it counts as missing " +
            "(missing.policy is error)",
            Fails(NonFinite, Spec + "missing: { policy: error }\n"));

    [Fact]
    public void DeclaredNumericColumnStillRejectsText() =>
        Assert.Equal("d.csv, line 3, column 'x': 'lots' is not a number",
            Fails("x,g,y\n1,a,1\nlots,b,0\nNaN,b,1\n", Spec + "features: [ { name: x, kind: numeric } ]\n"));

    [Fact]
    public void AColumnOfTextAndNaNIsCategoricalAndKeepsNaNAsALevel()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, "x,g,y\nNaN,a,1\nlots,b,0\nNaN,b,1\n", Spec);
        Assert.Equal(FeatureKind.Categorical, d.Features[0].Kind);
        Assert.Equal(new string?[] { "NaN", "lots", "NaN" }, d.Features[0].Categories!);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    public void BuiltInReadersRefuseNonFiniteNumbers(string token)
    {
        using var dir = new TempDirectory();
        string p = dir.Write("n.csv", $"a,b\n1,2\n3,{token}\n");
        using var reader = CsvRowReader.Open(p);
        reader.MoveNext();
        reader.MoveNext();
        Assert.True(reader.TryDouble(1, out double v) && !double.IsFinite(v));
        var e = Assert.Throws<UserInputException>(() => reader.Double(1));
        Assert.Equal($"{p}, line 3, column 'b': '{token}' is not a finite number", e.Message);
    }

    [Fact]
    public void AcsStateFileWithInfinityIsAnErrorNamingFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        string p = dir.Write("acs.csv",
            "AGEP,SCHL,MAR,SEX,RAC1P,OCCP,COW,POBP,RELP,WKHP,PINCP\n" +
            "30.0,16.0,1.0,2.0,1.0,4150.0,1.0,4.0,0.0,40.0,True\n" +
            "41.0,21.0,1.0,1.0,1.0,4150.0,1.0,4.0,0.0,Infinity,False\n");
        var e = Assert.Throws<UserInputException>(() => DatasetCatalog.Load(p));
        Assert.Equal($"{p}, line 3, column 'WKHP': 'Infinity' is not a finite number", e.Message);
    }

    private static string ManyLevels(int levels)
    {
        var csv = new StringBuilder("customer_id,g,y\n");
        for (int i = 0; i < levels; i++) csv.Append("c").Append(i).Append(i % 2 == 0 ? ",a," : ",b,").Append(i % 3 == 0
            ? 1 : 0).Append('\n');
        return csv.ToString();
    }

    [Fact]
    public void TooManyCategoricalLevelsIsAnErrorSuggestingTheFixes() =>
        Assert.Equal("d.csv, column 'customer_id': 1,001 distinct values exceed the limit of 1,000 levels for a " +
            "categorical feature; " +
                     "declare it 'kind: numeric', leave it out of 'features' or raise 'max_levels'",
            Fails(ManyLevels(DatasetLimits.MaxCategoricalLevels + 1), Spec));

    [Fact]
    public void MaxLevelsRaisesTheLimitForTheSpecAndLowersItPerFeature()
    {
        using var dir = new TempDirectory();
        var d = Load(dir, ManyLevels(1_001), Spec + "max_levels: 2000\n");
        Assert.Equal(1_001, d.Features[0].Categories!.Distinct().Count());
        Assert.Equal("d.csv, column 'g': 2 distinct values exceed the limit of 1 levels for a categorical feature; " +
                     "declare it 'kind: numeric', leave it out of 'features' or raise 'max_levels'",
            Fails(ManyLevels(10), Spec + "features: [ { name: g, max_levels: 1 } ]\n"));
        Assert.Equal("s.yaml: max_levels must be at least 1; got 0", Fails(ManyLevels(10), Spec + "max_levels: 0\n"));
    }

    [Fact]
    public void BuiltInColumnBuilderEnforcesTheLimit()
    {
        var b = new FeatureColumnBuilder("c", FeatureKind.Categorical) { MaxLevels = 2 };
        b.AddCategory("x");
        b.AddCategory("y");
        b.AddCategory("x");
        Assert.Equal(3, b.Build("f.csv").Length);
        b.AddCategory("z");
        var e = Assert.Throws<UserInputException>(() => b.Build("f.csv"));
        Assert.Equal("f.csv, column 'c': 3 distinct values exceed the limit of 2 levels for a categorical feature",
            e.Message);
    }
}
