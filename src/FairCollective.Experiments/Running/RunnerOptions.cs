namespace FairCollective.Experiments.Running;

/// <summary>How a run executes (never what it computes: results are identical for any setting here).</summary>
public sealed record RunnerOptions
{
    /// <summary>Cells computed at once; -1 = all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Stop after this many newly computed cells (tests of resuming); null = run to the end.</summary>
    public int? StopAfterCells { get; init; }
}
