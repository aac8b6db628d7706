using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Neighbours;

/// <summary>
/// Exact Euclidean k nearest neighbours of query rows among a fixed reference set (index built once, queried many
/// times).
/// <para>
/// <b>Tie rule</b> (deterministic, independent of algorithm and thread count): each query's neighbours are the
/// first k reference rows in the order (distance, reference row index); among rows tied at the k-th distance the
/// lowest indices are kept, and the output is sorted in that order. Distances are sqrt(sum((q - r)^2)) computed
/// directly in float64 (<see cref="SquaredDistance"/>), so exact duplicate rows are at exactly 0 and equal
/// distances on, e.g., integer grids are exact ties. scikit-learn returns the same neighbours except where it
/// breaks ties differently (it documents no tie order).
/// </para>
/// <para>
/// <b>Algorithms.</b> <see cref="KnnAlgorithm.KdTree"/>: exact float64 k-d tree. <see cref="KnnAlgorithm.BruteForce"/>:
/// float32 SIMD screening with a proven margin, then exact float64 re-ranking (<see cref="ScreeningMargin"/>);
/// where coordinates are too large for float32 screening (beyond 1e15 from the reference mean) it uses the k-d tree.
/// <see cref="KnnAlgorithm.Auto"/>: the k-d tree when d &lt;= <see cref="KnnOptions.KdTreeMaxDimension"/>, else brute
/// force (crossover measured in bench/README.md, "Exact k-NN").
/// </para>
/// <para>
/// <b>Subsets.</b> To search only some reference rows (e.g. majority rows), use <see cref="Build"/>, which returns
/// indices in the original numbering; equivalently build on <c>matrix.SelectRows(rows)</c> and map index i back to
/// <c>rows[i]</c> (with <c>rows</c> ascending, so the tie rule also holds in the original numbering).
/// </para>
/// </summary>
public sealed class ExactKnn
{
    private readonly DesignMatrix _reference;
    private readonly KnnOptions _options;
    private readonly ScreenedBruteForce? _brute;
    private readonly Lazy<KdTree> _tree;
    private readonly int[]? _rowMap;

    /// <summary>Indexes every row of <paramref name="reference"/>; results use its row numbers.</summary>
    /// <param name="reference">The reference rows (finite values, at least one row and one column).</param>
    /// <param name="options">Tuning; defaults to <see cref="KnnOptions"/>'s defaults. No option changes the
    /// answer.</param>
    public ExactKnn(DesignMatrix reference, KnnOptions? options = null) : this(reference, options, null) { }

    private ExactKnn(DesignMatrix reference, KnnOptions? options, int[]? rowMap)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _options = options ?? new KnnOptions();
        Validate(_options);
        if (reference.Rows == 0) throw new UserInputException("k-NN: the reference set is empty.");
        if (reference.Cols == 0) throw new UserInputException("k-NN: the reference set has no columns.");
        RequireFinite(reference, "reference");
        _reference = reference;
        _rowMap = rowMap;
        _tree = new Lazy<KdTree>(() => new KdTree(_reference, _options.LeafSize));
        bool useTree = _options.Algorithm switch
        {
            KnnAlgorithm.KdTree => true,
            KnnAlgorithm.BruteForce => false,
            _ => reference.Cols <= _options.KdTreeMaxDimension,
        };
        if (!useTree) _brute = ScreenedBruteForce.TryCreate(reference);
        Algorithm = _brute is null ? KnnAlgorithm.KdTree : KnnAlgorithm.BruteForce;
        if (Algorithm == KnnAlgorithm.KdTree) _ = _tree.Value;
    }

    /// <summary>
    /// A searcher over only the rows <paramref name="rows"/> of <paramref name="matrix"/>; its results use the
    /// original row numbers. Rows are taken in ascending order, so ties still go to the lowest original index.
    /// </summary>
    public static ExactKnn Build(DesignMatrix matrix, IReadOnlyList<int> rows, KnnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(rows);
        var sorted = rows.ToArray();
        Array.Sort(sorted);
        for (int i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] < 0 || sorted[i] >= matrix.Rows)
                throw new UserInputException($"k-NN: reference row {sorted[i]} is outside the matrix " +
                    $"(0..{matrix.Rows - 1}).");
            if (i > 0 && sorted[i] == sorted[i - 1])
                throw new UserInputException($"k-NN: reference row {sorted[i]} is listed twice.");
        }
        return new ExactKnn(matrix.SelectRows(sorted), options, sorted);
    }

    /// <summary>Number of reference rows searched (an upper bound on k).</summary>
    public int ReferenceCount => _reference.Rows;

    /// <summary>Number of feature columns; queries must have the same.</summary>
    public int Dimension => _reference.Cols;

    /// <summary>The algorithm actually used (Auto resolved).</summary>
    public KnnAlgorithm Algorithm { get; }

    /// <summary>The k nearest reference rows of every query row, by the tie rule in the class remarks.</summary>
    public KnnResult Query(DesignMatrix queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (k < 1) throw new UserInputException($"k-NN: k must be at least 1 (got {k}).");
        if (k > ReferenceCount)
            throw new UserInputException($"k-NN: k = {k} exceeds the {ReferenceCount} reference rows.");
        if (queries.Cols != Dimension)
            throw new
                UserInputException($"k-NN: queries have {queries.Cols} columns but the reference set has {Dimension}.");
        RequireFinite(queries, "query");
        var indices = new int[queries.Rows * k];
        var distances = new double[queries.Rows * k];
        if (_brute is null || !_brute.TryQuery(queries, k, _options, indices, distances))
            QueryTree(queries, k, indices, distances);
        if (_rowMap is not null)
            for (int i = 0; i < indices.Length; i++) indices[i] = _rowMap[indices[i]];
        return new KnnResult(queries.Rows, k, indices, distances);
    }

    private const int TreeQueryChunk = 64;

    private void QueryTree(DesignMatrix queries, int k, int[] indices, double[] distances)
    {
        var tree = _tree.Value;
        int chunks = (queries.Rows + TreeQueryChunk - 1) / TreeQueryChunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism },
            () => (Top: new TopK(k), Stack: new Stack<(int, double)>()),
            (c, _, s) =>
            {
                int end = Math.Min(queries.Rows, (c + 1) * TreeQueryChunk);
                for (int q = c * TreeQueryChunk; q < end; q++)
                {
                    tree.Search(queries.Row(q), s.Top, s.Stack);
                    s.Top.CopyTo(indices.AsSpan(q * k, k), distances.AsSpan(q * k, k));
                }
                return s;
            },
            _ => { });
    }

    private static void Validate(KnnOptions o)
    {
        if (o.MaxDegreeOfParallelism == 0 || o.MaxDegreeOfParallelism < -1)
            throw new UserInputException($"k-NN option MaxDegreeOfParallelism must be -1 or positive (got " +
                $"{o.MaxDegreeOfParallelism}).");
        if (!Enum.IsDefined(o.Algorithm)) throw new
            UserInputException($"k-NN option Algorithm has unknown value {o.Algorithm}.");
        if (o.LeafSize < 1) throw new UserInputException($"k-NN option LeafSize must be positive (got {o.LeafSize}).");
        if (o.QueryBlockSize < 1) throw new
            UserInputException($"k-NN option QueryBlockSize must be positive (got {o.QueryBlockSize}).");
        if (o.ReferenceBlockBytes < 1) throw new
            UserInputException($"k-NN option ReferenceBlockBytes must be positive (got {o.ReferenceBlockBytes}).");
    }

    private static void RequireFinite(DesignMatrix m, string what)
    {
        var data = m.Data;
        for (int i = 0; i < data.Length; i++)
            if (!double.IsFinite(data[i]))
                throw new UserInputException($"k-NN: {what} row {i / m.Cols}, column {m.ColumnNames[i % m.Cols]} is " +
                    $"{data[i]} (must be finite).");
    }
}
