namespace FairCollective.Collective;

/// <summary>Applies a flip plan: the first M ranked pool members report y = 1; every other label is
/// untouched.</summary>
public static class Relabelling
{
    /// <summary>The reported training labels: a copy of <paramref name="trainLabels"/> with the first
    /// <paramref name="flips"/> ranked pool members set to 1.</summary>
    /// <param name="trainLabels">True training labels (1 = favourable); not modified.</param>
    /// <param name="pool">Training row numbers of the pool (collective members with y = 0).</param>
    /// <param name="ranking">Positions into <paramref name="pool"/>, best first (from
    /// <see cref="Ranking.Rank"/>).</param>
    /// <param name="flips">The flip budget M, at most the pool size.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flips"/> exceeds the pool size.</exception>
    public static int[] Apply(ReadOnlySpan<int> trainLabels, IReadOnlyList<int> pool, ReadOnlySpan<int> ranking,
        int flips)
    {
        if (flips > ranking.Length) throw new ArgumentOutOfRangeException(nameof(flips),
            $"cannot flip {flips} of a pool of {ranking.Length}");
        var labels = trainLabels.ToArray();
        for (int j = 0; j < flips; j++)
        {
            int row = pool[ranking[j]];
            if (labels[row] != 0) throw new
                InvalidOperationException($"pool member at training row {row} does not have y = 0");
            labels[row] = 1;
        }
        return labels;
    }

    /// <summary>The training rows the first <paramref name="flips"/> ranked pool members relabel, in ranking
    /// order.</summary>
    public static int[] FlippedRows(IReadOnlyList<int> pool, ReadOnlySpan<int> ranking, int flips)
    {
        var rows = new int[flips];
        for (int j = 0; j < flips; j++) rows[j] = pool[ranking[j]];
        return rows;
    }

    /// <summary>One flag per training row: true for the rows the first <paramref name="flips"/> ranked pool members
    /// relabel.</summary>
    public static bool[] FlippedFlags(int rows, IReadOnlyList<int> pool, ReadOnlySpan<int> ranking, int flips)
    {
        var flags = new bool[rows];
        foreach (int row in FlippedRows(pool, ranking, flips)) flags[row] = true;
        return flags;
    }
}
