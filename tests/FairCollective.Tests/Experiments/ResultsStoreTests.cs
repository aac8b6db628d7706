using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using Microsoft.Data.Sqlite;

namespace FairCollective.Tests.Experiments;

[Trait(TestKind.Name, TestKind.Unit)]
public sealed class ResultsStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-store-").FullName;

    private static CellRecord Cell(int seed, string method = "RB-prob", double eqod = 0.1)
        => TestCells.Configured(new CellRecord
        {
            Experiment = "e", Dataset = "compas", Learner = "logistic", Method = method, Seed = seed, Alpha = 0.3,
            Members =
            30, Budget = "0.5 of pool",
            Flips = 12, PoolSize = 24, Metrics = new Dictionary<string, double>
            {
                [MetricKeys.EqOd] = eqod,
                [MetricKeys.Error] = 0.33, ["nan_metric"] = double.NaN
            },
        });

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static string Refused(Action action)
    {
        var e = Assert.Throws<UserInputException>(action);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Fact]
    public void CellsRoundTripAndAreNeverDuplicated()
    {
        var path = PathOf("r.sqlite");
        using (var store = ResultsStore.Open(path))
        {
            Assert.True(store.Add(Cell(0)));
            Assert.True(store.Add(Cell(1)));
            Assert.False(store.Add(Cell(0, eqod: 0.9))); // same key: ignored, first result kept
        }
        using var reopened = ResultsStore.Open(path, StoreAccess.Read);
        var cells = reopened.Cells();
        Assert.Equal(2, cells.Count);
        Assert.Equal(0.1, cells.Single(c => c.Seed == 0).Metrics[MetricKeys.EqOd]);
        Assert.True(double.IsNaN(cells[0].Metrics["nan_metric"]));
        Assert.Equal(cells.Select(c => c.Key).ToHashSet(), reopened.FinishedKeys());
        Assert.Equal(Cell(0).ConfigJson, cells.Single(c => c.Seed == 0).ConfigJson);
    }

    [Fact]
    public void AddAllCommitsABatchOnceAndCountsOnlyNewCells()
    {
        var path = PathOf("batch.sqlite");
        using (var store = ResultsStore.Open(path))
        {
            Assert.True(store.Add(Cell(0)));
            // One transaction: the cell already there is not duplicated (its first result is kept), the rest are added.
            Assert.Equal(3, store.AddAll([Cell(0, eqod: 0.9), Cell(1), Cell(2), Cell(3)]));
            Assert.Equal(0, store.AddAll([]));
        }
        using var reopened = ResultsStore.Open(path, StoreAccess.Read);
        var cells = reopened.Cells();
        Assert.Equal([0, 1, 2, 3], cells.Select(c => c.Seed).Order());
        Assert.Equal(0.1, cells.Single(c => c.Seed == 0).Metrics[MetricKeys.EqOd]);
        Assert.Equal(Cell(2).ConfigJson, cells.Single(c => c.Seed == 2).ConfigJson);
    }

    [Fact]
    public void AFailedBatchLeavesNoneOfItsCells()
    {
        var path = PathOf("atomic.sqlite");
        using (var store = ResultsStore.Open(path)) store.Add(Cell(0));
        // A trigger makes the third insert of the batch fail: the two before it must be rolled back with it.
        Update(path,
            "CREATE TRIGGER refuse BEFORE INSERT ON cells WHEN NEW.seed = 3 BEGIN SELECT RAISE(ABORT, 'refused'); END");
        using (var store = ResultsStore.Open(path))
            Assert.Contains("refused", Refused(() => store.AddAll([Cell(1), Cell(2), Cell(3), Cell(4)])));
        using var reopened = ResultsStore.Open(path, StoreAccess.Read);
        Assert.Equal([0], reopened.Cells().Select(c => c.Seed));
    }

    [Fact]
    public void ExportsCsvAndJson()
    {
        using var store = ResultsStore.Open(PathOf("x.sqlite"));
        store.Add(Cell(0));
        var csv = new StringWriter();
        ResultsExport.WriteCsv(store.Cells(), csv);
        var lines = csv.ToString().Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("experiment,dataset,learner,method,seed,alpha", lines[0]);
        Assert.Contains("0.1", lines[1]);
        using var ms = new MemoryStream();
        ResultsExport.WriteJson(store.Cells(), ms);
        using var doc = System.Text.Json.JsonDocument.Parse(ms.ToArray());
        Assert.Equal(0.1, doc.RootElement[0].GetProperty("metrics").GetProperty("eqod").GetDouble());
        Assert.Equal("NaN", doc.RootElement[0].GetProperty("metrics").GetProperty("nan_metric").GetString());
        Assert.Equal("compas",
            doc.RootElement[0].GetProperty("config").GetProperty("dataset").GetProperty("name").GetString());
    }

    [Fact]
    public void MissingStoreIsAUserErrorAndReadingCreatesNothing()
    {
        var path = PathOf("none.sqlite");
        Assert.Equal($"results store '{path}' does not exist", Refused(() => ResultsStore.Open(path,
            StoreAccess.Read)));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void AForeignDatabaseIsRefusedAndLeftUntouched()
    {
        var path = PathOf("other.db");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE customers(id INTEGER); INSERT INTO customers VALUES (1);";
            cmd.ExecuteNonQuery();
        }
        byte[] before = File.ReadAllBytes(path);
        Assert.Equal($"'{path}' is not a FairCollective results store (it is an SQLite database with tables " +
            "customers); give another --store path",
            Refused(() => ResultsStore.Open(path)));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void AFileThatIsNoDatabaseIsRefused()
    {
        var path = PathOf("notes.sqlite");
        File.WriteAllText(path,
            "these are my notes, not a database, and they are long enough to fill a header " +
            "page....................................");
        Assert.Equal($"'{path}' is not a FairCollective results store (not an SQLite database)", Refused(()
            => ResultsStore.Open(path)));
        Assert.Equal($"'{path}' is not a FairCollective results store (not an SQLite database)", Refused(()
            => ResultsStore.Open(path, StoreAccess.Read)));
    }

    [Fact]
    public void AnUnknownSchemaVersionIsRefused()
    {
        var path = PathOf("future.sqlite");
        using (ResultsStore.Open(path)) { }
        SetPragma(path, "user_version", 9);
        Assert.Equal($"results store '{path}' has schema version 9; this FairCollective reads version " +
            $"{ResultsStore.SchemaVersion} (run into a new store, or use the FairCollective that wrote it)",
            Refused(() => ResultsStore.Open(path)));
    }

    [Fact]
    public void AFirstSchemaStoreIsRefusedWithTheReason()
    {
        var path = PathOf("v1.sqlite");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta " +
                "VALUES('schema_version', '1'); CREATE TABLE cells(cell_key TEXT);";
            cmd.ExecuteNonQuery();
        }
        Assert.Contains("schema 1), whose cells do not record their full configuration", Refused(()
            => ResultsStore.Open(path, StoreAccess.Read)));
    }

    [Fact]
    public void AnExperimentCannotBeRunAgainWithOtherSettings()
    {
        var path = PathOf("s.sqlite");
        using var store = ResultsStore.Open(path);
        store.BeginRun("e",
            TestCells.Settings("compas") with
            {
                StrategyOptions =
            TestCells.NeighbourK(NeighbourStrategyOptions.DefaultK)
            },
            "run-1", "{}", "{}");
        // Same settings, more datasets: fine (the grid grows).
        store.BeginRun("e", TestCells.Settings("compas", "adult"), "run-2", "{}", "{}");
        Assert.Equal(["adult", "compas"], store.SettingsOf("e")!.Datasets.Keys.Order());

        string Why(ExperimentSettings s) => Refused(() => store.BeginRun("e", s, "run-x", "{}", "{}"));
        var baseline = TestCells.Settings("compas");
        string prefix = $"results store '{path}' already holds experiment 'e' with other settings: ";
        const string suffix = "; give the spec another name, or run into another --store";
        Assert.Equal(prefix + "test_fraction is 0.3 in the store and 0.25 now" + suffix,
            Why(baseline with { TestFraction = 0.25 }));
        Assert.Equal(prefix + "strategy.tie_rule is SeededRandom in the store and RowIndex now" + suffix,
            Why(baseline with
            {
                Strategy = baseline.Strategy with
                {
                    TieRule = FairCollective.Collective.TieRule.RowIndex
                }
            }));
        Assert.Equal(prefix + "strategy 'RB-dist' options differ: K is 10 in the store and 3 now" + suffix,
            Why(baseline with { StrategyOptions = TestCells.NeighbourK(3) }));
        Assert.Equal(prefix + "learner 'logistic' options differ: C is (unset) in the store and 0.01 now" + suffix,
            Why(baseline with { Learners = new Dictionary<string, string> { ["logistic"] = "{\"C\":0.01}" } }));
        Assert.Equal(prefix +
            "dataset 'compas' has different data (content sha256 content-comp in the store, edited now)" + suffix,
            Why(baseline with
            {
                Datasets = new Dictionary<string, DatasetIdentity>
                {
                    ["compas"] = new("compas",
                "edited", "spec-compas")
                }
            }));
        Assert.Equal(prefix +
            "dataset 'compas' is read with different settings (spec sha256 spec-compas in the store, other now)" +
            suffix,
            Why(baseline with
            {
                Datasets = new Dictionary<string, DatasetIdentity>
                {
                    ["compas"] = new("compas",
                "content-compas", "other")
                }
            }));
        // Nothing of the refused runs was recorded.
        Assert.Equal(["run-1", "run-2"], store.Runs().Select(r => r.RunId).Order());
        // Another experiment name is another experiment.
        store.BeginRun("e2", baseline with { TestFraction = 0.25 }, "run-3", "{}", "{}");
    }

    [Fact]
    public void ACorruptedRowIsNamedInOneLine()
    {
        var path = PathOf("c.sqlite");
        using (var store = ResultsStore.Open(path))
        {
            store.Add(Cell(0));
            store.Add(Cell(1));
        }
        Update(path, "UPDATE cells SET metrics_json = '{\"eqod\": ' WHERE seed = 1");
        var message = Refused(() => ResultsStore.Open(path, StoreAccess.Read).Cells());
        Assert.Matches(@"^results store '.*c\.sqlite': cell row 2 \(key [0-9a-f]{12}\) is corrupted: .+; delete that " +
            @"row or run the experiment into a new store$", message);

        Update(path,
            "UPDATE cells SET metrics_json = '{}', config_json = replace(config_json, '\"seed\":1', '\"seed\":7') " +
            "WHERE seed = 1");
        Assert.Contains("is corrupted: its key does not match its configuration", Refused(() => ResultsStore.Open(path,
            StoreAccess.Read).Cells()));
        Update(path,
            "UPDATE cells SET alpha = 'abc', config_json = replace(config_json, '\"seed\":7', '\"seed\":1') WHERE " +
            "seed = 1");
        Assert.Contains("is corrupted: alpha is not a number", Refused(() => ResultsStore.Open(path,
            StoreAccess.Read).Cells()));
        Update(path, "UPDATE cells SET alpha = 0.3, flips = 99 WHERE seed = 1");
        Assert.Contains("is corrupted: its counts are impossible", Refused(() => ResultsStore.Open(path,
            StoreAccess.Read).Cells()));
    }

    /// <summary>
    /// A large store's rows are parsed on every core: its cells come back in key order, equal to what was written, and
    /// of several corrupted rows the first in key order is named, whatever thread parsed it first.
    /// </summary>
    [Fact]
    public void ALargeStoreReadsInKeyOrderAndNamesItsFirstCorruptedRow()
    {
        var path = PathOf("large.sqlite");
        var written = Enumerable.Range(0, 1500).Select(seed => Cell(seed, eqod: seed / 1500.0)).ToArray();
        using (var store = ResultsStore.Open(path))
            foreach (var cell in written) store.Add(cell);
        using (var store = ResultsStore.Open(path, StoreAccess.Read))
        {
            var read = store.Cells();
            Assert.Equal(written.Select(c => c.Key).Order(StringComparer.Ordinal), read.Select(c => c.Key));
            var bySeed = read.ToDictionary(c => c.Seed);
            foreach (var cell in written) Assert.Equal(cell.Metrics[MetricKeys.EqOd],
                bySeed[cell.Seed].Metrics[MetricKeys.EqOd]);
        }
        var keys = written.Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        // Corrupt three rows; the one with the smallest key must be named, also when another fails first on a thread.
        foreach (var key in new[] { keys[1400], keys[700], keys[5] })
            Update(path, $"UPDATE cells SET metrics_json = '{{\"eqod\": ' WHERE cell_key = '{key}'");
        for (int attempt = 0; attempt < 5; attempt++)
            Assert.Contains($"(key {keys[5][..12]}) is corrupted", Refused(() => ResultsStore.Open(path,
                StoreAccess.Read).Cells()));
    }

    private static void Update(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static void SetPragma(string path, string pragma, int value) => Update(path, $"PRAGMA {pragma} = {value}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
