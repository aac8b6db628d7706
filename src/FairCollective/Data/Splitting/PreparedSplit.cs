using FairCollective.Data;

namespace FairCollective.Data.Splitting;

/// <summary>
/// One dataset under one seed, ready for the grid: the stratified split, the encoder fitted on its training rows,
/// and the encoded train and test matrices. On synthetic data also what the causal model knows: P0(y = 1 | g(x))
/// for training rows (the Oracle's score) and the encoded counterfactual test features (for S(alpha)).
/// </summary>
public sealed class PreparedSplit
{
    public required string Dataset { get; init; }
    public required int Seed { get; init; }
    public required DesignMatrix TrainX { get; init; }
    public required int[] TrainY { get; init; }
    /// <summary>Minority or majority of each training row.</summary>
    public required GroupMembership TrainGroups { get; init; }
    public required DesignMatrix TestX { get; init; }
    public required int[] TestY { get; init; }
    /// <summary>Minority or majority of each test row.</summary>
    public required GroupMembership TestGroups { get; init; }

    public double[]? TrainP0AtCounterfactual { get; init; }
    public DesignMatrix? TestCounterfactualX { get; init; }
    public int[]? TestCounterfactualLabel { get; init; }

    /// <summary>Training rows of the minority, ascending (shorthand for <see cref="TrainGroups"/>' rows; every scoring group of the split reads them).</summary>
    public IReadOnlyList<int> MinorityTrainRows => TrainGroups.MinorityRows;

    /// <summary>Training rows of the majority, ascending.</summary>
    public IReadOnlyList<int> MajorityTrainRows => TrainGroups.MajorityRows;
}
