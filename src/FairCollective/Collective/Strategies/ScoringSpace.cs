using FairCollective.Data;
using FairCollective.Data.Splitting;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// The features the strategies score pool members on. Scores estimate the counterfactual label, so they should read
/// g(x): x with the sensitive attribute set to the majority's value (method.md section 3).
/// </summary>
public enum ScoringSpace
{
    /// <summary>
    /// The firm's encoded features without the sensitive attribute's columns (the default): for a binary attribute
    /// the same as g(x), and for a multi-level or intersectional one the only choice that needs no causal model.
    /// </summary>
    Counterfactual,

    /// <summary>Every encoded feature the firm sees, sensitive columns included (FairCollective 0.1's
    /// behaviour).</summary>
    AllFeatures,
}

/// <summary>The features of a split or matrix in a <see cref="ScoringSpace"/>.</summary>
public static class ScoringFeatures
{
    /// <summary>The split's training features the strategies score on in <paramref name="space"/>.</summary>
    public static DesignMatrix Of(PreparedSplit split, ScoringSpace space) =>
        space == ScoringSpace.Counterfactual ? split.CounterfactualTrainX : split.TrainX;

    /// <summary><paramref name="trainX"/> in <paramref name="space"/>: without <paramref name="sensitiveColumns"/> for
    /// the counterfactual space.</summary>
    public static DesignMatrix Of(DesignMatrix trainX, IReadOnlyList<int> sensitiveColumns, ScoringSpace space) =>
        space == ScoringSpace.Counterfactual ? trainX.WithoutColumns(sensitiveColumns.ToHashSet()) : trainX;
}
