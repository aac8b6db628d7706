using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FairCollective.Experiments.Store;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Commits a run's finished cells from one background thread, in one transaction for whatever cells queued while the
/// previous transaction was being written (a group commit). Workers hand a cell over and go on computing: with one
/// transaction a cell they had taken turns at the store, and on COMPAS's grid the commits and the waits for them were a
/// third of the workers' time. A cell counts as finished (progress, the run's count) once its transaction commits, so a
/// killed process loses only cells not yet committed, which a resumed run computes again; a stopped or failed run
/// commits what was handed over before it returns.
/// </summary>
internal sealed class CellWriter
{
    /// <summary>Cells waiting at most: past it workers wait for the store (a slow disk bounds memory, not the
    /// run).</summary>
    public const int QueueCapacity = 4096;

    /// <summary>Most cells in one transaction, so a long queue still commits in steps.</summary>
    public const int MaxBatch = 512;

    private readonly ResultsStore _store;
    private readonly IRunProgress _progress;
    private readonly BlockingCollection<CellRecord> _queue = new(QueueCapacity);
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _error;
    private int _added;

    /// <summary>Starts the writer thread.</summary>
    public CellWriter(ResultsStore store, IRunProgress progress)
    {
        _store = store;
        _progress = progress;
        // A background thread: a process that fails elsewhere is not kept alive by it.
        _thread = new Thread(Loop) { IsBackground = true, Name = "FairCollective cell writer" };
        _thread.Start();
    }

    /// <summary>Cells the store did not have before, committed so far (all of them after
    /// <see cref="Complete"/>).</summary>
    public int Added => Volatile.Read(ref _added);

    /// <summary>Queues a finished cell for the next transaction; throws the writer's error once it has
    /// failed.</summary>
    public void Write(CellRecord cell)
    {
        _error?.Throw();
        try
        {
            _queue.Add(cell);
        }
        catch (InvalidOperationException) when (_error is { } error)
        {
            error.Throw(); // the writer failed while this worker waited for room
        }
    }

    /// <summary>Commits every queued cell, stops the thread and throws the writer's error if it had one.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _error?.Throw();
    }

    private void Loop()
    {
        var batch = new List<CellRecord>(MaxBatch);
        try
        {
            foreach (var first in _queue.GetConsumingEnumerable())
            {
                batch.Clear();
                batch.Add(first);
                while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);
                Interlocked.Add(ref _added, _store.AddAll(batch));
                foreach (var cell in batch) _progress.CellFinished(cell);
            }
        }
        catch (Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
            // Workers blocked on a full queue wake and rethrow the error instead of waiting for room forever.
            _queue.CompleteAdding();
        }
    }
}
