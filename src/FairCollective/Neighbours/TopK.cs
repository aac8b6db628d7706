namespace FairCollective.Neighbours;

/// <summary>
/// The k smallest (squared distance, reference index) pairs seen so far, kept sorted ascending by that pair.
/// Insertion sort: k is small and, once the list is full, almost every candidate is rejected by one comparison.
/// </summary>
internal sealed class TopK
{
    private readonly double[] _dist;
    private readonly int[] _index;

    public TopK(int k)
    {
        _dist = new double[k];
        _index = new int[k];
    }

    public int Count { get; private set; }
    public int K => _dist.Length;

    /// <summary>The current k-th squared distance, +infinity while fewer than k are held.</summary>
    public double Worst => Count < _dist.Length ? double.PositiveInfinity : _dist[^1];

    public void Clear() => Count = 0;

    public void Offer(double dist, int index)
    {
        int n = Count;
        if (n == _dist.Length)
        {
            if (dist > _dist[n - 1] || (dist == _dist[n - 1] && index > _index[n - 1])) return;
            n--;
        }
        int i = n;
        while (i > 0 && (_dist[i - 1] > dist || (_dist[i - 1] == dist && _index[i - 1] > index)))
        {
            _dist[i] = _dist[i - 1];
            _index[i] = _index[i - 1];
            i--;
        }
        _dist[i] = dist;
        _index[i] = index;
        Count = n + 1;
    }

    /// <summary>Writes Euclidean distances (square roots) and indices, nearest first.</summary>
    public void CopyTo(Span<int> indices, Span<double> distances)
    {
        for (int i = 0; i < Count; i++)
        {
            indices[i] = _index[i];
            distances[i] = Math.Sqrt(_dist[i]);
        }
    }
}
