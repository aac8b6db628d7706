using System.Text;
using System.Text.Json;
using FairCollective.Tests.Fairness;
using static FairCollective.Tests.Fairness.MetricsReference;

namespace FairCollective.Tests.Cli;

/// <summary>`faircollective metrics`: the by-group table of a predictions CSV, as a table and as JSON, with its warnings once.</summary>
public sealed class MetricsCommandTests
{
    /// <summary>The intersectional reference case (fairlearn's sex x race MetricFrame) as a CSV.</summary>
    private static string IntersectionalCsv(CliSandbox box)
    {
        var c = Case("intersectional_sex_x_race_n1000");
        var (_, columns) = MetricFrameGoldenTests.Sensitive(c);
        int[] yTrue = YTrue(c), yPred = YPred(c);
        var csv = new StringBuilder("y,yhat,sex,race\n");
        for (int i = 0; i < yTrue.Length; i++) csv.Append($"{yTrue[i]},{yPred[i]},{columns[0][i]},{columns[1][i]}\n");
        return box.Write("preds.csv", csv.ToString());
    }

    [Fact]
    public void JsonHasFairlearnsByGroupOverallDifferenceAndRatio()
    {
        using var box = new CliSandbox();
        var (exit, stdout, err) = CliSandbox.Run("metrics", IntersectionalCsv(box), "--y-true", "y", "--y-pred", "yhat", "--group", "sex", "--group", "race", "--minority", "F x r3", "--json");
        Assert.True(exit == 0, err);
        var doc = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["sex", "race"], doc.GetProperty("sensitive_feature_names").EnumerateArray().Select(e => e.GetString()));
        var groups = doc.GetProperty("by_group").EnumerateArray().ToArray();
        Assert.Equal(["F x r1", "F x r2", "F x r3", "M x r1", "M x r2", "M x r3"], groups.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(["F", "r2"], groups[1].GetProperty("values").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(144, groups[1].GetProperty("metrics").GetProperty("count").GetDouble());
        Assert.Equal(0.6428571428571429, groups[1].GetProperty("metrics").GetProperty("true_positive_rate").GetDouble());
        Assert.Equal(0.498, doc.GetProperty("overall").GetProperty("selection_rate").GetDouble());
        Assert.Equal(0.3684589220303506, doc.GetProperty("difference_between_groups").GetProperty("selection_rate").GetDouble());
        Assert.Equal(0.331002331002331, doc.GetProperty("ratio_between_groups").GetProperty("false_positive_rate").GetDouble());
        var minority = doc.GetProperty("minority");
        Assert.Equal(49, minority.GetProperty("minority").GetProperty("count").GetDouble());
        // F x r3 selects 11 of 49; the other 951 rows select 487.
        Assert.Equal(11 / 49.0 - 487 / 951.0, minority.GetProperty("gap_minority_minus_majority").GetProperty("selection_rate").GetDouble(), 15);
        Assert.Equal(Math.Abs(11 / 49.0 - 487 / 951.0), minority.GetProperty("metrics").GetProperty("dem_parity").GetDouble(), 15);
        Assert.Empty(doc.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void TablePrintsEachWarningOnceAfterTheTables()
    {
        using var box = new CliSandbox();
        // Group a: 40 rows with both labels; group b: 5 rows, all y = 0 (no positives, fewer than 30 rows).
        var csv = new StringBuilder("y,yhat,g\n");
        for (int i = 0; i < 40; i++) csv.Append($"{i % 2},{i / 2 % 2},a\n");
        for (int i = 0; i < 5; i++) csv.Append($"0,{i % 2},b\n");
        var (exit, stdout, err) = CliSandbox.Run("metrics", box.Write("p.csv", csv.ToString()), "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--minority", "b");
        Assert.True(exit == 0, err);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToArray();
        var warnings = lines.Where(l => l.StartsWith("warning: ")).ToArray();
        Assert.Equal(
        [
            "warning: group 'b' has no positive labels: TPR and FNR undefined (NaN)",
            "warning: group 'b' has 5 rows, fewer than 30: its rates are too noisy to compare",
        ], warnings);
        Assert.Contains(lines, l => l.StartsWith("| b ") && l.Contains(" yes ") && l.Contains("NaN"));
        Assert.Contains(lines, l => l.Contains("EqOd") && l.Contains("NaN"));
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("warning: ")) > Array.FindLastIndex(lines, l => l.StartsWith("+-")));
    }
}
