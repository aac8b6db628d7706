using System.Text;
using System.Text.Json;
using FairCollective.Tests.Fairness;
using static FairCollective.Tests.Fairness.MetricsReference;

namespace FairCollective.Tests.Cli;

/// <summary>`faircollective metrics`: the by-group table of a predictions CSV, as a table and as JSON, with its
/// warnings once.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
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
    public void WhereKeepsTheRowsOfOneSplitAsIfTheFileHeldThemAlone()
    {
        using var box = new CliSandbox();
        var c = Case("intersectional_sex_x_race_n1000");
        var (_, columns) = MetricFrameGoldenTests.Sensitive(c);
        int[] yTrue = YTrue(c), yPred = YPred(c);
        // Every third row is a "fit" row, the rest test rows (a fit row's labels need not even be 0 or 1: it is never
        // read); the test rows alone in a file of their own give the same table.
        var all = new StringBuilder("split,y,yhat,sex,race\n");
        var test = new StringBuilder("split,y,yhat,sex,race\n");
        for (int i = 0; i < yTrue.Length; i++)
        {
            string row = $"{yTrue[i]},{yPred[i]},{columns[0][i]},{columns[1][i]}\n";
            if (i % 3 == 0) all.Append($"fit,x,{row[(row.IndexOf(',') + 1)..]}");
            else
            {
                all.Append("test,").Append(row);
                test.Append("test,").Append(row);
            }
        }
        string[] Args(string file, params string[] more) => ["metrics", box.Write(file, (file == "all.csv" ? all :
            test).ToString()), "--y-true", "y", "--y-pred", "yhat", "--group", "sex", "--group", "race", "--minority",
            "F x r3", "--resamples", "50", "--json", .. more];
        var filtered = CliSandbox.Run(Args("all.csv", "--where", "split=test"));
        var alone = CliSandbox.Run(Args("test.csv"));
        Assert.True(filtered.Exit == 0, filtered.Err);
        Assert.True(alone.Exit == 0, alone.Err);
        var f = JsonDocument.Parse(filtered.Out).RootElement;
        var a = JsonDocument.Parse(alone.Out).RootElement;
        int kept = yTrue.Length - (yTrue.Length + 2) / 3;
        Assert.Equal(kept, f.GetProperty("rows").GetInt32());
        Assert.Equal(yTrue.Length, f.GetProperty("rows_read").GetInt32());
        Assert.Equal(["split=test"], f.GetProperty("where").EnumerateArray().Select(e => e.GetString()));
        foreach (var part in new[] { "by_group", "overall", "minority", "intervals" })
            Assert.Equal(a.GetProperty(part).GetRawText(), f.GetProperty(part).GetRawText());
        // The table says which rows it shows.
        var table = CliSandbox.Run(Args("all.csv", "--where", "split=test").Where(x => x != "--json").ToArray());
        Assert.Contains("rows of 1,000 read where split=test", table.Out);
        // Bad conditions are one line naming the option.
        Assert.Equal((2, "error: --where must be COLUMN=VALUE (e.g. split=test); got 'split'"), Err(Args("all.csv",
            "--where", "split")));
        Assert.StartsWith("error: ", Err(Args("all.csv", "--where", "part=test")).Line);
        Assert.Contains("no column 'part' for --where", Err(Args("all.csv", "--where", "part=test")).Line);
        Assert.EndsWith("none of its 1,000 rows has split=validation (--where)",
            Err(Args("all.csv", "--where", "split=validation")).Line);
    }

    private static (int Exit, string Line) Err(string[] args)
    {
        var (exit, _, err) = CliSandbox.Run(args);
        return (exit, err.TrimEnd());
    }

    [Fact]
    public void JsonHasFairlearnsByGroupOverallDifferenceAndRatio()
    {
        using var box = new CliSandbox();
        var (exit, stdout, err) = CliSandbox.Run("metrics", IntersectionalCsv(box), "--y-true", "y", "--y-pred", "yhat",
            "--group", "sex", "--group", "race", "--minority", "F x r3", "--json");
        Assert.True(exit == 0, err);
        var doc = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(["sex", "race"], doc.GetProperty("sensitive_feature_names").EnumerateArray().Select(e
            => e.GetString()));
        var groups = doc.GetProperty("by_group").EnumerateArray().ToArray();
        Assert.Equal(["F x r1", "F x r2", "F x r3", "M x r1", "M x r2", "M x r3"], groups.Select(g
            => g.GetProperty("group").GetString()));
        Assert.Equal(["F", "r2"], groups[1].GetProperty("values").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(144, groups[1].GetProperty("metrics").GetProperty("count").GetDouble());
        Assert.Equal(0.6428571428571429,
            groups[1].GetProperty("metrics").GetProperty("true_positive_rate").GetDouble());
        Assert.Equal(0.498, doc.GetProperty("overall").GetProperty("selection_rate").GetDouble());
        Assert.Equal(0.3684589220303506,
            doc.GetProperty("difference_between_groups").GetProperty("selection_rate").GetDouble());
        Assert.Equal(0.331002331002331,
            doc.GetProperty("ratio_between_groups").GetProperty("false_positive_rate").GetDouble());
        var minority = doc.GetProperty("minority");
        Assert.Equal(49, minority.GetProperty("minority").GetProperty("count").GetDouble());
        // F x r3 selects 11 of 49; the other 951 rows select 487.
        Assert.Equal(11 / 49.0 - 487 / 951.0,
            minority.GetProperty("gap_minority_minus_majority").GetProperty("selection_rate").GetDouble(), 15);
        Assert.Equal(Math.Abs(11 / 49.0 - 487 / 951.0),
            minority.GetProperty("metrics").GetProperty("dem_parity").GetDouble(), 15);
        Assert.Equal(
        [
            "group 'F x r3' has 10 rows with y = 1, fewer than 30: its TPR and FNR are too noisy to compare",
            "group 'M x r3' has 29 rows with y = 0, fewer than 30: its FPR is too noisy to compare",
        ], doc.GetProperty("warnings").EnumerateArray().Select(e => e.GetString()));

        // Intervals by default: 1,000 resamples at 95%, seed 0; every interval holds its value, the count has none, and
        // an unsigned gap's lower end is 0 exactly when the signed gap's interval holds 0.
        var intervals = doc.GetProperty("intervals");
        Assert.Equal(0.95, intervals.GetProperty("level").GetDouble());
        Assert.Equal(1000, intervals.GetProperty("resamples").GetInt32());
        Assert.Equal(0, intervals.GetProperty("seed").GetInt32());
        (double Low, double High) Ends(JsonElement e) => (e[0].GetDouble(), e[1].GetDouble());
        var f2 = intervals.GetProperty("by_group")[1].GetProperty("metrics");
        Assert.False(f2.TryGetProperty("count", out _));
        var tpr = Ends(f2.GetProperty("true_positive_rate"));
        Assert.InRange(0.6428571428571429, tpr.Low, tpr.High);
        var selectionDifference =
            Ends(intervals.GetProperty("difference_between_groups").GetProperty("selection_rate"));
        Assert.InRange(0.3684589220303506, selectionDifference.Low, selectionDifference.High);
        var ends = intervals.GetProperty("metrics");
        foreach (var key in new[] { "eqod", "eq_odds_worst", "eq_opp", "dem_parity", "dem_parity_ratio",
            "disparate_impact" })
        {
            var (low, high) = Ends(ends.GetProperty(key));
            Assert.InRange(minority.GetProperty("metrics").GetProperty(key).GetDouble(), low, high);
        }
        var signedSelection = Ends(intervals.GetProperty("gap_minority_minus_majority").GetProperty("selection_rate"));
        Assert.Equal(signedSelection.Low <= 0 && 0 <= signedSelection.High,
            Ends(ends.GetProperty("dem_parity")).Low == 0);
        Assert.Equal(-signedSelection.High, Ends(ends.GetProperty("dem_parity")).Low,
            12); // both ends below 0: |gap| from the nearer end
        // Same seed, same numbers; another seed, other draws; --resamples 0, none.
        var again = JsonDocument.Parse(CliSandbox.Run("metrics", box.PathOf("preds.csv"), "--y-true", "y", "--y-pred",
            "yhat", "--group", "sex", "--group", "race", "--minority", "F x r3", "--json").Out).RootElement;
        Assert.Equal(intervals.GetRawText(), again.GetProperty("intervals").GetRawText());
        var other = JsonDocument.Parse(CliSandbox.Run("metrics", box.PathOf("preds.csv"), "--y-true", "y", "--y-pred",
            "yhat", "--group", "sex", "--group", "race", "--minority", "F x r3", "--json", "--seed",
            "7").Out).RootElement;
        Assert.NotEqual(intervals.GetRawText(), other.GetProperty("intervals").GetRawText());
        var none = JsonDocument.Parse(CliSandbox.Run("metrics", box.PathOf("preds.csv"), "--y-true", "y", "--y-pred",
            "yhat", "--group", "sex", "--json", "--resamples", "0").Out).RootElement;
        Assert.False(none.TryGetProperty("intervals", out _));
    }

    [Fact]
    public void TablePrintsEachWarningOnceAfterTheTables()
    {
        using var box = new CliSandbox();
        // Group a: 40 rows with both labels; group b: 5 rows, all y = 0 (no positives, fewer than 30 rows).
        var csv = new StringBuilder("y,yhat,g\n");
        for (int i = 0; i < 40; i++) csv.Append($"{i % 2},{i / 2 % 2},a\n");
        for (int i = 0; i < 5; i++) csv.Append($"0,{i % 2},b\n");
        // Wide enough that no table is printed in column parts (the interval column sits beside the definition).
        var (exit, stdout, err) = CliSandbox.Run("metrics", box.Write("p.csv", csv.ToString()), "--y-true", "y",
            "--y-pred", "yhat", "--group", "g", "--minority", "b", "--width", "1000");
        Assert.True(exit == 0, err);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToArray();
        var warnings = lines.Where(l => l.StartsWith("warning: ")).ToArray();
        Assert.Equal(
        [
            "warning: group 'b' has no positive labels: TPR and FNR undefined (NaN)",
            "warning: group 'a' has 20 rows with y = 1 and 20 with y = 0, each fewer than 30: its TPR, FNR and FPR " +
                "are too noisy to compare",
            "warning: group 'b' has 5 rows (0 with y = 1, 5 with y = 0), fewer than 30: its rates are too noisy to " +
                "compare",
        ], warnings);
        // Each value has its interval on the line below; the two-group metrics have an interval column.
        Assert.Contains(lines, l => l.StartsWith("| overall ") && l.Contains("0.5000"));
        Assert.Contains(lines, l => l.Contains("| 95% interval ") && l.Contains("definition and convention"));
        Assert.Contains(lines, l => l.StartsWith("intervals (second line of a cell")
            && l.Contains("1,000 resamples, seed 0"));
        Assert.Contains(lines, l => l.StartsWith("| b ") && l.Contains(" yes ") && l.Contains("NaN"));
        Assert.Contains(lines, l => l.Contains("EqOd") && l.Contains("NaN"));
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("warning: ")) > Array.FindLastIndex(lines, l
            => l.StartsWith("+-")));
    }
}
