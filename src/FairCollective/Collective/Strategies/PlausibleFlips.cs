using FairCollective.Learning;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// The collective's answer to defences that look for implausible labels: flip only members whose flipped label a
/// model of the majority finds plausible, i.e. whose RB-prob score (the majority model's P(y = 1 | x)) is at least a
/// threshold. Fewer members qualify as the threshold rises: fewer flips, harder to detect, less effect.
/// </summary>
public static class PlausibleFlips
{
    /// <summary>The pool members (training rows) whose RB-prob score reaches <paramref name="threshold"/>, in pool
    /// order; the whole pool when the threshold is 0.</summary>
    /// <param name="context">The collective's knowledge and its pool.</param>
    /// <param name="threshold">In [0, 1); 0 keeps every member.</param>
    /// <param name="majorityModel">Trainer of the majority model (RB-prob's).</param>
    public static int[] Restrict(StrategyContext context, double threshold, ITrainer majorityModel)
    {
        if (!(threshold >= 0 && threshold < 1))
            throw new Common.UserInputException($"plausible: the threshold must lie in [0, 1); got {threshold}");
        if (threshold == 0) return context.Pool;
        var scores = new RbProbStrategy(majorityModel).Score(context).Values;
        return context.Pool.Where((_, j) => scores[j] >= threshold).ToArray();
    }
}
