namespace FairCollective.Data.Splitting;

/// <summary>Row indices of the three parts of a split; disjoint, each sorted ascending.</summary>
/// <param name="Train">Rows the firm (and the collective) train on.</param>
/// <param name="Validation">Rows held out for tuning; empty by default.</param>
/// <param name="Test">Untouched rows on which error and fairness are measured.</param>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test);
