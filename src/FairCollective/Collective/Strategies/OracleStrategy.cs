using FairCollective.Common;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// The ideal of method.md section 2, computable only on synthetic data where the causal model is known: the score
/// is P0(y = 1 | g(x)), so ranking by it flips first exactly the members whose counterfactual label is 1
/// (argmax_y P0(y | g(x)) = 1 iff the score is at least 1/2).
/// </summary>
public sealed class OracleStrategy : ICollectiveStrategy
{
    /// <inheritdoc/>
    public string Name => "Oracle";

    /// <summary>P0(y = 1 | g(x)) of each pool member.</summary>
    /// <exception cref="UserInputException">The dataset has no known causal model (only synthetic data has
    /// one).</exception>
    public PoolScores Score(StrategyContext context)
    {
        var p0 = context.OracleP0AtCounterfactual
                 ?? throw new UserInputException("the Oracle strategy needs synthetic data with a known causal model " +
                     "(P0(y | g(x))); this dataset has none");
        var scores = new double[context.Pool.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = p0[context.Pool[i]];
        return PoolScores.Specified(scores);
    }
}
