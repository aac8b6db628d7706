namespace FairCollective.Data;

/// <summary>
/// The encoded design matrix: dense, row-major, n x d, contiguous, so a row is one span suited to SIMD
/// (System.Numerics.Tensors) work. Values are double: the learners must match scikit-learn's optimum to 1e-9
/// relative, which single precision cannot.
/// </summary>
public sealed class DesignMatrix
{
    /// <summary>Wraps <paramref name="data"/> (not copied) as a rows x cols matrix.</summary>
    /// <param name="rows">Number of rows n.</param>
    /// <param name="cols">Number of columns d.</param>
    /// <param name="data">Row-major values, length n * d.</param>
    /// <param name="columnNames">One name per column; default "x0", "x1", ...</param>
    public DesignMatrix(int rows, int cols, double[] data, IReadOnlyList<string>? columnNames = null)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        if (data.Length != (long)rows * cols) throw new
            ArgumentException($"Data has {data.Length} values; a {rows} x {cols} matrix needs {(long)rows * cols}.");
        if (columnNames is not null
            && columnNames.Count != cols) throw new ArgumentException("One column name per column.");
        Rows = rows;
        Cols = cols;
        Data = data;
        ColumnNames = columnNames ?? Enumerable.Range(0, cols).Select(j => $"x{j}").ToArray();
    }

    /// <summary>Number of rows n.</summary>
    public int Rows { get; }
    /// <summary>Number of columns d (encoded features).</summary>
    public int Cols { get; }

    /// <summary>Row-major values: element (i, j) is at i * Cols + j.</summary>
    public double[] Data { get; }

    /// <summary>Name of each encoded column (e.g. "age" or "race=Caucasian" for a one-hot level).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Element in row <paramref name="i"/>, column <paramref name="j"/>.</summary>
    public double this[int i, int j] => Data[i * Cols + j];

    /// <summary>Row <paramref name="i"/> as a span over <see cref="Data"/> (no copy).</summary>
    public ReadOnlySpan<double> Row(int i) => new(Data, i * Cols, Cols);

    /// <summary>Builds a matrix from jagged rows (tests, reference fixtures).</summary>
    public static DesignMatrix FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<string>? columnNames = null)
    {
        int n = rows.Count, d = n == 0 ? columnNames?.Count ?? 0 : rows[0].Length;
        var data = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            if (rows[i].Length != d) throw new ArgumentException($"Row {i} has {rows[i].Length} values, expected {d}.");
            rows[i].CopyTo(data, i * d);
        }
        return new DesignMatrix(n, d, data, columnNames);
    }

    /// <summary>The rows <paramref name="rows"/>, in that order.</summary>
    public DesignMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var data = new double[rows.Count * Cols];
        for (int i = 0; i < rows.Count; i++) Array.Copy(Data, rows[i] * Cols, data, i * Cols, Cols);
        return new DesignMatrix(rows.Count, Cols, data, ColumnNames);
    }

    /// <summary>This matrix without the columns <paramref name="columns"/> (indices), keeping the others in
    /// order.</summary>
    public DesignMatrix WithoutColumns(IReadOnlyCollection<int> columns)
    {
        if (columns.Count == 0) return this;
        var keep = Enumerable.Range(0, Cols).Where(j => !columns.Contains(j)).ToArray();
        var data = new double[Rows * keep.Length];
        for (int i = 0; i < Rows; i++)
            for (int k = 0; k < keep.Length; k++)
                data[i * keep.Length + k] = Data[i * Cols + keep[k]];
        return new DesignMatrix(Rows, keep.Length, data, ColumnNames is { } names ? keep.Select(j
            => names[j]).ToArray() : null);
    }
}
