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
    public required bool[] TrainMinority { get; init; }
    public required DesignMatrix TestX { get; init; }
    public required int[] TestY { get; init; }
    public required bool[] TestMinority { get; init; }

    public double[]? TrainP0AtCounterfactual { get; init; }
    public DesignMatrix? TestCounterfactualX { get; init; }
    public int[]? TestCounterfactualLabel { get; init; }

    private int[]? _minorityTrainRows, _majorityTrainRows;

    /// <summary>Training rows of the minority (computed once; every scoring group of the split reads them).</summary>
    public int[] MinorityTrainRows => _minorityTrainRows ??= Enumerable.Range(0, TrainY.Length).Where(i => TrainMinority[i]).ToArray();

    /// <summary>Training rows of the majority.</summary>
    public int[] MajorityTrainRows => _majorityTrainRows ??= Enumerable.Range(0, TrainY.Length).Where(i => !TrainMinority[i]).ToArray();
}
