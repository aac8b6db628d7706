using FairCollective.Common;

namespace FairCollective.Collective.Strategies;

/// <summary>The baseline every strategy must beat: uniformly random scores (a seeded random order).</summary>
public sealed class RandomStrategy : ICollectiveStrategy
{
    /// <summary>Purpose string of the seed stream that draws the random scores.</summary>
    public const string SeedPurpose = "strategy-random";

    /// <inheritdoc/>
    public string Name => "Random";

    /// <summary>
    /// Each pool member's priority: <see cref="StrategyContext.RandomPriorities"/> when given (imported from another
    /// implementation), else <see cref="DefaultPriorities"/>. One priority per training row, so nested pools rank
    /// their shared members alike.
    /// </summary>
    public PoolScores Score(StrategyContext context)
    {
        var priorities = context.RandomPriorities ?? DefaultPriorities(context.TrainLabels.Length, context.Seed);
        var scores = new double[context.Pool.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = priorities[context.Pool[i]];
        return PoolScores.Specified(scores);
    }

    /// <summary>A uniform [0, 1) priority per training row, a pure function of the seed and the row (independent of any
    /// pool).</summary>
    public static double[] DefaultPriorities(int trainRows, int seed)
    {
        var priorities = new double[trainRows];
        for (int r = 0; r < trainRows; r++) priorities[r] = (uint)Seeds.Derive(seed, SeedPurpose, r) / 4294967296.0;
        return priorities;
    }
}
