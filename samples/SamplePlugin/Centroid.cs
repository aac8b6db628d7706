using FairCollective.Collective;
using FairCollective.Common;

namespace SamplePlugin;

/// <summary>
/// A sample strategy: a pool member scores higher the closer it lies to the centroid of the known majority rows
/// labelled 1 (the Minkowski distance of power p), so members who look most like favourably labelled majority users
/// flip first. It reads only pool members and known majority rows, as the strategy contract asks.
/// </summary>
public sealed class Centroid(CentroidOptions options) : ICollectiveStrategy
{
    /// <summary>The name specs use.</summary>
    public const string StrategyName = "Centroid";

    /// <inheritdoc/>
    public string Name => StrategyName;

    /// <inheritdoc/>
    public PoolScores Score(StrategyContext context)
    {
        if (!(options.Power >= 1)) throw new
            UserInputException($"Centroid: power must be at least 1; got {options.Power}");
        var x = context.TrainFeatures;
        var positives = context.KnownMajority.Where(r => context.TrainLabels[r] == 1).ToArray();
        if (positives.Length == 0) return PoolScores.Constant(context.Pool.Length, 0,
            "no known majority row labelled 1");
        var centroid = new double[x.Cols];
        foreach (int r in positives)
            for (int j = 0; j < x.Cols; j++) centroid[j] += x[r, j] / positives.Length;
        var scores = new double[context.Pool.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.Cols; j++) sum += Math.Pow(Math.Abs(x[context.Pool[i], j] - centroid[j]),
                options.Power);
            scores[i] = -Math.Pow(sum, 1 / options.Power);
        }
        return PoolScores.Specified(scores);
    }
}
