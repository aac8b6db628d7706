namespace FairCollective.Data;

/// <summary>One sensitive group: rows, favourable labels and base rate P(y = 1 | group).</summary>
/// <param name="Group">Group label.</param>
/// <param name="IsMinority">Whether the group belongs to the minority (a = 1).</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="Positives">Rows of the group with y = 1.</param>
/// <param name="BaseRate">P(y = 1 | group) = Positives / Count, in [0, 1].</param>
public sealed record GroupSummary(string Group, bool IsMinority, int Count, int Positives, double BaseRate);
