using FairCollective.Common;

namespace FairCollective.Mitigation.Fare;

/// <summary>How each row is handed to the firm after FARE encodes it.</summary>
public enum FareEncoding
{
    /// <summary>One indicator column per leaf (the firm sees only which cell the row fell into).</summary>
    OneHotLeaf,

    /// <summary>A single column holding the leaf index 0..k-1.</summary>
    LeafIndex,
}

/// <summary>
/// Settings of the FARE encoder (Jovanović, Balunović, Dimitrov, Vechev, ICML 2023): a decision tree with at most
/// <see cref="MaxLeaves"/> leaves, grown best-first with the fair Gini criterion
/// (1 - w) * Gini(y) + w * (1/2 - Gini(s)), w the fairness weight (the FARE paper's alpha).
/// </summary>
public sealed record FareOptions
{
    /// <summary>Default weight of the fairness term: an even trade-off.</summary>
    public const double DefaultFairnessWeight = 0.5;
    /// <summary>Default k: 32 cells.</summary>
    public const int DefaultMaxLeaves = 32;
    /// <summary>Default fewest training rows per leaf (FARE's min_ni).</summary>
    public const int DefaultMinLeafSize = 1;

    /// <summary>Weight of the fairness term: 0 = a plain Gini tree on y, 1 = splits that keep s mixed only.</summary>
    public double FairnessWeight { get; init; } = DefaultFairnessWeight;

    /// <summary>k: the largest number of leaves (cells) of the representation; the paper sweeps roughly
    /// 2..200.</summary>
    public int MaxLeaves { get; init; } = DefaultMaxLeaves;

    /// <summary>Smallest number of training rows a leaf may hold (FARE's min_ni).</summary>
    public int MinLeafSize { get; init; } = DefaultMinLeafSize;

    /// <summary>
    /// false (default, the semantics of the scikit-learn tree FARE's code builds on): a leaf is split only when the
    /// best split does not increase the weighted criterion, so the tree may stop below k leaves.
    /// true: keep splitting the most promising leaf until k leaves exist, even if the criterion gets worse
    /// (useful when an exact number of cells is wanted).
    /// </summary>
    public bool AllowWorseningSplits { get; init; }

    /// <summary>How the firm receives a row's cell; default one indicator column per leaf.</summary>
    public FareEncoding Encoding { get; init; } = FareEncoding.OneHotLeaf;

    /// <summary>Most leaves a spec may ask for: far above the paper's sweep (2..200).</summary>
    public const int MaxLeavesLimit = 10_000;

    internal void Validate()
    {
        if (!(FairnessWeight >= 0 && FairnessWeight <= 1))
            throw new UserInputException($"FARE's fairness weight must be in [0, 1]; got {FairnessWeight}");
        if (MaxLeaves < 1) throw new UserInputException($"option max_leaves must be at least 1; got {MaxLeaves}");
        CountLimit.Check(MaxLeaves, MaxLeavesLimit, "option max_leaves");
        if (MinLeafSize < 1) throw new
            UserInputException($"option min_leaf_size must be at least 1; got {MinLeafSize}");
    }
}
