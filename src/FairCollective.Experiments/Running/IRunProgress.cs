namespace FairCollective.Experiments.Running;

/// <summary>Receives progress of a run; the CLI draws a bar on a terminal and plain lines when redirected.</summary>
public interface IRunProgress
{
    /// <param name="totalCells">Cells in the grid.</param>
    /// <param name="alreadyDone">Cells found finished in the store (a resumed run skips them).</param>
    void Started(string experiment, int totalCells, int alreadyDone);

    /// <summary>Called from worker threads; implementations must be thread-safe.</summary>
    void CellFinished(Store.CellRecord cell);

    void Finished();
}

/// <summary>Progress that goes nowhere (tests, library use).</summary>
public sealed class SilentProgress : IRunProgress
{
    public static readonly SilentProgress Instance = new();

    public void Started(string experiment, int totalCells, int alreadyDone) { }
    public void CellFinished(Store.CellRecord cell) { }
    public void Finished() { }
}
