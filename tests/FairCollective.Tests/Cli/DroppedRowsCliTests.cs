using System.Text.Json;
using FairCollective.Experiments.Store;
using FairCollective.Tests.Data.Sources;
using Microsoft.Data.Sqlite;

namespace FairCollective.Tests.Cli;

/// <summary>
/// End to end: rows a dataset spec's missing policy drops are shown by datasets describe (table and JSON), run's
/// console, the store (beside the dataset's identity, outside every cell key) and the report, with a warning above
/// <see cref="FairCollective.Data.RowAccount.WarningShare"/>.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class DroppedRowsCliTests : IDisposable
{
    private const string Line =
        "400 rows read, 187 dropped (46.8%) for a missing value (hours: 134, wage: 80), 213 kept";
    private const string Warning = "warning: dataset 'survey': 187 of 400 rows (46.8%) were dropped for a missing " +
        "value (hours: 134, wage: 80), more than 10%";

    private readonly CliSandbox _box = new();

    private string Survey()
    {
        _box.Write("survey.csv", RowAccountTests.Survey());
        return _box.Write("survey.yaml", RowAccountTests.SurveySpec);
    }

    private string Experiment() => _box.Write("exp.yaml",
        $"name: exp\ndatasets: [{{path: survey.csv, spec: {Survey()}}}]\nstrategies: [RB-prob]\nalphas: " +
        $"[0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n");

    [Fact]
    public void DescribeShowsRowsReadDroppedAndWhyAsTableAndJson()
    {
        var spec = Survey();
        var table = CliSandbox.RunOk("datasets", "describe", spec);
        Assert.Contains("Rows: 400 read, 187 dropped (46.8%) for a missing value, 213 kept", table);
        Assert.Matches(@"\| hours +\| 134 +\| 33\.5% +\|", table);
        Assert.Matches(@"\| wage +\| 80 +\| 20\.0% +\|", table);
        Assert.Contains(Warning, table);
        using var json = JsonDocument.Parse(CliSandbox.RunOk("datasets", "describe", spec, "--json"));
        var root = json.RootElement;
        Assert.Equal((213, 400, 187), (root.GetProperty("rows").GetInt32(), root.GetProperty("rows_read").GetInt32(),
            root.GetProperty("rows_dropped").GetInt32()));
        Assert.Equal(["hours:134", "wage:80"], root.GetProperty("dropped_by_column").EnumerateArray().Select(c
            => $"{c.GetProperty("column").GetString()}:{c.GetProperty("rows").GetInt32()}"));
        Assert.StartsWith(Warning["warning: ".Length..], root.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void RunPrintsALinePerDatasetStoresTheAccountAndTheReportShowsIt()
    {
        var output = CliSandbox.RunOk("run", Experiment(), "--threads", "1");
        Assert.Contains($"dataset 'survey': {Line}", output);
        Assert.Contains(Warning, output);

        string store = _box.PathOf("exp.sqlite");
        using (var s = ResultsStore.Open(store, StoreAccess.Read))
        {
            var rows = s.SettingsOf("exp")!.DatasetRows["survey"];
            Assert.Equal(Line, rows.Describe());
            // The account sits beside the identity; no cell's configuration (so no key) holds it.
            Assert.All(s.Cells(), c => Assert.DoesNotContain("dropped", c.Config!.ToJson()));
        }

        string summary = File.ReadAllText(_box.PathOf("exp-report/summary.md"));
        Assert.Contains("| exp | survey | 400 | 187 (46.8%) | 213 | hours (134), wage (80) |", summary);
        Assert.Contains("- dataset 'survey': 187 of 400 rows (46.8%) were dropped", summary);
        string index = File.ReadAllText(_box.PathOf("exp-report/index.html"));
        Assert.Contains("<td>hours (134), wage (80)</td>", index);
        Assert.Contains("<li>dataset &#39;survey&#39;: 187 of 400 rows (46.8%) were dropped", index);
    }

    [Fact]
    public void AStoreWrittenBeforeRowsWereAccountedResumesWithEveryCellAndGainsTheAccount()
    {
        var exp = Experiment();
        CliSandbox.RunOk("run", exp, "--threads", "1", "--no-report");
        string store = _box.PathOf("exp.sqlite");
        // As an earlier version wrote it: the dataset's two hashes and nothing else.
        string settings;
        using (var s = ResultsStore.Open(store, StoreAccess.Read)) settings = s.SettingsOf("exp")!.ToJson();
        var old = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(settings)!;
        var datasets = old["datasets"].EnumerateObject().ToDictionary(p => p.Name, p
            => new
            {
                content_sha256 = p.Value.GetProperty("content_sha256").GetString(),
                spec_sha256 = p.Value.GetProperty("spec_sha256").GetString()
            });
        string oldJson = settings.Replace(old["datasets"].GetRawText(), JsonSerializer.Serialize(datasets));
        Assert.DoesNotContain("dropped", oldJson);
        Assert.Empty(ExperimentSettings.FromJson(oldJson).DatasetRows);
        using (var db = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE experiments SET settings_json = $s";
            cmd.Parameters.AddWithValue("$s", oldJson);
            cmd.ExecuteNonQuery();
        }
        Assert.Contains("computed 0 cells", CliSandbox.RunOk("run", exp, "--threads", "1", "--no-report"));
        using var again = ResultsStore.Open(store, StoreAccess.Read);
        Assert.Equal(Line, again.SettingsOf("exp")!.DatasetRows["survey"].Describe());
    }

    public void Dispose() => _box.Dispose();
}
