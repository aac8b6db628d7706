using FairCollective.Neighbours;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// RB-dist: score = -(1/k) * the sum of distances from x_i to its k nearest positive known majority rows, so the
/// candidates closest to positive majority rows go first. When the collective knows fewer than k positive majority
/// rows (limited information), all of them are the neighbours; when it knows none, every member scores 0.
/// <see cref="PoolScores.Rule"/> says which applied.
/// </summary>
/// <param name="options">k, the distance space and the k-NN search's tuning.</param>
public sealed class RbDistStrategy(NeighbourStrategyOptions options) : ICollectiveStrategy
{
    // Checked when built, so a spec's bad k stops the parse with its line.
    private readonly NeighbourStrategyOptions _options = options.Validated();

    /// <inheritdoc/>
    public string Name => "RB-dist";

    /// <summary>Minus the mean distance to the k nearest positive known majority rows (higher = closer = flip
    /// first).</summary>
    public PoolScores Score(StrategyContext context)
    {
        if (context.Pool.Length == 0) return PoolScores.Specified([]);
        if (context.TrainFeatures.Cols == 0) return PoolScores.Constant(context.Pool.Length, 0, PoolScores.NoFeatures);
        var positives = context.KnownMajority.Where(r => context.TrainLabels[r] == 1).ToArray();
        if (positives.Length == 0) return PoolScores.Constant(context.Pool.Length, 0,
            "the collective knows no positive majority row");
        int k = Math.Min(_options.K, positives.Length);
        var (pool, reference) = NeighbourFeatures.Build(context, positives, _options.Scaling);
        var result = new ExactKnn(reference, _options.Knn).Query(pool, k);
        var scores = new double[pool.Rows];
        for (int q = 0; q < pool.Rows; q++)
        {
            double sum = 0;
            foreach (double dist in result.DistancesOf(q)) sum += dist;
            scores[q] = -sum / k;
        }
        return k == _options.K ? PoolScores.Specified(scores) : new PoolScores(scores,
            NeighbourStrategyOptions.CappedK(k, _options.K, "positive known majority rows"));
    }
}
