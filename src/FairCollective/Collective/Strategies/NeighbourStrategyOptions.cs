using FairCollective.Neighbours;

namespace FairCollective.Collective.Strategies;

/// <summary>Options of the nearest-neighbour strategies: RB-label's and RB-dist's own, each set apart in a spec
/// (<c>strategy.options.RB-label: {k: 5}</c>).</summary>
public sealed record NeighbourStrategyOptions : INearestRowsOptions
{
    /// <summary>Neighbours used. Open in the paper (its sketch shows 3); 10 is our default, as in method.md.</summary>
    public const int DefaultK = 10;

    /// <summary>Most k (checked when a spec is read): far above any neighbourhood the strategies are
    /// used with.</summary>
    public const int KLimit = 10_000;

    /// <summary>Neighbours k per pool member (at least 1); capped at the known rows available under limited
    /// information.</summary>
    public int K { get; init; } = DefaultK;
    /// <summary>Feature space in which distances are measured.</summary>
    public NeighbourScaling Scaling { get; init; } = NeighbourScaling.EncodedStandardised;
    /// <summary>Tuning of the exact k-NN search; never changes the scores, so it is neither a spec option nor in a
    /// cell's key.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public KnnOptions Knn { get; init; } = new();

    /// <summary>These options, once k is checked: a search can run with it.</summary>
    /// <exception cref="Common.UserInputException">k below 1 or above <see cref="KLimit"/>.</exception>
    public NeighbourStrategyOptions Validated()
    {
        if (K < 1) throw new Common.UserInputException($"option k must be at least 1; got {K}");
        Common.CountLimit.Check(K, KLimit, "option k");
        return this;
    }

    /// <summary>The rule text when only <paramref name="available"/> rows of the <paramref name="wanted"/> k
    /// exist.</summary>
    internal static string CappedK(int available, int wanted, string what) =>
        $"k = {available} instead of {wanted} (only {available} {what})";
}
