using System.Collections.Concurrent;
using FairCollective.Common;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using Microsoft.Data.Sqlite;

namespace FairCollective.Tests.Experiments;

[Trait(TestKind.Name, TestKind.Unit)]
public sealed class CellWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-writer-").FullName;

    private static CellRecord Cell(int seed) => TestCells.Configured(new CellRecord
    {
        Experiment = "e", Dataset = "compas", Learner = "logistic", Method = "RB-prob", Seed = seed, Alpha = 0.3,
        Members = 30, Budget = "0.5 of pool",
        Flips = 12, PoolSize = 24, Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = seed / 1000.0 },
    });

    /// <summary>Counts the cells it is told of, and checks each is in the store by then (committed before it is
    /// reported).</summary>
    private sealed class CommittedProgress(string path) : IRunProgress
    {
        public readonly ConcurrentBag<int> Seeds = [];
        public int ReportedBeforeCommit;

        public void Started(string experiment, int totalCells, int alreadyDone) { }

        public void CellFinished(CellRecord cell)
        {
            Seeds.Add(cell.Seed);
            using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM cells WHERE cell_key = $k";
            cmd.Parameters.AddWithValue("$k", cell.Key);
            if ((long)cmd.ExecuteScalar()! != 1) Interlocked.Increment(ref ReportedBeforeCommit);
        }

        public void Finished() { }
    }

    [Fact]
    public void CellsFromManyThreadsAreAllCommittedAndReportedOnlyOnceCommitted()
    {
        string path = Path.Combine(_dir, "w.sqlite");
        using var store = ResultsStore.Open(path);
        var progress = new CommittedProgress(path);
        var writer = new CellWriter(store, progress);
        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 4 }, seed => writer.Write(Cell(seed)));
        writer.Write(Cell(7)); // already handed over: stored once, not counted as new
        writer.Complete();
        Assert.Equal(600, writer.Added);
        Assert.Equal(601, progress.Seeds.Count);
        Assert.Equal(0, progress.ReportedBeforeCommit);
        var stored = store.Cells();
        Assert.Equal(Enumerable.Range(0, 600), stored.Select(c => c.Seed).Order());
        Assert.All(stored, c => Assert.Equal(c.Seed / 1000.0, c.Metrics[MetricKeys.EqOd]));
    }

    [Fact]
    public void AStoreErrorReachesTheWorkersAndTheEnd()
    {
        string path = Path.Combine(_dir, "failing.sqlite");
        using (var s = ResultsStore.Open(path)) s.Add(Cell(0));
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText =
                "CREATE TRIGGER refuse BEFORE INSERT ON cells BEGIN SELECT RAISE(ABORT, 'disk refused'); END";
            cmd.ExecuteNonQuery();
        }
        using var store = ResultsStore.Open(path);
        var writer = new CellWriter(store, SilentProgress.Instance);
        writer.Write(Cell(1));
        // The failure surfaces on a later hand-over (once the writer has met it) and always at the end, as the store's
        // one-line error.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception? fromWorker = null;
        while (fromWorker is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            fromWorker = Record.Exception(() => writer.Write(Cell(2)));
            Thread.Sleep(5);
        }
        Assert.IsType<UserInputException>(fromWorker);
        var atEnd = Assert.Throws<UserInputException>(writer.Complete);
        Assert.Contains("disk refused", atEnd.Message);
        Assert.Equal(0, writer.Added);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
