namespace FairCollective.Collective;

/// <summary>
/// A strategy's scores for the pool (aligned with <see cref="StrategyContext.Pool"/>) and the rule that produced them:
/// <see cref="AsSpecified"/>, or the documented fallback a strategy takes when the collective knows too little
/// (method.md, limited information): fewer neighbours than k, or one constant score when nothing is known, so the
/// tie rule decides the order. The rule is stored with every cell so a table can say which cells used a fallback.
/// </summary>
/// <param name="Values">One score per pool member, aligned with the pool; higher = relabel first; never NaN.</param>
/// <param name="Rule">How the scores were obtained: <see cref="AsSpecified"/> or the fallback's description.</param>
public sealed record PoolScores(double[] Values, string Rule)
{
    /// <summary>The rule of scores computed exactly as the options say.</summary>
    public const string AsSpecified = "as specified";

    /// <summary>Why scores are constant when the scoring space is empty (every feature is a sensitive
    /// column).</summary>
    public const string NoFeatures =
        "no feature to score on: every feature the strategies may read is a sensitive column";

    /// <summary>
    /// The rule of a collective whose members are all labelled 1: nothing to relabel, so its cells are the base firm
    /// with no flip. Such a cell is computed and marked, not refused: a small group's seed can draw it, and its outcome
    /// is well defined.
    /// </summary>
    public const string EmptyPool =
        "empty pool: no member has y = 0, so nothing is relabelled and the firm is the base firm";

    /// <summary>Scores computed exactly as the options say (rule <see cref="AsSpecified"/>).</summary>
    public static PoolScores Specified(double[] values) => new(values, AsSpecified);

    /// <summary>Every pool member scored alike: the ranking is the tie rule's order.</summary>
    public static PoolScores Constant(int poolSize, double value, string why) =>
        new(Enumerable.Repeat(value, poolSize).ToArray(), $"constant score ({why}); the tie rule orders the pool");
}
