using FairCollective.Collective;

namespace FairCollective.Pipeline;

/// <summary>
/// One collective's pool ranked by one strategy, scored once and reused for every flip budget: who is in the pool,
/// each member's score, the order in which members flip, and (where the causal model is known) the ideal flips.
/// </summary>
public sealed class RankedCollective
{
    internal RankedCollective(int members, int[] pool, double[] scores, int[] ranking, string rule, bool[]? idealFlags,
        double p0RankCorrelation)
    {
        Members = members;
        Pool = pool;
        Scores = scores;
        Ranking = ranking;
        Rule = rule;
        IdealFlags = idealFlags;
        IdealCount = idealFlags is null ? null : IdealRelabelling.Count(idealFlags);
        P0RankCorrelation = p0RankCorrelation;
    }

    /// <summary>
    /// A ranking decided elsewhere (a plan's ranked members, an imported order): the pool is
    /// <paramref name="rowsInFlipOrder"/> and its members flip in that order.
    /// </summary>
    /// <param name="members">The collective's size.</param>
    /// <param name="rowsInFlipOrder">Training rows labelled 0, first to flip first.</param>
    /// <param name="rule">Where the order came from, as <see cref="Rule"/> shows it.</param>
    public static RankedCollective InOrder(int members, int[] rowsInFlipOrder, string rule) =>
        new(members, rowsInFlipOrder, new double[rowsInFlipOrder.Length], Enumerable.Range(0,
            rowsInFlipOrder.Length).ToArray(), rule, null, double.NaN);

    /// <summary>The collective's size (members, before the pool keeps those labelled 0).</summary>
    public int Members { get; }

    /// <summary>Training rows of the pool: members labelled 0 (and found plausible, under a threshold).</summary>
    public int[] Pool { get; }

    /// <summary>Each pool position's score (higher flips first).</summary>
    public double[] Scores { get; }

    /// <summary>Pool positions, first to flip first.</summary>
    public int[] Ranking { get; }

    /// <summary>How the scores were obtained (<see cref="PoolScores.Rule"/>).</summary>
    public string Rule { get; }

    /// <summary>Per pool position, whether the ideal relabelling flips it; null without a causal model.</summary>
    public bool[]? IdealFlags { get; }

    /// <summary>M*, the pool members the ideal flips; null without a causal model.</summary>
    public int? IdealCount { get; }

    /// <summary>Rank correlation of the scores with P0 over the pool; NaN without a causal model.</summary>
    public double P0RankCorrelation { get; }

    /// <summary>The flips a budget allows on this pool.</summary>
    public int FlipCount(FlipBudget budget) => budget.FlipCount(Pool.Length, IdealCount);

    /// <summary>The training labels after the first <paramref name="flips"/> ranked members relabel 0 -> 1.</summary>
    public int[] Relabel(ReadOnlySpan<int> labels, int flips) => Relabelling.Apply(labels, Pool, Ranking, flips);

    /// <summary>Training rows of the first <paramref name="flips"/> ranked members, in flipping order.</summary>
    public int[] FlippedRows(int flips) => Relabelling.FlippedRows(Pool, Ranking, flips);

    /// <summary>Per training row (of <paramref name="rows"/>), whether it is among the first
    /// <paramref name="flips"/>.</summary>
    public bool[] FlippedFlags(int rows, int flips) => Relabelling.FlippedFlags(rows, Pool, Ranking, flips);

    /// <summary>How many of the first <paramref name="flips"/> the tie rule chose (their score equals the first left
    /// out).</summary>
    public int TiedAtCut(int flips) => Collective.Ranking.TiedAtCut(Scores, Ranking, flips);

    /// <summary>The pool's training rows in flipping order.</summary>
    public int[] RankedRows() => FlippedRows(Pool.Length);

    /// <summary>The scores in flipping order.</summary>
    public double[] RankedScores() => Ranking.Select(p => Scores[p]).ToArray();
}
