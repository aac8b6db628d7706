namespace FairCollective.Data;

/// <summary>Rows in one predefined split, in order of first appearance.</summary>
/// <param name="Split">Split name ("(none)" for rows without one).</param>
/// <param name="Count">Rows in that split.</param>
public sealed record SplitCount(string Split, int Count);
