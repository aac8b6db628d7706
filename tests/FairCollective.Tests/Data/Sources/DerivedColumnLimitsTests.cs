using System.Globalization;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

/// <summary>Derived columns: expression bounds checked before parsing, non-finite results as missing values, and median
/// / quantile.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class DerivedColumnLimitsTests
{
    private const string Tail = "label: { column: y, favourable: [1] }\nsensitive: { columns: [g], minority: [b] }\n";

    private static Dataset Load(string data, string spec)
    {
        using var dir = new TempDirectory();
        return DatasetSpecFile.LoadData(dir.Write("s.yaml", spec), dir.Write("d.txt", data));
    }

    private static string Fails(string data, string spec)
    {
        var e = Assert.Throws<UserInputException>(() => Load(data, spec));
        Assert.DoesNotContain('\n', e.Message);
        return System.Text.RegularExpressions.Regex.Replace(e.Message, @"/\S*/(\w+\.\w+)", "$1");
    }

    private static string Derived(string expression) => $"derived: [{{name: d, expression: \"{expression}\"}}]\n";

    [Theory]
    [InlineData("x + y", -1)]
    [InlineData("a - -b", -1)]             // one unary minus after a binary one
    [InlineData("-(-(-(x)))", -1)]        // seven levels
    [InlineData("'((((' + [a (b]", -1)]   // brackets in quotes and in a bracketed name do not nest
    [InlineData("x != 1 and not (y)", -1)]
    public void NestingIsCountedOverBracketsAndUnaryOperators(string text, int at) =>
        Assert.Equal(at, ExpressionLimits.DeepestAt(text));

    [Fact]
    public void TheNestingLimitIsExact()
    {
        // -(-(...(x)...)): each '-(' is two levels; 32 of them reach 64, one more goes past at its '-'.
        string Nested(int n) => string.Concat(Enumerable.Repeat("-(", n)) + "x" + new string(')', n);
        Assert.Equal(-1, ExpressionLimits.DeepestAt(Nested(32)));
        Assert.Equal(64, ExpressionLimits.DeepestAt(Nested(33)));
        Assert.Equal(-1, ExpressionLimits.DeepestAt(new string('!', 64) + "true"));
        Assert.Equal(64, ExpressionLimits.DeepestAt(new string('!', 65) + "true"));
        Assert.Equal(258, ExpressionLimits.DeepestAt(string.Concat(Enumerable.Repeat("not ",
            65)) + "true")); // the end of the 65th "not"
        // The longest expression allowed evaluates: 1,000 terms of a sum.
        const string data = "x,g,y\n1,a,1\n2,b,0\n3,a,0\n4,b,1\n";
        var sum = string.Join("+", Enumerable.Repeat("x", 1_000));
        Assert.Equal(ExpressionLimits.MaxLength - 1, sum.Length);
        var d = Load(data, Derived(sum) + Tail);
        Assert.Equal([1000.0, 2000, 3000, 4000], d.Features.Single(f => f.Name == "d").Numbers!);
    }

    [Fact]
    public void ANonFiniteResultIsMissingAndTheMissingPolicyHandlesIt()
    {
        // (x - 3) / (x - 3) is NaN where x = 3: that row's value is missing whatever the column's kind. A numeric
        // column read the text "NaN" as missing already; declared categorical it kept "NaN" as a second level (so would
        // a label or group column); now drop-row drops both rows, counted under 'd'.
        const string data = "x,g,y\n1,a,1\n3,b,0\n5,b,0\n3,a,1\n7,b,1\n";
        var d = Load(data, Derived("(x - 3) / (x - 3)") + Tail);
        Assert.Equal(["0", "2", "4"], d.Ids);
        Assert.Equal(FeatureKind.Numeric, d.Features.Single(f => f.Name == "d").Kind);
        Assert.Equal([1.0, 1, 1], d.Features.Single(f => f.Name == "d").Numbers!);
        Assert.Equal(new RowAccount(5, 2, [new ColumnDrops("d", 2)]).Describe(), d.RowAccount!.Describe());
        var categorical = Load(data,
            Derived("(x - 3) / (x - 3)") + Tail + "features: [{name: x}, {name: d, kind: categorical}]\n");
        Assert.Equal(["0", "2", "4"], categorical.Ids);
        Assert.Equal(new string?[] { "1", "1", "1" }, categorical.Features.Single(f => f.Name == "d").Categories!);
        var kept = Load(data, Derived("(x - 3) / (x - 3)") + Tail + "missing: { policy: keep }\n");
        Assert.Equal(5, kept.RowCount);
        Assert.True(double.IsNaN(kept.Features.Single(f => f.Name == "d").Numbers![1]));
        Assert.Equal("d.txt, line 3, column 'd': missing value (the expression's result is NaN or infinite) " +
            "(missing.policy is error)",
            Fails(data, Derived("(x - 3) / (x - 3)") + Tail + "missing: { policy: error }\n"));
    }

    [Theory]
    [InlineData("x / 0", 4, 0)]
    [InlineData("(x-x)/(x-x)", 4, 0)]
    [InlineData("1e999 + x", 4, 0)]
    [InlineData("Sqrt(-1 - x * x)", 4, 0)]
    public void AColumnMissingOnEveryRowIsOneLineNamingItsExpression(string expression, int nonFinite,
        int inputMissing) =>
        Assert.Equal(string.Create(CultureInfo.InvariantCulture,
                $"s.yaml: derived column 'd': expression \"{expression}\" has no value on any of the 4 rows of d.txt " +
                    $"(NaN or infinite on {nonFinite}, an input missing on {inputMissing}); a NaN or infinite result " +
                    $"is missing, and a column missing on every row would leave no row"),
            Fails("x,g,y\n1,a,1\n2,b,0\n3,a,0\n4,b,1\n", Derived(expression) + Tail));

    [Fact]
    public void MedianAndQuantileAreOverEveryRowReadBeforeTheMissingPolicy()
    {
        // x over all five rows read where it is present: 1, 4, 2, 8, 5, so the median is 4, not the 4.5 of the rows
        // kept (1, 4, 8, 5): the row missing z is dropped afterwards, and the statistic stays the file's.
        const string data = "x,z,g,y\n1,1,a,1\n4,1,b,0\n?,1,a,0\n2,?,b,1\n8,1,a,1\n5,1,b,0\n";
        var d = Load(data,
            "derived:\n  - {name: m, expression: \"median(x)\"}\n  - {name: high, expression: \"x > median(x)\"}\n  " +
            "- {name: q, expression: \"quantile(x, 0.3)\"}\n" + Tail);
        Assert.Equal(["0", "1", "4", "5"], d.Ids);
        Assert.Equal([4.0, 4, 4, 4], d.Features.Single(f => f.Name == "m").Numbers!);
        Assert.Equal(new string?[] { "false", "false", "true", "true" }, d.Features.Single(f
            => f.Name == "high").Categories!);
        // R7 (numpy's default): position 0.3 * (5 - 1) = 1.2 in 1, 2, 4, 5, 8: 2 + 0.2 * (4 - 2) = 2.4.
        Assert.Equal(2.4, d.Features.Single(f => f.Name == "q").Numbers![0], 12);
        Assert.Equal(new RowAccount(6, 2, [new ColumnDrops("x", 1), new ColumnDrops("z", 1), new ColumnDrops("m", 1),
            new ColumnDrops("high", 1), new ColumnDrops("q", 1)]).Describe(),
            d.RowAccount!.Describe());
    }

    [Theory]
    // numpy 1.24.2: numpy.quantile([7, 1, 3, 10, 5], q) and numpy.quantile([2.5, -1, 4, 4, 8, 0.5, 3], q), default
    // method 'linear'.
    [InlineData(new[] { 7.0, 1, 3, 10, 5 }, new[] { 0, 0.1, 0.3, 0.5, 0.9, 1 }, new[] { 1.0, 1.8, 3.4, 5.0, 8.8,
        10.0 })]
    [InlineData(new[] { 2.5, -1, 4, 4, 8, 0.5, 3 }, new[] { 0.05, 0.25, 0.5, 0.75, 0.99 }, new[] { -0.5499999999999999,
        1.5, 3.0, 4.0, 7.759999999999998 })]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 0.5 }, new[] { 2.5 })] // numpy.median([1, 2, 3, 4])
    public void QuantilesAreNumpysDefault(double[] values, double[] qs, double[] numpy)
    {
        var sorted = values.Order().ToArray();
        for (int i = 0; i < qs.Length; i++) Assert.Equal(numpy[i], ColumnStatistics.Of(sorted, qs[i]), 12);
        Assert.True(double.IsNaN(ColumnStatistics.Of([], 0.5)));
    }

    [Fact]
    public void MisusedStatisticsAreOneLineWithTheRow()
    {
        const string data = "x,t,g,y\n1,p,a,1\n2,q,b,0\n";
        Assert.Equal("s.yaml: derived column 'd': d.txt, line 2 (x = 1): quantile takes a column name and a number q " +
            "from 0 to 1, e.g. quantile(income, 0.9)",
            Fails(data, Derived("quantile(x)") + Tail));
        Assert.Equal("s.yaml: derived column 'd': d.txt, line 2 (x = 1): quantile's q must be a number from 0 to 1; " +
            "got -0.5",
            Fails(data, Derived("quantile(x, -0.5)") + Tail));
        Assert.Equal("s.yaml: derived column 'd': d.txt, line 2: median takes a column name, e.g. median(income)",
            Fails(data, Derived("median(3)") + Tail));
        Assert.Equal("s.yaml: derived column 'd': d.txt, line 2 (t = 'p'): median(t): column 't' is not numeric " +
            "(derived column 'd')",
            Fails(data, Derived("median(t)") + Tail));
    }
}
