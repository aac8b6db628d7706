using System.Runtime.CompilerServices;
using FairCollective.Common;

namespace FairCollective.Learning.Logistic;

/// <summary>
/// The design matrix re-laid for the fused loss/gradient pass: within fixed row chunks, each dense column stored
/// contiguously (long SIMD runs), and each one-hot group (<see cref="ColumnUnits"/>) stored as one byte per row, the
/// index of the row's 1 within the group. One-hot columns are most of a tabular design (ACS: 78% zeros) and read as
/// dense columns they make every pass memory-bound; as codes a group costs one byte per row and one pass.
/// Experiments refit the firm hundreds of times on the same training matrix with new labels, so the layout is cached
/// per data array (weakly: it dies with the matrix) instead of being rebuilt on every fit. A cached layout is used only
/// while the array still holds what it was built from (<see cref="Fingerprint"/>, one vectorised pass): a caller that
/// rewrites a matrix's values in place between fits gets a fresh layout, never a stale one.
/// </summary>
internal sealed class BlockedLayout
{
    private static readonly ConditionalWeakTable<double[], BlockedLayout> Cache = new();

    private BlockedLayout(double[] dense, byte[] codes, ColumnUnits units, int chunkRows, int minGroupWidth, (double,
        double) fingerprint)
    {
        Print = fingerprint;
        Dense = dense;
        Codes = codes;
        Units = units;
        ChunkRows = chunkRows;
        MinGroupWidth = minGroupWidth;
    }

    /// <summary>Chunk-blocked column-major copy of the dense columns: chunk c's q-th dense column starts at
    /// c·chunkRows·DenseCount + q·len(c).</summary>
    public double[] Dense { get; }

    /// <summary>Chunk-blocked group codes: chunk c's g-th group starts at c·chunkRows·GroupCount + g·len(c); a code is
    /// the position of the row's 1 within the group, or the group's width when the row has none.</summary>
    public byte[] Codes { get; }

    /// <summary>How the columns split into dense columns and one-hot groups.</summary>
    public ColumnUnits Units { get; }

    public int ChunkRows { get; }
    public int MinGroupWidth { get; }

    /// <summary>The <see cref="Fingerprint"/> of the data the layout was built from.</summary>
    private (double, double) Print { get; }

    /// <summary>
    /// The sum of the values and their sum weighted by position (1, 2, 3, ...): any change of a value, and any swap of
    /// two different values, changes it (the same loop gives the same bits, so an unchanged array always matches).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Sum, double Weighted) Fingerprint(double[] data)
    {
        int width = System.Numerics.Vector<double>.Count, k = 0;
        var sum = System.Numerics.Vector<double>.Zero;
        var weighted = System.Numerics.Vector<double>.Zero;
        Span<double> start = stackalloc double[width];
        for (int j = 0; j < width; j++) start[j] = j + 1;
        var ramp = new System.Numerics.Vector<double>(start);
        var step = new System.Numerics.Vector<double>(width);
        for (; k <= data.Length - width; k += width)
        {
            var v = new System.Numerics.Vector<double>(data, k);
            sum += v;
            weighted += v * ramp;
            ramp += step;
        }
        double s = System.Numerics.Vector.Sum(sum), w = System.Numerics.Vector.Sum(weighted);
        for (; k < data.Length; k++)
        {
            s += data[k];
            w += data[k] * (k + 1);
        }
        return (s, w);
    }

    public static BlockedLayout Of(double[] data, int rows, int cols, int chunkRows, int minGroupWidth,
        ParallelOptions parallel)
    {
        var print = Fingerprint(data);
        if (Cache.TryGetValue(data, out var cached) && cached.ChunkRows == chunkRows
            && cached.MinGroupWidth == minGroupWidth && cached.Print == print)
            return cached;
        var units = ColumnUnits.Detect(data, rows, cols, minGroupWidth);
        var layout = Build(data, rows, cols, chunkRows, minGroupWidth, units, parallel, print);
        Cache.AddOrUpdate(data, layout);
        return layout;
    }

    private static BlockedLayout Build(double[] data, int rows, int cols, int chunkRows, int minGroupWidth,
        ColumnUnits units,
        ParallelOptions parallel, (double, double) print)
    {
        var dense = new double[(long)rows * units.DenseCount];
        var codes = new byte[(long)rows * units.GroupCount];
        int chunks = (rows + chunkRows - 1) / chunkRows;
        void Chunk(int chunk)
        {
            int start = chunk * chunkRows, len = Math.Min(chunkRows, rows - start);
            var rowMajor = data.AsSpan((int)((long)start * cols), len * cols);
            Transpose(rowMajor, units.DenseColumns, dense.AsSpan((int)((long)start * units.DenseCount),
                len * units.DenseCount), len, cols);
            Encode(rowMajor, units, codes.AsSpan((int)((long)start * units.GroupCount), len * units.GroupCount), len,
                cols);
        }
        ParallelLoop.For(chunks, parallel, Chunk);
        return new BlockedLayout(dense, codes, units, chunkRows, minGroupWidth, print);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose(ReadOnlySpan<double> rowMajor, int[] denseColumns, Span<double> columnMajor, int rows,
        int cols)
    {
        for (int i = 0; i < rows; i++)
        {
            var row = rowMajor.Slice(i * cols, cols);
            for (int q = 0; q < denseColumns.Length; q++) columnMajor[q * rows + i] = row[denseColumns[q]];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Encode(ReadOnlySpan<double> rowMajor, ColumnUnits units, Span<byte> codes, int rows, int cols)
    {
        for (int g = 0; g < units.GroupCount; g++)
        {
            int first = units.GroupFirstColumn[g], width = units.GroupWidth[g];
            var target = codes.Slice(g * rows, rows);
            for (int i = 0; i < rows; i++)
            {
                var cells = rowMajor.Slice(i * cols + first, width);
                int code = cells.IndexOf(1.0);
                target[i] = (byte)(code < 0 ? width : code);
            }
        }
    }
}
