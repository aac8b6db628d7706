namespace FairCollective.Experiments.Running;

/// <summary>What a run did: cells in the grid, found already finished, computed now, and the wall time.</summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="TotalCells">Cells in the grid.</param>
/// <param name="AlreadyDone">Cells found finished in the store and skipped.</param>
/// <param name="Computed">Cells computed and committed by this run.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record RunSummary(string Experiment, int TotalCells, int AlreadyDone, int Computed, TimeSpan Elapsed);
