namespace FairCollective.Neighbours;

/// <summary>
/// The k nearest reference rows of each query: row-major q x k arrays, nearest first, ordered by
/// (Euclidean distance, reference row index).
/// </summary>
public sealed class KnnResult
{
    internal KnnResult(int queryCount, int k, int[] indices, double[] distances)
    {
        QueryCount = queryCount;
        K = k;
        Indices = indices;
        Distances = distances;
    }

    /// <summary>Number of query rows (q).</summary>
    public int QueryCount { get; }
    /// <summary>Neighbours returned per query.</summary>
    public int K { get; }

    /// <summary>Reference row indices, query q's neighbours at [q*K, q*K + K).</summary>
    public int[] Indices { get; }

    /// <summary>Euclidean distances sqrt(sum((q - r)^2)), same layout as <see cref="Indices"/>.</summary>
    public double[] Distances { get; }

    /// <summary>Reference row indices of query <paramref name="q"/>'s k neighbours, nearest first.</summary>
    public ReadOnlySpan<int> IndicesOf(int q) => new(Indices, q * K, K);
    /// <summary>Euclidean distances of query <paramref name="q"/>'s k neighbours, nearest first (aligned with
    /// <see cref="IndicesOf"/>).</summary>
    public ReadOnlySpan<double> DistancesOf(int q) => new(Distances, q * K, K);
}
