namespace FairCollective.Neighbours;

/// <summary>Tuning of <see cref="ExactKnn"/>. No option changes the answer, only the time taken to find it.</summary>
public sealed record KnnOptions
{
    /// <summary>
    /// Default <see cref="KdTreeMaxDimension"/>. Measured (bench/README.md, "Exact k-NN"; 400k Gaussian reference rows,
    /// 20k queries, k = 10, CPU seconds): the tree wins clearly at d = 3, ties the SIMD brute force at d = 5 and loses
    /// from d = 6 (3x slower at d = 10), because the float32 screen costs only about d/16 FMA instructions per pair.
    /// </summary>
    public const int DefaultKdTreeMaxDimension = 4;

    /// <summary>Default <see cref="LeafSize"/>: small enough to prune well, large enough to amortise the box
    /// tests.</summary>
    public const int DefaultLeafSize = 24;

    /// <summary>Default <see cref="QueryBlockSize"/>: queries whose float32 rows stay in L1/L2 while a reference block
    /// streams past.</summary>
    public const int DefaultQueryBlockSize = 256;

    /// <summary>Default <see cref="ReferenceBlockBytes"/>: a block of packed float32 reference rows that fits in
    /// L2.</summary>
    public const int DefaultReferenceBlockBytes = 256 * 1024;

    /// <summary>Threads used across query blocks; -1 means all cores. Results never depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Search algorithm; <see cref="KnnAlgorithm.Auto"/> picks by dimension (see
    /// <see cref="KdTreeMaxDimension"/>).</summary>
    public KnnAlgorithm Algorithm { get; init; } = KnnAlgorithm.Auto;

    /// <summary>Under <see cref="KnnAlgorithm.Auto"/>, the largest dimension that uses the k-d tree.</summary>
    public int KdTreeMaxDimension { get; init; } = DefaultKdTreeMaxDimension;

    /// <summary>Most reference rows in a k-d tree leaf.</summary>
    public int LeafSize { get; init; } = DefaultLeafSize;

    /// <summary>Largest number of queries one brute-force work item handles (smaller when there are few
    /// queries).</summary>
    public int QueryBlockSize { get; init; } = DefaultQueryBlockSize;

    /// <summary>Bytes of packed float32 reference rows scanned per brute-force block.</summary>
    public int ReferenceBlockBytes { get; init; } = DefaultReferenceBlockBytes;
}
