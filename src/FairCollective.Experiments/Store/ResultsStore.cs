using System.Globalization;
using System.Text.Json;
using FairCollective.Common;
using Microsoft.Data.Sqlite;

namespace FairCollective.Experiments.Store;

/// <summary>How a store is opened.</summary>
public enum StoreAccess
{
    /// <summary>Read an existing store without changing it (results, report).</summary>
    Read,

    /// <summary>Open or create a store to add cells to (run, reproduce).</summary>
    Write,
}

/// <summary>
/// The results store: one SQLite file holding every finished cell with its full configuration (docs/store.md).
/// <list type="bullet">
/// <item>Identity: the file carries FairCollective's SQLite application id and a schema version; any other
/// database, an older or newer schema, is refused with one line, never written to.</item>
/// <item>No mixing: each experiment name is bound to its <see cref="ExperimentSettings"/>; a run under the same
/// name with different settings is refused before any cell is computed, naming the first differing setting.</item>
/// <item>Crash safety: cells are committed in transactions (WAL journal) as they finish, keyed by the hash of their
/// full configuration, so a killed run loses no committed cell and a resumed run duplicates none.</item>
/// <item>Integrity: a row that does not read back as a cell (edited, truncated, key not matching its configuration)
/// is reported with one line naming the row.</item>
/// <item>Completeness: a run records the cells it sets out to compute before the first (the pending table) and that it
/// finished; cells pending but not stored are missing (<see cref="Gaps"/>), which merges, tables and the report
/// say.</item>
/// </list>
/// Thread-safe: workers may add cells concurrently (writes are serialised on one connection).
/// </summary>
public sealed class ResultsStore : IDisposable
{
    /// <summary>SQLite application id of a FairCollective store ("FCol" in ASCII), in the file header.</summary>
    public const int ApplicationId = 0x46436F6C;

    /// <summary>
    /// Schema version in SQLite's user_version. 1 was the first release, whose cells lacked their full configuration;
    /// 2 lacked the strategies' scoring space, whose default changed in 3; 3 stored bootstrap intervals of EqOd and
    /// error only, where 4 stores one for every metric; 4's firm-side cells lack the rows their post-processors were
    /// fitted on and calibrated equalized odds' knob meant a multiplier; 5 did not record the cells a run set out to
    /// compute nor whether it finished, so a store of a stopped run could not be told from a finished one, and its
    /// intervals of unsigned gaps and ratios are percentile intervals of the gap itself, which exclude 0 near 0, where
    /// 6 bounds them through their signed gaps (<see cref="FairCollective.Fairness.UnsignedInterval"/>). The interval
    /// method is the code's, not a setting, so it is identified by this version: a store never holds cells of both.
    /// 6 keyed every collective cell by k, scaling and RB-prob's model, shared by all strategies, where 7 keys a cell
    /// by its own strategy's options only (RB-label's k, RB-prob's model) and a plausible-flips cell by its model.
    /// </summary>
    public const int SchemaVersion = 7;

    /// <summary>Why a store of an earlier schema version cannot be read, where the reason is specific.</summary>
    private static string? EarlierSchema(int version) => version switch
    {
        5 => "its intervals of unsigned gaps and ratios (EqOd, eq_odds_worst, eq_opp, dem_parity, dem_parity_ratio) " +
            "are percentile intervals that exclude 0 near 0, " +
             "where this FairCollective bounds them through the signed gaps (docs/metrics.md), and it does not " +
                 "record whether its runs finished; run the experiment again into a new store",
        6 => "its collective cells are keyed by k, scaling and rb_prob_model shared by every strategy, which are now " +
            "the options of the strategies " +
             "that use them (strategy.options.RB-label.k, strategy.options.RB-prob.model; docs/experiment-spec.md), " +
                 "so no key of it would match; " +
             "run the experiment again into a new store (its numbers are the same)",
        _ => null,
    };

    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private SqliteCommand? _insertCell;

    private readonly StoreAccess _access;

    private ResultsStore(SqliteConnection db, string path, StoreAccess access)
    {
        _db = db;
        Path = path;
        _access = access;
    }

    /// <summary>The store file's path as given to <see cref="Open"/>.</summary>
    public string Path { get; }

    /// <summary>Opens the store at <paramref name="path"/>; <see cref="StoreAccess.Write"/> creates it (and its folder)
    /// when missing.</summary>
    public static ResultsStore Open(string path, StoreAccess access = StoreAccess.Write)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UserInputException("no results store path given");
        if (Directory.Exists(path)) throw new UserInputException($"results store '{path}' is a directory, not a file");
        bool exists = File.Exists(path);
        if (!exists
            && access == StoreAccess.Read) throw new UserInputException($"results store '{path}' does not exist");
        if (!exists) CreateFolderOf(path);

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false,
            Mode = access == StoreAccess.Read ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        };
        var db = new SqliteConnection(builder.ToString());
        try
        {
            db.Open();
            Execute(db, "PRAGMA busy_timeout=5000;");
            int appId = Scalar<long>(db, "PRAGMA application_id") is var a ? (int)a : 0;
            int version = (int)Scalar<long>(db, "PRAGMA user_version");
            var tables = Tables(db);
            if (appId == ApplicationId)
            {
                if (version != SchemaVersion)
                    throw new UserInputException(EarlierSchema(version) is { } why
                        ? $"results store '{path}' has schema version {version}; this FairCollective reads version " +
                            $"{SchemaVersion}: {why}"
                        : $"results store '{path}' has schema version {version}; this FairCollective reads version " +
                            $"{SchemaVersion} (run into a new store, or use the FairCollective that wrote it)");
            }
            else if (tables.Count > 0)
            {
                throw new UserInputException(IsFirstSchema(db, tables)
                    ? $"results store '{path}' was written by an earlier FairCollective (schema 1), whose cells do " +
                        "not record their full configuration; run the experiment again into a new store"
                    : $"'{path}' is not a FairCollective results store (it is an SQLite database with tables " +
                        $"{string.Join(", ", tables)}); give another --store path");
            }
            else if (access == StoreAccess.Read)
            {
                throw new UserInputException($"'{path}' is not a FairCollective results store (an empty SQLite " +
                    "database or another file)");
            }
            else
            {
                Initialise(db);
            }
            if (access == StoreAccess.Write) Execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new UserInputException(e.SqliteErrorCode == 26 // SQLITE_NOTADB
                ? $"'{path}' is not a FairCollective results store (not an SQLite database)"
                : $"cannot open results store '{path}': {FirstLine(e.Message)}");
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return new ResultsStore(db, path, access);
    }

    /// <summary>
    /// Binds <paramref name="experiment"/> to <paramref name="settings"/> (or checks they equal the stored ones) and
    /// records the run with the cells it sets out to compute (<paramref name="part"/>: the whole plan, or a shard's
    /// part); those the store does not hold yet are pending until committed. Refuses, changing nothing, when the store
    /// holds the experiment with different settings.
    /// </summary>
    public void BeginRun(string experiment, ExperimentSettings settings, string runId, string specJson,
        string environmentJson,
        IReadOnlyCollection<(string Key, CellConfig Config)>? part = null)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var stored = StoredSettings(experiment, tx);
            if (stored is not null && settings.FirstDifference(stored) is { } difference)
                throw new UserInputException(
                    $"results store '{Path}' already holds experiment '{experiment}' with other settings: " +
                        $"{difference}; give the spec another name, or run into another --store");
            var merged = stored is null ? settings : settings.UnionWith(stored);
            Run(tx, "INSERT OR REPLACE INTO experiments(experiment, settings_json) VALUES($e, $s)", ("$e", experiment),
                ("$s", merged.ToJson()));
            Run(tx,
                "INSERT OR REPLACE INTO runs(run_id, experiment, started_utc, spec_json, environment_json, cells, " +
                "finished_utc) VALUES($id, $e, $t, $s, $env, $n, NULL)",
                ("$id", runId), ("$e", experiment), ("$t", Now()), ("$s", specJson), ("$env", environmentJson), ("$n",
                    part?.Count ?? 0));
            if (part is not null)
            {
                var done = Keys(tx);
                AddPending(tx, part.Where(c => !done.Contains(c.Key)).Select(c => new MissingCell(c.Config.Experiment,
                    c.Key, c.Config.Describe())));
            }
            tx.Commit();
        }
    }

    /// <summary>
    /// Records that run <paramref name="runId"/> finished: every cell of its part is committed. Pending cells the store
    /// now holds are struck off (cells of other runs' parts that are still missing stay pending).
    /// </summary>
    public void FinishRun(string runId)
    {
        lock (_gate)
        {
            using var tx = Guarded(() => _db.BeginTransaction());
            Run(tx, "UPDATE runs SET finished_utc = $t WHERE run_id = $id", ("$t", Now()), ("$id", runId));
            Run(tx, "DELETE FROM pending WHERE EXISTS (SELECT 1 FROM cells WHERE cells.cell_key = pending.cell_key)");
            Guarded(() => { tx.Commit(); return 0; });
        }
    }

    /// <summary>
    /// What the store lacks: cells a run set out to compute that are not stored (a run stopped before its end or still
    /// running, or an unfinished store merged with <c>--allow-partial</c>), and shards of a sharded experiment none of
    /// whose runs is recorded.
    /// </summary>
    public StoreGaps Gaps()
    {
        lock (_gate)
        {
            var missing = ReadRows("SELECT experiment, cell_key, label, rowid FROM pending p WHERE NOT EXISTS " +
                "(SELECT 1 FROM cells c WHERE c.cell_key = p.cell_key) ORDER BY experiment, label, cell_key",
                "pending", r => new MissingCell(Text(r, 0, "experiment"), Text(r, 1, "cell_key"), Text(r, 2, "label")));
            return new StoreGaps(missing, StoreGaps.MissingShardsOf(Runs()));
        }
    }

    private void AddPending(SqliteTransaction tx, IEnumerable<MissingCell> cells)
    {
        using var cmd = Command("INSERT OR IGNORE INTO pending(cell_key, experiment, label) VALUES($k, $e, $l)");
        cmd.Transaction = tx;
        var (k, e, l) = (cmd.Parameters.Add(new SqliteParameter { ParameterName = "$k" }),
            cmd.Parameters.Add(new SqliteParameter { ParameterName = "$e" }),
            cmd.Parameters.Add(new SqliteParameter { ParameterName = "$l" }));
        foreach (var cell in cells)
        {
            (k.Value, e.Value, l.Value) = (cell.Key, cell.Experiment, cell.Label);
            Guarded(cmd.ExecuteNonQuery);
        }
    }

    /// <summary>
    /// Copies what other stores hold into this new one (<see cref="StoreMerge"/>): experiments bound to their settings,
    /// runs as recorded, and cells with their measured values, in one transaction (all or nothing).
    /// </summary>
    internal void Import(IReadOnlyDictionary<string, ExperimentSettings> settings, IEnumerable<StoredRun> runs,
        IEnumerable<CellRecord> cells, IEnumerable<MissingCell> missing)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            foreach (var (experiment, s) in settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                Run(tx, "INSERT INTO experiments(experiment, settings_json) VALUES($e, $s)", ("$e", experiment), ("$s",
                    s.ToJson()));
            foreach (var r in runs)
                Run(tx,
                    "INSERT OR IGNORE INTO runs(run_id, experiment, started_utc, spec_json, environment_json, cells, " +
                    "finished_utc) VALUES($id, $e, $t, $s, $env, $n, $f)",
                    ("$id", r.RunId), ("$e", r.Experiment), ("$t", r.StartedUtc), ("$s", r.SpecJson), ("$env",
                        r.EnvironmentJson), ("$n", r.Cells), ("$f", (object?)r.FinishedUtc ?? DBNull.Value));
            foreach (var cell in cells) Insert(PendingRow.Of(cell), tx);
            AddPending(tx, missing);
            tx.Commit();
        }
    }

    /// <summary>The settings the store binds <paramref name="experiment"/> to; null when it holds no such
    /// experiment.</summary>
    public ExperimentSettings? SettingsOf(string experiment)
    {
        lock (_gate) return StoredSettings(experiment, null);
    }

    /// <summary>Experiment names with cells or runs, in order.</summary>
    public IReadOnlyList<string> Experiments()
    {
        lock (_gate)
        {
            using var cmd =
                Command("SELECT experiment FROM experiments UNION SELECT DISTINCT experiment FROM cells ORDER BY 1");
            using var r = Guarded(cmd.ExecuteReader);
            var names = new List<string>();
            while (Guarded(r.Read))
                names.Add(r.IsDBNull(0) || r.GetFieldType(0) != typeof(string)
                    ? throw new UserInputException($"results store '{Path}': a row of its experiments or cells table " +
                        $"has no experiment name (it is {(r.IsDBNull(0) ? "NULL" : "not text")}); run the experiment " +
                        "into a new store")
                    : r.GetString(0));
            return names;
        }
    }

    /// <summary>Keys of the cells already finished (for resuming).</summary>
    public HashSet<string> FinishedKeys()
    {
        lock (_gate) return Keys(null);
    }

    private HashSet<string> Keys(SqliteTransaction? tx)
    {
        using var cmd = Command("SELECT cell_key FROM cells");
        cmd.Transaction = tx;
        using var r = Guarded(cmd.ExecuteReader);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (Guarded(r.Read)) keys.Add(r.GetString(0));
        return keys;
    }

    /// <summary>Commits one finished cell. Returns false when the store already had it (nothing is
    /// duplicated).</summary>
    public bool Add(CellRecord cell)
    {
        var row = PendingRow.Of(cell);
        lock (_gate) return Insert(row, null);
    }

    /// <summary>
    /// Commits finished cells in one transaction: all of them or, on an error, none. One transaction for several cells
    /// costs far less than one each (a COMPAS grid's commits). Returns how many were new (cells the store already had
    /// are not duplicated).
    /// </summary>
    public int AddAll(IReadOnlyList<CellRecord> cells)
    {
        // Serialised and hashed before taking the gate, so readers and other writers wait only for the inserts.
        var rows = new PendingRow[cells.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = PendingRow.Of(cells[i]);
        lock (_gate)
        {
            if (rows.Length == 1) return Insert(rows[0], null) ? 1 : 0;
            using var tx = Guarded(() => _db.BeginTransaction());
            int added = 0;
            foreach (var row in rows)
                if (Insert(row, tx)) added++;
            Guarded(() => { tx.Commit(); return 0; });
            return added;
        }
    }

    /// <summary>A cell as its row will hold it: the key is the hash of this same configuration text.</summary>
    private sealed record PendingRow(CellRecord Cell, CellConfig Config, string Key, string ConfigJson,
        string MetricsJson)
    {
        public static PendingRow Of(CellRecord cell)
        {
            var config = cell.Config ?? throw new ArgumentException("only cells with a configuration can be stored",
                nameof(cell));
            string json = config.ToJson();
            return new PendingRow(cell, config, CellConfig.KeyOf(json), json, Store.MetricsJson.Write(cell.Metrics));
        }
    }

    /// <summary>Inserts one row (under the gate), in <paramref name="tx"/> or its own transaction; false when the key
    /// was there.</summary>
    private bool Insert(PendingRow row, SqliteTransaction? tx)
    {
        var (cell, config) = (row.Cell, row.Config);
        var cmd = _insertCell ??= InsertCellCommand();
        cmd.Transaction = tx;
        var p = cmd.Parameters;
        p["$k"].Value = row.Key;
        p["$e"].Value = config.Experiment;
        p["$d"].Value = config.Dataset.Name;
        p["$l"].Value = config.Learner;
        p["$m"].Value = config.Method;
        p["$s"].Value = config.Seed;
        p["$a"].Value = cell.Alpha;
        p["$mem"].Value = cell.Members;
        p["$mr"].Value = (object?)config.MajorityRows ?? DBNull.Value;
        p["$b"].Value = config.BudgetText;
        p["$f"].Value = cell.Flips;
        p["$p"].Value = cell.PoolSize;
        p["$kn"].Value = (object?)config.Knob ?? DBNull.Value;
        p["$mj"].Value = row.MetricsJson;
        p["$rule"].Value = cell.ScoringRule;
        p["$sec"].Value = cell.Seconds;
        p["$cfg"].Value = row.ConfigJson;
        p["$t"].Value = Now();
        try
        {
            return Guarded(cmd.ExecuteNonQuery) == 1;
        }
        finally
        {
            cmd.Transaction = null;
        }
    }

    /// <summary>
    /// The cell insert, prepared once per store and reused (under the gate): preparing the statement anew for every
    /// cell cost about as much as writing it.
    /// </summary>
    private SqliteCommand InsertCellCommand()
    {
        var cmd = Command("""
            INSERT OR IGNORE INTO cells(cell_key, experiment, dataset, learner, method, seed, alpha,
              members, majority_rows, budget, flips, pool_size, knob, metrics_json, scoring_rule, seconds,
              config_json, finished_utc)
            VALUES($k, $e, $d, $l, $m, $s, $a, $mem, $mr, $b, $f, $p, $kn, $mj, $rule, $sec, $cfg, $t)
            """);
        foreach (var name in (string[])["$k", "$e", "$d", "$l", "$m", "$s", "$a", "$mem", "$mr", "$b", "$f", "$p",
            "$kn", "$mj", "$rule", "$sec", "$cfg", "$t"])
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        return cmd;
    }

    /// <summary>Every stored cell, optionally of one experiment, in key order. A row that is not a valid cell is a user
    /// error naming it.</summary>
    public IReadOnlyList<CellRecord> Cells(string? experiment = null)
    {
        lock (_gate)
        {
            // The experiment column selects the rows: a row whose column disagrees with its configuration would be
            // shown under the wrong experiment (or left out of its own), so every row is checked first (ParseCell
            // checks the rest).
            if (experiment is not null) CheckExperimentColumn();
            using var cmd = Command($"SELECT rowid, cell_key, alpha, members, flips, pool_size, metrics_json, " +
                $"seconds, scoring_rule, config_json, {StoredRow.CopiedColumns} FROM cells"
                                    + (experiment is null ? "" : " WHERE experiment = $e") + " ORDER BY cell_key");
            if (experiment is not null) cmd.Parameters.AddWithValue("$e", experiment);
            using var r = Guarded(cmd.ExecuteReader);
            var rows = new List<StoredRow>();
            while (Guarded(r.Read)) rows.Add(StoredRow.Read(r));
            // Parsing a row (its configuration and metrics JSON, and the key check, a hash of the configuration) costs
            // far more than reading it: large stores parse on every core. The first corrupted row in key order is
            // reported.
            var cells = new CellRecord[rows.Count];
            var errors = new UserInputException?[rows.Count];
            void Parse(int i)
            {
                try
                {
                    cells[i] = ParseCell(rows[i]);
                }
                catch (UserInputException e)
                {
                    errors[i] = e;
                }
            }
            if (rows.Count >= ParallelParseMinimum) Parallel.For(0, rows.Count, Parse);
            else for (int i = 0; i < rows.Count; i++) Parse(i);
            if (errors.FirstOrDefault(e => e is not null) is { } first) throw first;
            return cells;
        }
    }

    /// <summary>
    /// Refuses the store when a row's experiment column is not its configuration's experiment (SQLite's JSON functions
    /// read the configuration without parsing it here); rows whose configuration is not JSON are left to
    /// <see cref="ParseCell"/>, which names them when they are read.
    /// </summary>
    private void CheckExperimentColumn()
    {
        using var cmd =
            Command("SELECT rowid, cell_key, experiment, json_extract(config_json, '$.experiment') FROM cells "
                                + "WHERE json_valid(config_json) AND experiment IS NOT json_extract(config_json, " +
                                    "'$.experiment') ORDER BY cell_key LIMIT 1");
        using var r = Guarded(cmd.ExecuteReader);
        if (!Guarded(r.Read)) return;
        throw Corrupted(r.GetInt64(0), r.IsDBNull(1) ? "" : r.GetString(1),
            ColumnDisagrees("experiment", r.IsDBNull(2) ? DBNull.Value : r.GetValue(2),
                r.IsDBNull(3) ? DBNull.Value : r.GetValue(3)));
    }

    /// <summary>Fewest rows parsed in parallel (below it the threads cost more than they save).</summary>
    private const int ParallelParseMinimum = 512;

    /// <summary>The runs recorded, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs()
    {
        lock (_gate)
            return ReadRows("SELECT run_id, experiment, started_utc, spec_json, environment_json, cells, " +
                "finished_utc, rowid FROM runs ORDER BY started_utc", "runs",
                r => new StoredRun(Text(r, 0, "run_id"), Text(r, 1, "experiment"), Text(r, 2, "started_utc"), Text(r, 3,
                    "spec_json"), Text(r, 4, "environment_json"),
                    Whole(r, 5, "cells"), r.IsDBNull(6) ? null : Text(r, 6, "finished_utc")));
    }

    /// <summary>
    /// Every row <paramref name="sql"/> selects (its last column the rowid), read by <paramref name="read"/> (under the
    /// gate); a row it cannot read is a user error naming <paramref name="table"/>, the row and what is wrong.
    /// </summary>
    private List<T> ReadRows<T>(string sql, string table, Func<SqliteDataReader, T> read)
    {
        using var cmd = Command(sql);
        using var r = Guarded(cmd.ExecuteReader);
        var rows = new List<T>();
        while (Guarded(r.Read))
        {
            try
            {
                rows.Add(read(r));
            }
            catch (Exception e) when (e is InvalidCastException or InvalidOperationException or FormatException or
                OverflowException)
            {
                throw new UserInputException($"results store '{Path}': row " +
                    $"{r.GetInt64(r.FieldCount - 1).ToString(CultureInfo.InvariantCulture)} of the {table} table is " +
                    $"corrupted: {FirstLine(e.Message)}; run the experiment into a new store");
            }
        }
        return rows;
    }

    // A text column that SQLite would hand over as NULL or convert from a number: checked, so an edit is named.
    private static string Text(SqliteDataReader r, int column, string name) =>
        r.IsDBNull(column) ? throw new FormatException($"its {name} is empty (NULL)")
        : r.GetFieldType(column) == typeof(string) ? r.GetString(column) : throw new
            FormatException($"its {name} is not text");

    /// <summary>Closes the store; a written store goes back to a rollback journal, so no -wal or -shm file stays beside
    /// it.</summary>
    public void Dispose()
    {
        // WAL keeps finished cells safe while a run writes; at rest the store goes back to a rollback journal, so
        // readers (results, report) open it without leaving -wal and -shm files beside it.
        if (_access == StoreAccess.Write)
            try
            {
                Execute(_db, "PRAGMA journal_mode=DELETE;");
            }
            catch (SqliteException)
            {
                // Another process has it open (busy): it stays in WAL mode, which is equally safe.
            }
        _insertCell?.Dispose();
        _db.Dispose();
    }

    /// <summary>
    /// One row of the cells table as read, each column's value or the error reading it raised (kept, so a corrupted row
    /// is reported with the same first error as when rows were parsed while read).
    /// </summary>
    private sealed record StoredRow(long RowId, string Key, Func<string> Config, Func<string> Metrics,
        Func<double> Alpha, Func<double> Seconds,
        Func<int> Members, Func<int> Flips, Func<int> Pool, Func<string> Rule, object[] Copied)
    {
        /// <summary>Columns that copy a part of the configuration (for filtering and for reading the table by hand),
        /// read after the first ten.</summary>
        public static readonly string[] CopiedNames = ["experiment", "dataset", "learner", "method", "seed",
            "majority_rows", "budget", "knob"];

        /// <summary><see cref="CopiedNames"/> as a SELECT list.</summary>
        public static string CopiedColumns => string.Join(", ", CopiedNames);

        /// <summary>What each copied column must hold for <paramref name="config"/> (as SQLite returns it: text,
        /// integer, real or null).</summary>
        public static object[] Expected(CellConfig config) =>
        [
            config.Experiment, config.Dataset.Name, config.Learner, config.Method, (long)config.Seed,
            config.MajorityRows is { } m ? (long)m : DBNull.Value, config.BudgetText, config.Knob is { } k ? k :
                DBNull.Value,
        ];

        public static StoredRow Read(SqliteDataReader r) => new(r.GetInt64(0), r.IsDBNull(1) ? "" : r.GetString(1),
            Kept(() => r.GetString(9)), Kept(() => r.GetString(6)), Kept(() => Number(r, 2, "alpha")), Kept(()
                => Number(r, 7, "seconds")),
            Kept(() => Whole(r, 3, "members")), Kept(() => Whole(r, 4, "flips")), Kept(() => Whole(r, 5, "pool_size")),
            Kept(() => r.IsDBNull(8) ? "" : r.GetString(8)), CopiedNames.Select((_, i)
                => r.GetValue(10 + i)).ToArray());

        private static Func<T> Kept<T>(Func<T> read)
        {
            try
            {
                var value = read();
                return () => value;
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or
                OverflowException)
            {
                return () => throw e;
            }
        }
    }

    private CellRecord ParseCell(StoredRow row)
    {
        try
        {
            var config = CellConfig.FromJson(row.Config());
            if (config.Key() != row.Key) throw new FormatException("its key does not match its configuration");
            var expected = StoredRow.Expected(config);
            for (int i = 0; i < expected.Length; i++)
                if (!Equals(row.Copied[i],
                    expected[i])) throw new FormatException(ColumnDisagrees(StoredRow.CopiedNames[i], row.Copied[i],
                    expected[i]));
            var metrics = MetricsJson.Read(row.Metrics());
            double alpha = row.Alpha(), seconds = row.Seconds();
            int members = row.Members(), flips = row.Flips(), pool = row.Pool();
            if (!(alpha >= 0 && alpha <= 1) || members < 0 || pool < 0 || flips < 0 || flips > pool)
                throw new FormatException($"its counts are impossible (alpha {alpha}, members {members}, pool " +
                    $"{pool}, flips {flips})");
            return CellRecord.Of(config, alpha, members, flips, pool, metrics, seconds, row.Rule());
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or InvalidOperationException or
            JsonException or OverflowException)
        {
            throw Corrupted(row.RowId, row.Key, e.Message);
        }
    }

    private UserInputException Corrupted(long rowId, string key, string what) =>
        new($"results store '{Path}': cell row {rowId.ToString(CultureInfo.InvariantCulture)} (key " +
            $"{(key.Length > 12 ? key[..12] : key)}) is corrupted: {FirstLine(what)}; delete that row or run the " +
            "experiment into a new store");

    private static string ColumnDisagrees(string column, object stored, object expected) =>
        $"its {column} column holds {Shown(stored)} but its configuration says {Shown(expected)}";

    private static string Shown(object value) => value switch
    {
        DBNull => "nothing (null)",
        string s => $"'{s}'",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // SQLite converts text to 0 when asked for a number: check the stored type, so an edited value is caught, not read
    // as 0.
    private static double Number(SqliteDataReader r, int column, string name) =>
        r.GetFieldType(column) is var t && (t == typeof(double)
            || t == typeof(long)) ? r.GetDouble(column) : throw new FormatException($"{name} is not a number");

    private static int Whole(SqliteDataReader r, int column, string name) =>
        r.GetFieldType(column) == typeof(long) ? r.GetInt32(column) : throw new
            FormatException($"{name} is not a whole number");

    private ExperimentSettings? StoredSettings(string experiment, SqliteTransaction? tx)
    {
        using var cmd = Command("SELECT settings_json FROM experiments WHERE experiment = $e");
        cmd.Transaction = tx;
        cmd.Parameters.AddWithValue("$e", experiment);
        var json = Guarded(cmd.ExecuteScalar) as string;
        if (json is null) return null;
        try
        {
            return ExperimentSettings.FromJson(json);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"results store '{Path}': the settings of experiment '{experiment}' are " +
                $"corrupted ({e.Message})");
        }
    }

    private T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw new UserInputException($"results store '{Path}': {FirstLine(e.Message)}");
        }
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private void Run(SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql);
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        Guarded(cmd.ExecuteNonQuery);
    }

    private static void Initialise(SqliteConnection db)
    {
        using var tx = db.BeginTransaction();
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            PRAGMA application_id = {ApplicationId};
            PRAGMA user_version = {SchemaVersion};
            CREATE TABLE experiments(experiment TEXT PRIMARY KEY, settings_json TEXT NOT NULL);
            CREATE TABLE runs(
              run_id TEXT PRIMARY KEY, experiment TEXT NOT NULL, started_utc TEXT NOT NULL,
              spec_json TEXT NOT NULL, environment_json TEXT NOT NULL, cells INTEGER NOT NULL, finished_utc TEXT);
            CREATE TABLE pending(cell_key TEXT PRIMARY KEY, experiment TEXT NOT NULL, label TEXT NOT NULL);
            CREATE TABLE cells(
              cell_key TEXT PRIMARY KEY, experiment TEXT NOT NULL, dataset TEXT NOT NULL, learner TEXT NOT NULL,
              method TEXT NOT NULL, seed INTEGER NOT NULL, alpha REAL NOT NULL, members INTEGER NOT NULL,
              majority_rows INTEGER, budget TEXT NOT NULL, flips INTEGER NOT NULL, pool_size INTEGER NOT NULL,
              knob REAL, metrics_json TEXT NOT NULL, scoring_rule TEXT NOT NULL, seconds REAL NOT NULL,
              config_json TEXT NOT NULL, finished_utc TEXT NOT NULL);
            CREATE INDEX cells_by_experiment ON cells(experiment, dataset, method);
            """;
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    private static bool IsFirstSchema(SqliteConnection db, IReadOnlyList<string> tables)
    {
        if (!tables.Contains("meta") || !tables.Contains("cells")) return false;
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() as string == "1";
    }

    private static List<string> Tables(SqliteConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    private static void CreateFolderOf(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is null || Directory.Exists(dir)) return;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot create the folder of results store '{path}': {FirstLine(e.Message)}");
        }
    }

    private static T Scalar<T>(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>Metrics as a JSON object; NaN and infinities are written as strings, as the reference files do.</summary>
/// <summary>
/// A cell's metrics as stored: one JSON object, keys in ordinal order, NaN and infinities as the strings "NaN",
/// "Infinity" and "-Infinity" (System.Text.Json's named floating-point literals). Written and read with the JSON writer
/// and reader directly, byte for byte what the serializer gave (a test compares them): the serializer's dictionary
/// path cost as much as the rest of reading a store back.
/// </summary>
internal static class MetricsJson
{
    /// <summary>Room for a collective cell's metrics (about 70: point values and both interval ends), so reading seldom
    /// regrows the table.</summary>
    private const int TypicalCount = 80;

    public static string Write(IReadOnlyDictionary<string, double> metrics)
    {
        var keys = new string[metrics.Count];
        int n = 0;
        foreach (var key in metrics.Keys) keys[n++] = key;
        Array.Sort(keys, StringComparer.Ordinal);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + 48 * keys.Length);
        using (var j = new Utf8JsonWriter(buffer))
        {
            j.WriteStartObject();
            foreach (var key in keys)
            {
                double value = metrics[key];
                j.WritePropertyName(key);
                if (double.IsFinite(value)) j.WriteNumberValue(value);
                else j.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            }
            j.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, double> Read(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            throw new FormatException("its metrics are not a JSON object");
        if (reader.TokenType != JsonTokenType.StartObject) throw new
            JsonException($"its metrics are a JSON {reader.TokenType}, not an object");
        var metrics = new Dictionary<string, double>(TypicalCount, StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            metrics[key] = reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.String => reader.GetString() switch
                {
                    "NaN" => double.NaN,
                    "Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    var text => throw new JsonException($"metric '{key}' is the text '{text}', not a number"),
                },
                _ => throw new JsonException($"metric '{key}' is a JSON {reader.TokenType}, not a number"),
            };
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("its metrics object is not closed");
        if (reader.Read()) throw new JsonException("its metrics are followed by more JSON");
        return metrics;
    }
}
