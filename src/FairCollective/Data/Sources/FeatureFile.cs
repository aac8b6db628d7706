using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// Extra numeric features from a file beside a dataset (image or text embeddings): a CSV keyed by row id (the id,
/// then one number per dimension; a first row that is not all numbers is a header naming them), or a NumPy
/// <c>.npy</c> array of shape (rows, dimensions), float64 or float32, in the dataset's row order. Written by hand
/// because reading one array needs only the format's fixed header, not a NumPy port.
/// </summary>
public static partial class FeatureFile
{
    /// <summary>The features read from a file: their names, and a row's vector by id (CSV) or by position
    /// (.npy).</summary>
    /// <param name="Names">One name per dimension.</param>
    /// <param name="RowById">CSV: id to its row in <paramref name="Vectors"/>; null for a positional .npy file.</param>
    /// <param name="Vectors">Row-major values, <c>Names.Count</c> per row.</param>
    public sealed record Contents(IReadOnlyList<string> Names, IReadOnlyDictionary<string, int>? RowById,
        double[] Vectors)
    {
        /// <summary>Rows in the file.</summary>
        public int Rows => Vectors.Length / Names.Count;
    }

    /// <summary>Reads <paramref name="path"/> (.npy by its extension, else CSV with an id column first).</summary>
    public static Contents Read(string path)
    {
        InputFile.Require(path, "feature file");
        return path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? ReadNpy(path) : ReadCsv(path);
    }

    /// <summary>
    /// <paramref name="data"/> with the features of <paramref name="path"/> appended (matched by id, or by position for
    /// .npy); every row must have its features. The identity's content hash covers the feature file too.
    /// </summary>
    public static Dataset Join(Dataset data, string path)
    {
        var file = Read(path);
        int d = file.Names.Count;
        if (file.RowById is null && file.Rows != data.RowCount)
            throw new UserInputException($"{path}: {file.Rows} rows, but the dataset has {data.RowCount} (a .npy " +
                "file holds one row per dataset row, in order)");
        var columns = new double[d][];
        for (int j = 0; j < d; j++) columns[j] = new double[data.RowCount];
        for (int i = 0; i < data.RowCount; i++)
        {
            int row = i;
            if (file.RowById is { } byId && !byId.TryGetValue(data.Ids[i], out row))
                throw new
                    UserInputException($"{path}: no features for row id '{data.Ids[i]}' of dataset '{data.Name}'");
            for (int j = 0; j < d; j++) columns[j][i] = file.Vectors[row * d + j];
        }
        var taken = data.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (file.Names.FirstOrDefault(taken.Contains) is { } clash)
            throw new UserInputException($"{path}: feature '{clash}' is already a column of dataset '{data.Name}'");
        var joined = new Dataset(data.Name, [.. data.Features, .. file.Names.Select((n, j) => FeatureColumn.Numeric(n,
            columns[j]))], data.Labels,
            data.Sensitive, data.Ids, data.PredefinedSplit,
                $"{data.Description}; {d} features from {Path.GetFileName(path)}", data.RowAccount);
        var identity = data.Identity;
        return identity is null ? joined
            : joined.Identify(identity with
            {
                ContentHash = DatasetIdentity.HashText(identity.ContentHash + "\n" +
                DatasetIdentity.HashFiles([path]))
            });
    }

    /// <summary>The id-keyed CSV: id, then numbers; a first row whose later fields are not all numbers is a
    /// header.</summary>
    internal static Contents ReadCsv(string path)
    {
        using var reader = CsvRowReader.Open(path, new CsvReadOptions { HasHeader = false });
        var rowById = new Dictionary<string, int>(StringComparer.Ordinal);
        var vectors = new List<double>();
        string[]? names = null;
        while (reader.MoveNext())
        {
            int d = reader.FieldCount - 1;
            if (d < 1) throw new
                UserInputException($"{path}, line {reader.LineNumber}: expected an id then at least one feature value");
            if (names is null)
            {
                bool header = Enumerable.Range(1, d).Any(j => !reader.TryDouble(j, out _));
                names = header
                    ? Enumerable.Range(1, d).Select(reader.String).ToArray()
                    : Enumerable.Range(0, d).Select(j => "f" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
                if (header) continue;
            }
            string id = reader.String(0);
            if (!rowById.TryAdd(id,
                rowById.Count)) throw new
                UserInputException($"{path}, line {reader.LineNumber}: id '{id}' appears twice");
            // Double refuses NaN and infinities itself, naming file, line and column.
            for (int j = 1; j <= d; j++) vectors.Add(reader.Double(j));
        }
        if (names is null || rowById.Count == 0) throw new UserInputException($"{path}: no feature rows in the file");
        return new Contents(names, rowById, vectors.ToArray());
    }

    // Values converted per read of a .npy file's data (8 MiB of float64).
    private const int NpyChunkValues = 1 << 20;

    [GeneratedRegex(@"'descr'\s*:\s*'(?<descr>[^']+)'.*'fortran_order'\s*:\s*(?<fortran>True|False).*"
        + @"'shape'\s*:\s*\((?<rows>\d+)\s*,\s*(?<cols>\d+)\s*,?\s*\)", RegexOptions.Singleline)]
    private static partial Regex NpyHeader();

    /// <summary>
    /// A NumPy .npy array: magic, version, header length, a dict header, then the data (C order). The header's shape
    /// is checked against the file's length before anything else is read or allocated, so a header claiming 10^12
    /// rows is one line, not an overflow or an allocation of terabytes.
    /// </summary>
    internal static Contents ReadNpy(string path)
    {
        using var file = OpenNpy(path);
        long length = file.Length;
        Span<byte> preamble = stackalloc byte[12];
        int got = file.ReadAtLeast(preamble, preamble.Length, throwOnEndOfStream: false);
        if (got < 10 || preamble[0] != 0x93 || !preamble[1..6].SequenceEqual("NUMPY"u8))
            throw new UserInputException($"{path}: not a NumPy .npy file");
        int major = preamble[6];
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..]) : got < 12 ?
            long.MaxValue : BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..]);
        int start = major == 1 ? 10 : 12;
        if (headerLength > length - start) throw new UserInputException($"{path}: the .npy header is cut off");
        var header = new byte[headerLength];
        file.Position = start;
        file.ReadExactly(header);
        var m = NpyHeader().Match(System.Text.Encoding.ASCII.GetString(header));
        if (!m.Success) throw new UserInputException($"{path}: only 2-D arrays (rows, dimensions) can be read");
        if (m.Groups["fortran"].Value == "True") throw new
            UserInputException($"{path}: the array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
        string descr = m.Groups["descr"].Value;
        int size = descr switch
        {
            "<f8" => 8,
            "<f4" => 4,
            _
            => throw new UserInputException($"{path}: dtype '{descr}' is not little-endian float64 or float32")
        };
        // The shape's numbers are as long as the header makes them: compared as big integers, never parsed into an int
        // first.
        var rows = BigInteger.Parse(m.Groups["rows"].Value, CultureInfo.InvariantCulture);
        var cols = BigInteger.Parse(m.Groups["cols"].Value, CultureInfo.InvariantCulture);
        if (cols < 1) throw new UserInputException($"{path}: the array has no columns");
        long dataBytes = length - start - headerLength;
        if (rows * cols * size != dataBytes)
            throw new UserInputException($"{path}: the header's shape ({rows}, {cols}) of {descr} needs " +
                $"{rows * cols * size:N0} data bytes, but the file holds {dataBytes:N0}");
        if (rows * cols > Array.MaxLength)
            throw new UserInputException($"{path}: {rows * cols:N0} values are more than one array can hold " +
                $"({Array.MaxLength:N0})");
        int n = (int)(rows * cols), d = (int)cols;
        var vectors = new double[n];
        // Read in chunks: the data may exceed what one byte array can hold.
        var chunk = new byte[(int)Math.Min(dataBytes, NpyChunkValues * size)];
        for (int first = 0; first < n;)
        {
            int count = Math.Min(chunk.Length / size, n - first);
            file.ReadExactly(chunk, 0, count * size);
            for (int k = 0; k < count; k++)
            {
                double v = size == 8 ? BinaryPrimitives.ReadDoubleLittleEndian(chunk.AsSpan(k * 8)) :
                    BinaryPrimitives.ReadSingleLittleEndian(chunk.AsSpan(k * 4));
                int i = first + k;
                if (!double.IsFinite(v)) throw new
                    UserInputException($"{path}: row {i / d}, column {i % d} is not a finite number");
                vectors[i] = v;
            }
            first += count;
        }
        return new Contents(Enumerable.Range(0, d).Select(j
            => "f" + j.ToString(CultureInfo.InvariantCulture)).ToArray(), null, vectors);
    }

    private static FileStream OpenNpy(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read ({e.Message})", e);
        }
    }
}
