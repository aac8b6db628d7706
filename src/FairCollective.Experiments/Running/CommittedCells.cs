using System.Collections.Concurrent;
using FairCollective.Experiments.Store;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Passes progress on and keeps every cell the run committed, so a run into a store it created (the CLI's run and
/// reproduce, the pipeline bench) shows its tables and writes its report without reading the store back: such a store
/// holds exactly these cells. Handed out as <see cref="ResultsStore.Cells"/> gives them: in key order, each cell's
/// metrics in key order (the values are the same doubles the store's JSON round-trips). Reading a store back parses
/// every row and checks each key against its configuration's hash, which on the README's job (3,785 cells) took about
/// a tenth of the run.
/// </summary>
/// <param name="inner">The progress to pass every call on to.</param>
public sealed class CommittedCells(IRunProgress inner) : IRunProgress
{
    private readonly ConcurrentQueue<CellRecord> _cells = new();

    /// <inheritdoc/>
    public void Started(string experiment, int totalCells, int alreadyDone) => inner.Started(experiment, totalCells,
        alreadyDone);

    /// <inheritdoc/>
    public void CellFinished(CellRecord cell)
    {
        _cells.Enqueue(cell);
        inner.CellFinished(cell);
    }

    /// <inheritdoc/>
    public void Finished() => inner.Finished();

    /// <summary>The committed cells as the store would read them back.</summary>
    public IReadOnlyList<CellRecord> AsStored() =>
        _cells.Select(c => (Key: c.Key, Cell: c with { Metrics = InKeyOrder(c.Metrics) }))
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Cell).ToArray();

    private static Dictionary<string, double> InKeyOrder(IReadOnlyDictionary<string, double> metrics)
    {
        var ordered = new Dictionary<string, double>(metrics.Count, StringComparer.Ordinal);
        foreach (var (key, value) in metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal)) ordered[key] = value;
        return ordered;
    }
}
