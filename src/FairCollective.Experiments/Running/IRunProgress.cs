namespace FairCollective.Experiments.Running;

/// <summary>Receives progress of a run; the CLI draws a bar on a terminal and plain lines when redirected.</summary>
public interface IRunProgress
{
    /// <summary>Called once before the first cell.</summary>
    /// <param name="experiment">The experiment's name.</param>
    /// <param name="totalCells">Cells in the grid.</param>
    /// <param name="alreadyDone">Cells found finished in the store (a resumed run skips them).</param>
    void Started(string experiment, int totalCells, int alreadyDone);

    /// <summary>Called once the cell is committed to the store, from the runner's threads; implementations must be
    /// thread-safe.</summary>
    void CellFinished(Store.CellRecord cell);

    /// <summary>Called once after the last cell (also when the run stopped early).</summary>
    void Finished();
}

/// <summary>Progress that goes nowhere (tests, library use).</summary>
public sealed class SilentProgress : IRunProgress
{
    /// <summary>The one instance (it has no state).</summary>
    public static readonly SilentProgress Instance = new();

    /// <inheritdoc/>
    public void Started(string experiment, int totalCells, int alreadyDone) { }
    /// <inheritdoc/>
    public void CellFinished(Store.CellRecord cell) { }
    /// <inheritdoc/>
    public void Finished() { }
}
