namespace FairCollective.Neighbours;

/// <summary>
/// One query's screened candidates (reference index, screened value v) that are still under its threshold.
/// When full it is compacted: the threshold is recomputed from the k-th smallest v and rows above it are dropped;
/// it grows only when many rows tie, as on integer grids with duplicate rows.
/// </summary>
internal sealed class CandidateBuffer
{
    private int[] _index;
    private float[] _value;
    private float[] _scratch;

    public CandidateBuffer(int capacity)
    {
        _index = new int[capacity];
        _value = new float[capacity];
        _scratch = new float[capacity];
    }

    public int Count { get; private set; }

    public void Reset() => Count = 0;

    /// <summary>Adds a candidate; returns true when the buffer is now full and must be compacted.</summary>
    public bool Add(int index, float value)
    {
        _index[Count] = index;
        _value[Count] = value;
        return ++Count == _index.Length;
    }

    /// <summary>Recomputes the threshold from the k-th smallest value and drops every candidate above it.</summary>
    public float Compact(int k, in ScreeningMargin margin)
    {
        if (Count < k) return float.MaxValue;
        var values = _scratch.AsSpan(0, Count);
        _value.AsSpan(0, Count).CopyTo(values);
        values.Sort();
        float threshold = margin.Threshold(values[k - 1]);
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            if (_value[i] > threshold) continue;
            _index[kept] = _index[i];
            _value[kept++] = _value[i];
        }
        Count = kept;
        if (Count * 2 > _index.Length)
        {
            Array.Resize(ref _index, _index.Length * 2);
            Array.Resize(ref _value, _value.Length * 2);
            _scratch = new float[_index.Length];
        }
        return threshold;
    }

    /// <summary>Offers every candidate under the final threshold to <paramref name="top"/> with its exact
    /// distance.</summary>
    public void Rerank(int k, in ScreeningMargin margin, ReadOnlySpan<double> query, ReadOnlySpan<double> reference,
        int d, TopK top)
    {
        Compact(k, margin);
        top.Clear();
        for (int i = 0; i < Count; i++)
        {
            int r = _index[i];
            top.Offer(SquaredDistance.Compute(query, reference.Slice(r * d, d)), r);
        }
    }
}
