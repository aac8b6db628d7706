using FairCollective.Common;

namespace FairCollective.Collective.Strategies;

/// <summary>The baseline every strategy must beat: uniformly random scores (a seeded random order).</summary>
public sealed class RandomStrategy : ICollectiveStrategy
{
    public const string SeedPurpose = "strategy-random";

    public string Name => "Random";

    public PoolScores Score(StrategyContext context)
    {
        var rng = Seeds.Create(context.Seed, SeedPurpose, context.Pool.Length);
        var scores = new double[context.Pool.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = rng.NextDouble();
        return PoolScores.Specified(scores);
    }
}
