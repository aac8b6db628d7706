namespace FairCollective.Experiments.Running;

/// <summary>What a run did: cells in the grid, found already finished, computed now, and the wall time.</summary>
public sealed record RunSummary(string Experiment, int TotalCells, int AlreadyDone, int Computed, TimeSpan Elapsed);
