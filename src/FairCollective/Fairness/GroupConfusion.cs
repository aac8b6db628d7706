using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// The one generic per-group computation every fairness and accuracy metric is defined on (fairlearn's
/// MetricFrame idea): a weighted confusion matrix per group, from which <see cref="GroupRates"/> and all named
/// metrics follow. Labels and predictions are 0/1 with 1 the favourable outcome.
/// </summary>
public static class GroupConfusion
{
    /// <summary>Groups up to this many use stack buffers in <see cref="Accumulate"/> (16 ints or 4 doubles per
    /// group).</summary>
    private const int StackGroupLimit = 128;

    /// <summary>Per-group and overall confusion of labelled predictions, groups given as one label per row.</summary>
    public static GroupConfusionResult Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        IReadOnlyList<string> groupOfRow,
        ReadOnlySpan<double> sampleWeights = default, GroupConfusionOptions? options = null)
    {
        if (groupOfRow.Count != yTrue.Length)
            throw new
                UserInputException($"Sensitive groups have {groupOfRow.Count} rows but labels have {yTrue.Length}.");
        return Compute(yTrue, yPred, GroupIndex.From(groupOfRow), sampleWeights, options);
    }

    /// <summary>Per-group and overall confusion with precomputed group indices.</summary>
    public static GroupConfusionResult Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, GroupIndex groups,
        ReadOnlySpan<double> sampleWeights = default, GroupConfusionOptions? options = null)
    {
        var perGroup = new ConfusionCounts[groups.Count];
        Accumulate(yTrue, yPred, groups.IndexOfRow, perGroup, sampleWeights);
        return new GroupConfusionResult(groups.Names, perGroup, (options
            ?? GroupConfusionOptions.Default).UndefinedRate, weighted: !sampleWeights.IsEmpty);
    }

    /// <summary>
    /// The hot path: fills <paramref name="perGroup"/> (length = number of groups) without allocating.
    /// Throws <see cref="UserInputException"/> on mismatched lengths, labels other than 0/1, or bad weights.
    /// </summary>
    public static void Accumulate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groupIndex,
        Span<ConfusionCounts> perGroup, ReadOnlySpan<double> sampleWeights = default)
    {
        int n = yTrue.Length, groupCount = perGroup.Length;
        if (yPred.Length != n) throw new
            UserInputException($"Predictions have {yPred.Length} rows but labels have {n}.");
        if (groupIndex.Length != n) throw new
            UserInputException($"Sensitive groups have {groupIndex.Length} rows but labels have {n}.");
        if (!sampleWeights.IsEmpty && sampleWeights.Length != n)
            throw new UserInputException($"Sample weights have {sampleWeights.Length} rows but labels have {n}.");

        // Cell of a row: 4*group + 2*y + yhat, i.e. per group TN, FP, FN, TP.
        int cellCount = CellsPerGroup * groupCount;
        if (sampleWeights.IsEmpty)
        {
            Span<int> lanes = groupCount <= StackGroupLimit ? stackalloc int[Lanes * cellCount] : new int[Lanes *
                cellCount];
            CountUnweighted(yTrue, yPred, groupIndex, groupCount, lanes);
            for (int g = 0; g < groupCount; g++) perGroup[g] = FromCells(lanes, cellCount, g);
        }
        else
        {
            Span<double> cells = groupCount <= StackGroupLimit ? stackalloc double[cellCount] : new double[cellCount];
            SumWeighted(yTrue, yPred, groupIndex, groupCount, sampleWeights, cells);
            for (int g = 0; g < groupCount; g++)
                perGroup[g] = new ConfusionCounts(TruePositives: cells[4 * g + 3], FalsePositives: cells[4 * g + 1],
                    TrueNegatives: cells[4 * g], FalseNegatives: cells[4 * g + 2]);
        }
    }

    private const int CellsPerGroup = 4;

    /// <summary>
    /// Independent counter sets that consecutive rows rotate through: runs of rows hitting the same cell then do
    /// not wait on each other's store, which makes the count several times faster than one set of counters.
    /// </summary>
    private const int Lanes = 4;

    private static void CountUnweighted(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groupIndex,
        int groupCount, Span<int> lanes)
    {
        lanes.Clear();
        int cellCount = lanes.Length / Lanes;
        for (int i = 0; i < yTrue.Length; i++)
        {
            int t = yTrue[i], p = yPred[i], g = groupIndex[i];
            // One well-predicted branch for all three checks; the exact complaint is worked out only on failure.
            if (((uint)(t | p) > 1) | ((uint)g >= (uint)groupCount)) ThrowBadRow(i, t, p, g, groupCount);
            lanes[(i & (Lanes - 1)) * cellCount + CellsPerGroup * g + 2 * t + p]++;
        }
    }

    private static void SumWeighted(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<int> groupIndex,
        int groupCount, ReadOnlySpan<double> weights, Span<double> cells)
    {
        cells.Clear();
        for (int i = 0; i < yTrue.Length; i++)
        {
            int t = yTrue[i], p = yPred[i], g = groupIndex[i];
            if (((uint)(t | p) > 1) | ((uint)g >= (uint)groupCount)) ThrowBadRow(i, t, p, g, groupCount);
            double w = weights[i];
            if (!(w >= 0) || double.IsPositiveInfinity(w))
                throw new
                    UserInputException($"Sample weight of row {i} is {w}; weights must be finite and non-negative.");
            cells[CellsPerGroup * g + 2 * t + p] += w;
        }
    }

    private static ConfusionCounts FromCells(ReadOnlySpan<int> lanes, int cellCount, int g)
    {
        Span<double> cell = stackalloc double[CellsPerGroup];
        for (int c = 0; c < CellsPerGroup; c++)
        {
            long sum = 0;
            for (int lane = 0; lane < Lanes; lane++) sum += lanes[lane * cellCount + CellsPerGroup * g + c];
            cell[c] = sum;
        }
        return new ConfusionCounts(TruePositives: cell[3], FalsePositives: cell[1], TrueNegatives: cell[0],
            FalseNegatives: cell[2]);
    }

    private static void ThrowBadRow(int row, int t, int p, int g, int groupCount)
    {
        if ((uint)t > 1) throw new UserInputException($"Label of row {row} is {t}; labels must be 0 or 1.");
        if ((uint)p > 1) throw new UserInputException($"Prediction of row {row} is {p}; predictions must be 0 or 1.");
        throw new UserInputException($"Group index of row {row} is {g}, expected 0..{groupCount - 1}.");
    }
}
