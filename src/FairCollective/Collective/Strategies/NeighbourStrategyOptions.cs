using FairCollective.Neighbors;

namespace FairCollective.Collective.Strategies;

/// <summary>Options of the nearest-neighbour strategies (RB-label, RB-dist).</summary>
public sealed record NeighbourStrategyOptions
{
    /// <summary>Neighbours used. Open in the paper (its sketch shows 3); 10 is our default, as in method.md.</summary>
    public const int DefaultK = 10;

    public int K { get; init; } = DefaultK;
    public NeighbourScaling Scaling { get; init; } = NeighbourScaling.EncodedStandardised;
    public KnnOptions Knn { get; init; } = new();

    /// <summary>The rule text when only <paramref name="available"/> rows of the <paramref name="wanted"/> k exist.</summary>
    internal static string CappedK(int available, int wanted, string what) =>
        $"k = {available} instead of {wanted} (only {available} {what})";
}
