using FairCollective.Data;

namespace FairCollective.Data.Splitting;

/// <summary>
/// One dataset under one seed, ready for the grid: the stratified split, the encoder fitted on its training rows,
/// and the encoded train and test matrices. On synthetic data also what the causal model knows: P0(y = 1 | g(x))
/// for training rows (the Oracle's score) and the encoded counterfactual test features (for S(alpha)).
/// </summary>
public sealed class PreparedSplit
{
    /// <summary>The dataset's display name.</summary>
    public required string Dataset { get; init; }

    /// <summary>The seed the split was drawn with.</summary>
    public required int Seed { get; init; }

    /// <summary>Encoded training features, one row per training row.</summary>
    public required DesignMatrix TrainX { get; init; }

    /// <summary>Original training labels in {0, 1}; the collective's relabellings are copies of it.</summary>
    public required int[] TrainY { get; init; }

    /// <summary>Minority or majority of each training row.</summary>
    public required GroupMembership TrainGroups { get; init; }

    /// <summary>Encoded test features, transformed by the encoder fitted on the training rows.</summary>
    public required DesignMatrix TestX { get; init; }

    /// <summary>Test labels in {0, 1}; never relabelled.</summary>
    public required int[] TestY { get; init; }

    /// <summary>Minority or majority of each test row.</summary>
    public required GroupMembership TestGroups { get; init; }

    /// <summary>Encoded validation features (rows carved from the training part to choose settings such as the flip
    /// budget); null without a validation part.</summary>
    public DesignMatrix? ValidationX { get; init; }

    /// <summary>Validation labels in {0, 1}; null without a validation part.</summary>
    public int[]? ValidationY { get; init; }

    /// <summary>Minority or majority of each validation row; null without a validation part.</summary>
    public GroupMembership? ValidationGroups { get; init; }

    /// <summary>Synthetic data only: P0(y = 1 | g(x)) per training row, the Oracle strategy's score; null
    /// otherwise.</summary>
    public double[]? TrainP0AtCounterfactual { get; init; }

    /// <summary>Synthetic data only: the test rows moved into the majority world (g(x)), encoded like
    /// <see cref="TestX"/>; null otherwise.</summary>
    public DesignMatrix? TestCounterfactualX { get; init; }

    /// <summary>Synthetic data only: argmax_y P0(y | g(x)) per test row, in {0, 1}; null otherwise.</summary>
    public int[]? TestCounterfactualLabel { get; init; }

    /// <summary>Encoded columns (indices into <see cref="TrainX"/>) that come from the sensitive attribute's columns;
    /// empty when it is not a feature.</summary>
    public IReadOnlyList<int> SensitiveColumns { get; init; } = [];

    private DesignMatrix? _counterfactualTrainX;

    /// <summary>
    /// The training features without <see cref="SensitiveColumns"/>: for a binary attribute exactly the counterfactual
    /// features g(x) up to a constant (every majority row holds the same value there), so the strategies' default
    /// scoring space (method.md section 3). Computed once.
    /// </summary>
    public DesignMatrix CounterfactualTrainX
        => _counterfactualTrainX ??= TrainX.WithoutColumns(SensitiveColumns.ToHashSet());

    /// <summary>Training rows of the minority, ascending (shorthand for <see cref="TrainGroups"/>' rows; every scoring
    /// group of the split reads them).</summary>
    public IReadOnlyList<int> MinorityTrainRows => TrainGroups.MinorityRows;

    /// <summary>Training rows of the majority, ascending.</summary>
    public IReadOnlyList<int> MajorityTrainRows => TrainGroups.MajorityRows;
}
