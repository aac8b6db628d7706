using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Learning.Catalog;

namespace FairCollective.Planning;

/// <summary>One strategy's order of the pool, scored once on what the collective knows (its members and its sample).</summary>
/// <param name="Members">Member positions of the pool, first to flip first.</param>
/// <param name="Scores">Their scores, in the same order.</param>
/// <param name="Rule">How the scores were obtained (<see cref="PoolScores.Rule"/>).</param>
internal sealed record RankedPool(int[] Members, double[] Scores, string Rule)
{
    /// <summary>Scores <paramref name="known"/>'s pool with the strategy <paramref name="strategyName"/> and ranks it.</summary>
    public static RankedPool Of(string strategyName, StrategyContext known, PlannerOptions options)
    {
        var strategy = StrategyCatalog.Create(strategyName, options.StrategySettings,
            name => LearnerCatalog.Create(name, options.LearnerSettings, options.Seed));
        var scores = strategy.Score(known);
        var ranking = Ranking.Rank(scores.Values, known.Pool, options.StrategySettings.TieRule, options.Seed);
        return new RankedPool(ranking.Select(p => known.Pool[p]).ToArray(), ranking.Select(p => scores.Values[p]).ToArray(), scores.Rule);
    }
}
