using FairCollective.Neighbours;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// RB-label: score = the number of y = 1 among the k nearest known majority rows of x_i (Euclidean). Scores are
/// integers, so ties are frequent; the ranking's tie rule (see <see cref="Ranking"/>) decides among them.
/// When the collective knows fewer than k majority rows (limited information), all of them are the neighbours
/// (k = the rows known); when it knows none, every member scores 0. <see cref="PoolScores.Rule"/> says which applied.
/// </summary>
/// <param name="options">k, the distance space and the k-NN search's tuning.</param>
public sealed class RbLabelStrategy(NeighbourStrategyOptions options) : ICollectiveStrategy
{
    // Checked when built, so a spec's bad k stops the parse with its line.
    private readonly NeighbourStrategyOptions _options = options.Validated();

    /// <inheritdoc/>
    public string Name => "RB-label";

    /// <summary>Number of y = 1 among the k nearest known majority rows, in 0..k.</summary>
    public PoolScores Score(StrategyContext context)
    {
        if (context.Pool.Length == 0) return PoolScores.Specified([]);
        if (context.TrainFeatures.Cols == 0) return PoolScores.Constant(context.Pool.Length, 0, PoolScores.NoFeatures);
        int known = context.KnownMajority.Length;
        if (known == 0) return PoolScores.Constant(context.Pool.Length, 0, "the collective knows no majority row");
        int k = Math.Min(_options.K, known);
        var (pool, reference) = NeighbourFeatures.Build(context, context.KnownMajority, _options.Scaling);
        var result = new ExactKnn(reference, _options.Knn).Query(pool, k);
        var scores = new double[pool.Rows];
        for (int q = 0; q < pool.Rows; q++)
        {
            int positives = 0;
            foreach (int r in result.IndicesOf(q)) positives += context.TrainLabels[context.KnownMajority[r]];
            scores[q] = positives;
        }
        return k == _options.K ? PoolScores.Specified(scores) : new PoolScores(scores,
            NeighbourStrategyOptions.CappedK(k, _options.K, "known majority rows"));
    }
}
