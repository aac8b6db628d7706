using FairCollective.Neighbours;

namespace FairCollective.Collective.Strategies;

/// <summary>Options of the nearest-neighbour strategies (RB-label, RB-dist).</summary>
public sealed record NeighbourStrategyOptions
{
    /// <summary>Neighbours used. Open in the paper (its sketch shows 3); 10 is our default, as in method.md.</summary>
    public const int DefaultK = 10;

    /// <summary>Most k (<c>strategy.k</c>, checked when a spec is read): far above any neighbourhood the strategies are
    /// used with.</summary>
    public const int KLimit = 10_000;

    /// <summary>Neighbours k per pool member (at least 1); capped at the known rows available under limited
    /// information.</summary>
    public int K { get; init; } = DefaultK;
    /// <summary>Feature space in which distances are measured.</summary>
    public NeighbourScaling Scaling { get; init; } = NeighbourScaling.EncodedStandardised;
    /// <summary>Tuning of the exact k-NN search; never changes the scores.</summary>
    public KnnOptions Knn { get; init; } = new();

    /// <summary>The rule text when only <paramref name="available"/> rows of the <paramref name="wanted"/> k
    /// exist.</summary>
    internal static string CappedK(int available, int wanted, string what) =>
        $"k = {available} instead of {wanted} (only {available} {what})";
}
