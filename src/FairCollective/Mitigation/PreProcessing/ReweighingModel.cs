using FairCollective.Data;

namespace FairCollective.Mitigation.PreProcessing;

/// <summary>
/// Fitted reweighing: one weight per (group, label) cell. Cells are indexed by <see cref="Cell"/>:
/// 2·(minority ? 0 : 1) + y, so [0] = (minority, 0), [1] = (minority, 1), [2] = (majority, 0), [3] = (majority, 1)
/// (AIF360's order: unprivileged before privileged).
/// </summary>
public sealed class ReweighingModel
{
    internal ReweighingModel(double[] cellMass, int[] cellCount, double[] reweighingWeights, double strength)
    {
        CellMass = cellMass;
        CellCount = cellCount;
        ReweighingWeights = reweighingWeights;
        Strength = strength;
        var applied = new double[4];
        // λ = 1 keeps the reweighing weight bit for bit rather than through 0 + 1·w.
        for (int c = 0; c < 4; c++) applied[c] = strength == 1.0 ? reweighingWeights[c] : (1 - strength) + strength *
            reweighingWeights[c];
        CellWeights = applied;
    }

    /// <summary>Index of the cell of a row in the minority (<paramref name="minority"/> true) or the majority with
    /// label <paramref name="label"/>.</summary>
    public static int Cell(bool minority, int label) => 2 * (minority ? 0 : 1) + label;

    /// <summary>W(a, y): the sum of input weights in each cell (a row count for unit weights).</summary>
    public IReadOnlyList<double> CellMass { get; }

    /// <summary>Number of rows in each cell.</summary>
    public IReadOnlyList<int> CellCount { get; }

    /// <summary>Kamiran–Calders weight W(a)·W(y) / (N·W(a,y)) of each cell (λ = 1).</summary>
    public IReadOnlyList<double> ReweighingWeights { get; }

    /// <summary>The weight actually applied to each cell: (1 − λ) + λ·w(c).</summary>
    public IReadOnlyList<double> CellWeights { get; }

    /// <summary>The knob λ the model was fitted with.</summary>
    public double Strength { get; }

    /// <summary>Output weight of every row: its input weight (1 when <paramref name="instanceWeights"/> is empty) times
    /// its cell weight.</summary>
    public double[] Transform(ReadOnlySpan<int> y, GroupMembership groups,
        ReadOnlySpan<double> instanceWeights = default)
    {
        Reweighing.Check(y, groups, instanceWeights);
        var result = new double[y.Length];
        for (int i = 0; i < result.Length; i++)
        {
            double w = CellWeights[Cell(groups[i], y[i])];
            result[i] = instanceWeights.IsEmpty ? w : instanceWeights[i] * w;
        }
        return result;
    }
}
