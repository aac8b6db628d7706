namespace FairCollective.Neighbours;

/// <summary>How <see cref="ExactKnn"/> searches. Every choice returns the identical, exact answer; only speed
/// differs.</summary>
public enum KnnAlgorithm
{
    /// <summary>
    /// k-d tree when the dimension is at most <see cref="KnnOptions.KdTreeMaxDimension"/>, otherwise blocked brute
    /// force.
    /// </summary>
    Auto,

    /// <summary>Every query against every reference row: float32 SIMD screening, exact float64 re-ranking.</summary>
    BruteForce,

    /// <summary>A k-d tree with exact float64 distances throughout.</summary>
    KdTree,
}
