using MathNet.Numerics.Statistics;

namespace FairCollective.Collective;

/// <summary>
/// The ideal relabelling of method.md section 2, measurable only where the causal model is known: each member reports
/// argmax_y P0(y | g(x)), so exactly the pool members with P0(y = 1 | g(x)) >= 1/2 flip. Its count is M*; a strategy's
/// flips are judged by how many of them the ideal would also make.
/// </summary>
public static class IdealRelabelling
{
    /// <summary>The counterfactual label's threshold: P0(y = 1 | g(x)) at or above it means the member's counterfactual
    /// label is 1.</summary>
    public const double Threshold = 0.5;

    /// <summary>Per pool member, whether the ideal flips it: P0(y = 1 | g(x)) >= 1/2 (<paramref name="p0"/> indexed by
    /// training row).</summary>
    public static bool[] Flags(IReadOnlyList<int> pool, IReadOnlyList<double> p0)
    {
        var flags = new bool[pool.Count];
        for (int i = 0; i < flags.Length; i++) flags[i] = p0[pool[i]] >= Threshold;
        return flags;
    }

    /// <summary>M*: how many pool members the ideal flips.</summary>
    public static int Count(IReadOnlyList<bool> flags) => flags.Count(f => f);

    /// <summary>
    /// The share of a ranking's first <paramref name="flips"/> members that the ideal also flips (precision; at M*
    /// flips it equals the recall, the share of the ideal's flips it makes). NaN when nothing flips.
    /// </summary>
    public static double Precision(IReadOnlyList<int> ranking, int flips, IReadOnlyList<bool> flags)
    {
        if (flips <= 0) return double.NaN;
        int hits = 0;
        for (int i = 0; i < flips; i++)
            if (flags[ranking[i]]) hits++;
        return (double)hits / flips;
    }

    /// <summary>
    /// Spearman rank correlation over the pool between a strategy's scores and P0(y = 1 | g(x)) (ties get mid ranks;
    /// MathNet): 1 when the strategy orders the pool as the ideal's probabilities do. NaN for fewer than two members or
    /// constant scores.
    /// </summary>
    public static double RankCorrelation(IReadOnlyList<double> scores, IReadOnlyList<int> pool,
        IReadOnlyList<double> p0)
    {
        if (pool.Count < 2) return double.NaN;
        var truth = pool.Select(r => p0[r]).ToArray();
        if (scores.Distinct().Count() < 2 || truth.Distinct().Count() < 2) return double.NaN;
        return Correlation.Spearman(scores, truth);
    }
}
