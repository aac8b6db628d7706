using System.Text;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

/// <summary>Rows dropped by the missing policy are counted, per column, and a large share is a warning.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class RowAccountTests
{
    /// <summary>
    /// A survey of 400 rows as a new user's data set looks: hours missing ("") on every third row, wage missing ("NA")
    /// on every fifth, both on every fifteenth: 134 + 80 - 27 = 187 rows dropped under drop-row, 46.75% of those read.
    /// </summary>
    internal static string Survey()
    {
        var csv = new StringBuilder("age,sex,hours,wage,y\n");
        for (int i = 0; i < 400; i++)
            csv.Append(18 + i % 50).Append(i % 4 == 0 ? ",F," : ",M,").Append(i % 3 == 0 ? "" : (20 + i %
                30).ToString()).Append(',')
                .Append(i % 5 == 0 ? "NA" : (10 + i % 17).ToString()).Append(',').Append((i * 7 + i / 3) %
                    2).Append('\n');
        return csv.ToString();
    }

    internal const string SurveySpec = "name: survey\npath: survey.csv\nlabel: { column: y, favourable: [\"1\"] " +
        "}\nsensitive: { columns: [sex], minority: [F] }\n";

    private static Dataset Load(string data, string spec)
    {
        using var dir = new TempDirectory();
        dir.Write("survey.csv", data);
        return DatasetSpecFile.Load(dir.Write("survey.yaml", spec));
    }

    [Fact]
    public void DroppedRowsAreCountedOnceInTheTotalAndOnceUnderEachColumnMissing()
    {
        var d = Load(Survey(), SurveySpec);
        Assert.Equal(213, d.RowCount);
        Assert.Equal((400, 187), (d.RowAccount!.Read, d.RowAccount.Dropped));
        // Every dropped row is kept with its line, id and missing columns (the plan lists dropped members from them).
        Assert.Equal(187, d.RowAccount.Rows.Count);
        Assert.Equal(134, d.RowAccount.Rows.Count(r => r.Columns.Contains("hours")));
        Assert.All(d.RowAccount.Rows, r => Assert.True(r.Line >= 2 && r.Columns.Count >= 1));
        Assert.Equal([new ColumnDrops("hours", 134), new ColumnDrops("wage", 80)], d.RowAccount.ByColumn);
        Assert.Equal(213, d.RowAccount.Kept);
        Assert.Equal("400 rows read, 187 dropped (46.8%) for a missing value (hours: 134, wage: 80), 213 kept",
            d.RowAccount.Describe());
        Assert.Equal("dataset 'survey': 187 of 400 rows (46.8%) were dropped for a missing value (hours: 134, wage: " +
            "80), more than 10%; the rows kept may not represent the file's population (missing.policy: keep keeps " +
            "rows with missing feature values; docs/dataset-spec.md)",
            d.RowAccount.Warning("survey"));
    }

    [Fact]
    public void AMissingLabelOrGroupIsCountedUnderItsColumnAndKeepDropsNothing()
    {
        // Two rows without a label, one of them also without a group: 2 dropped, under y twice and sex once.
        var lines = Survey().Split('\n');
        lines[2] = "19,,21,11,?"; // i = 1: hours and wage present
        lines[3] = "20,M,22,12,?"; // i = 2
        var d = Load(string.Join('\n', lines), SurveySpec);
        Assert.Equal(189, d.RowAccount!.Dropped);
        Assert.Equal([new ColumnDrops("hours", 134), new ColumnDrops("wage", 80), new ColumnDrops("y", 2),
            new ColumnDrops("sex", 1)], d.RowAccount.ByColumn);
        var kept = Load(Survey(), SurveySpec + "missing: { policy: keep }\n");
        Assert.Equal(400, kept.RowCount);
        Assert.Equal("400 rows read, none dropped", kept.RowAccount!.Describe());
        Assert.Null(kept.RowAccount.Warning("survey"));
    }

    [Fact]
    public void TheWarningIsForMoreThanItsShare()
    {
        Assert.Null(new RowAccount(400, 40, [new ColumnDrops("a", 40)]).Warning("d"));   // exactly 10%
        Assert.NotNull(new RowAccount(400, 41, [new ColumnDrops("a", 41)]).Warning("d")); // above
        Assert.Equal(0.10, RowAccount.WarningShare);
    }

    [Fact]
    public void TheSummaryCarriesTheAccountAndItsWarning()
    {
        var s = DatasetSummary.Describe(Load(Survey(), SurveySpec));
        Assert.Equal((400, 187), (s.RowsRead, s.RowsDropped));
        Assert.Equal(["hours", "wage"], s.DroppedByColumn!.Select(c => c.Column));
        Assert.Single(s.Warnings!);
        var preset = DatasetSummary.Describe(FairCollective.Data.Sources.DatasetCatalog.Load("toy"));
        Assert.Null(preset.RowsRead);
        Assert.Empty(preset.Warnings!);
    }

    [Fact]
    public void EveryRowDroppedIsOneLineSayingWhy()
    {
        var e = Assert.Throws<UserInputException>(() => Load("a,g,y\n,a,1\n,b,0\n",
            "path: survey.csv\nlabel: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] " +
            "}\n"));
        Assert.EndsWith("survey.csv: no row is left: 2 rows read, 2 dropped (100.0%) for a missing value (a: 2), 0 " +
            "kept; check missing.values and the columns used, or keep rows with missing feature values with " +
            "missing.policy: keep", e.Message);
    }

    [Fact]
    public void AnEmptyHeaderIsRefusedUnlessFeaturesLeaveItOutOrColumnsNameIt()
    {
        const string rNames =
            "\"\",\"x\",\"g\",\"y\"\n\"1\",5,\"a\",1\n\"2\",6,\"b\",0\n\"3\",7,\"a\",0\n\"4\",8,\"b\",1\n";
        const string tail = "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n";
        var e = Assert.Throws<UserInputException>(() => Load(rNames, "path: survey.csv\n" + tail));
        Assert.EndsWith("survey.csv: column 1 has an empty header (R's write.csv writes row names so); name it with " +
            "'columns' in the dataset spec (then leave it out of 'features' or make it the 'id'), or list the " +
            "features under 'features' to leave it out", e.Message);
        // Before, the row names became a numeric feature named "".
        var listed = Load(rNames, "path: survey.csv\n" + tail + "features: [{name: x}, {name: g}]\n");
        Assert.Equal(["x", "g"], listed.Features.Select(f => f.Name));
        var named = Load(rNames, "path: survey.csv\ncolumns: [row, x, g, y]\nid: row\n" + tail);
        Assert.Equal(["1", "2", "3", "4"], named.Ids);
        Assert.Equal(["x", "g"], named.Features.Select(f => f.Name));
    }
}
