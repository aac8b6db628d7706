using FairCollective.Data;

namespace FairCollective.Collective.Strategies;

/// <summary>Builds the (pool, reference) matrices the nearest-neighbour strategies search, in the chosen
/// scaling.</summary>
internal static class NeighbourFeatures
{
    public static (DesignMatrix Pool, DesignMatrix Reference) Build(StrategyContext context,
        IReadOnlyList<int> referenceRows, NeighbourScaling scaling)
    {
        var pool = context.TrainFeatures.SelectRows(context.Pool);
        var reference = context.TrainFeatures.SelectRows(referenceRows);
        if (scaling == NeighbourScaling.EncodedStandardised) return (pool, reference);

        // Re-standardise over the rows the collective knows, so the scale never uses information it lacks.
        int d = pool.Cols;
        var mean = new double[d];
        var sq = new double[d];
        int n = 0;
        foreach (var m in new[] { pool, reference })
            for (int i = 0; i < m.Rows; i++, n++)
            {
                var row = m.Row(i);
                for (int j = 0; j < d; j++) { mean[j] += row[j]; sq[j] += row[j] * row[j]; }
            }
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] /= Math.Max(n, 1);
            double var = sq[j] / Math.Max(n, 1) - mean[j] * mean[j];
            scale[j] = var > 0 ? 1 / Math.Sqrt(var) : 1;
        }
        return (Rescale(pool, mean, scale), Rescale(reference, mean, scale));
    }

    private static DesignMatrix Rescale(DesignMatrix m, double[] mean, double[] scale)
    {
        var data = new double[m.Data.Length];
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Cols; j++)
                data[i * m.Cols + j] = (m.Data[i * m.Cols + j] - mean[j]) * scale[j];
        return new DesignMatrix(m.Rows, m.Cols, data, m.ColumnNames);
    }
}
