using FairCollective.Common;

namespace FairCollective.Collective.Strategies;

/// <summary>The baseline every strategy must beat: uniformly random scores (a seeded random order).</summary>
public sealed class RandomStrategy : ICollectiveStrategy
{
    /// <summary>Purpose string of the seed stream that draws the random scores.</summary>
    public const string SeedPurpose = "strategy-random";

    /// <inheritdoc/>
    public string Name => "Random";

    /// <summary>Independent uniform [0, 1) scores, seeded by the experiment seed and the pool size.</summary>
    public PoolScores Score(StrategyContext context)
    {
        var rng = Seeds.Create(context.Seed, SeedPurpose, context.Pool.Length);
        var scores = new double[context.Pool.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = rng.NextDouble();
        return PoolScores.Specified(scores);
    }
}
