using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FairCollective.Common;
using nietras.SeparatedValues;

namespace FairCollective.Data.Csv;

/// <summary>
/// Row-by-row access to a delimited file through Sep, with the checks a user needs: every row must have the
/// header's field count, numbers must parse (invariant culture), and every failure names the file, line and
/// column. Headers are read by position, so duplicate names (COMPAS) are allowed; <see cref="Column"/> returns
/// the first occurrence. Blank lines are skipped.
/// </summary>
public sealed class CsvRowReader : IDisposable
{
    private readonly SepReader _reader;
    private readonly Stream _stream;
    private readonly string? _commentPrefix;
    private int _lineNumber;

    private CsvRowReader(Stream stream, string source, CsvReadOptions options)
    {
        Source = source;
        _stream = stream;
        _commentPrefix = options.CommentPrefix;
        try
        {
            _reader = Sep.New(options.Separator).Reader(o => o with
            {
                HasHeader = false, // we read the header ourselves: Sep rejects duplicate names
                DisableColCountCheck = true, // we check ourselves, to name file and line
                Unescape = true,
                Trim = options.Trim ? SepTrim.All : SepTrim.None,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(stream);
            if (options.HasHeader)
            {
                if (!NextNonBlank()) throw new UserInputException($"{source}: the file is empty (no header row)");
                var row = _reader.Current;
                var names = new string[row.ColCount];
                for (int i = 0; i < names.Length; i++) names[i] = row[i].ToString();
                Header = names;
                _lineNumber = row.LineNumberFrom;
            }
            else if (options.ColumnNames is { } given)
            {
                Header = given.ToArray();
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DecoderFallbackException)
        {
            stream.Dispose();
            throw new UserInputException($"{source}: cannot read ({e.Message})", e);
        }
        catch (UserInputException)
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file at <paramref name="path"/> (gzip or plain).</summary>
    public static CsvRowReader Open(string path, CsvReadOptions? options = null) =>
        new(CsvInput.Open(path), path, options ?? new CsvReadOptions());

    /// <summary>Reads an already opened (decompressed) stream; <paramref name="source"/> names it in messages. Takes ownership.</summary>
    public static CsvRowReader Open(Stream stream, string source, CsvReadOptions? options = null) =>
        new(stream, source, options ?? new CsvReadOptions());

    /// <summary>The file name used in messages.</summary>
    public string Source { get; }

    /// <summary>Column names (from the header, from the options, or "column 1".. fixed by the first row).</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Fields per row.</summary>
    public int FieldCount => Header.Count;

    /// <summary>1-based line of the current row in the file.</summary>
    public int LineNumber => _lineNumber;

    /// <summary>Advances to the next non-blank row; false at the end. Throws on a wrong field count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        try
        {
            if (!NextNonBlank()) return false;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DecoderFallbackException)
        {
            throw new UserInputException($"{Source}: cannot read after line {_lineNumber} ({e.Message})", e);
        }
        var row = _reader.Current;
        _lineNumber = row.LineNumberFrom;
        if (Header.Count == 0) Header = Enumerable.Range(1, row.ColCount).Select(i => $"column {i}").ToArray();
        if (row.ColCount != Header.Count)
            throw new UserInputException($"{Source}, line {_lineNumber}: {row.ColCount} fields, expected {Header.Count}");
        return true;
    }

    /// <summary>The text of field <paramref name="field"/> of the current row (valid until the next <see cref="MoveNext"/>).</summary>
    public ReadOnlySpan<char> Span(int field) => _reader.Current[field].Span;

    /// <summary>Field <paramref name="field"/> of the current row as a string.</summary>
    public string String(int field) => _reader.Current[field].ToString();

    /// <summary>
    /// Field <paramref name="field"/> as a finite invariant-culture double; a user error names file, line and column
    /// otherwise. NaN and infinities are refused: no source a loader reads this way ever holds one legitimately.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Double(int field)
    {
        if (!TryDouble(field, out double v)) throw NotANumber(field);
        if (!double.IsFinite(v)) throw NotFinite(field);
        return v;
    }

    /// <summary>Field <paramref name="field"/> as an invariant-culture double, if it is one (NaN and infinity tokens included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDouble(int field, out double value)
    {
        // Sep's csFastFloat path first (the hot loop of large files); the BCL parse decides the rest, so the
        // accepted syntax is exactly TryParseNumber's.
        if (_reader.Current[field].TryParse<double>() is { } fast)
        {
            value = fast;
            return true;
        }
        return TryParseNumber(Span(field), out value);
    }

    /// <summary>The user error for a field that should have been a number.</summary>
    public UserInputException NotANumber(int field) =>
        new($"{Source}, line {_lineNumber}, column '{Header[field]}': '{String(field)}' is not a number");

    /// <summary>The user error for a field that is a number but NaN or infinite (or beyond the double range, as 1e999).</summary>
    public UserInputException NotFinite(int field) =>
        new($"{Source}, line {_lineNumber}, column '{Header[field]}': '{String(field)}' is not a finite number");

    /// <summary>Index of the first column named <paramref name="name"/>; a user error listing the columns otherwise.</summary>
    public int Column(string name)
    {
        int i = TryColumn(name);
        if (i >= 0) return i;
        throw new UserInputException($"{Source}: no column '{name}' (columns: {string.Join(", ", Header)})");
    }

    /// <summary>Index of the first column named <paramref name="name"/>, or -1.</summary>
    public int TryColumn(string name)
    {
        for (int i = 0; i < Header.Count; i++)
            if (string.Equals(Header[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>
    /// The parse rule used everywhere for numeric fields: invariant culture, decimal point, exponent allowed. The
    /// non-finite tokens NaN, Infinity and inf (any case, optional sign) and ∞ parse too, as NaN or ±infinity, so
    /// that callers can tell "not a number" from "a number that is not finite"; Sep's fast path reads the same tokens.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        // The BCL reads "Infinity" but not "inf" or "∞" (numpy and R write "inf" / "Inf").
        var t = text.Trim();
        bool negative = t.StartsWith('-');
        if (negative || t.StartsWith('+')) t = t[1..];
        if (t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.SequenceEqual("\u221E"))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        return false;
    }

    /// <summary>Closes the reader and the underlying file or stream.</summary>
    public void Dispose()
    {
        _reader?.Dispose();
        _stream.Dispose();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextNonBlank()
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            if (row.ColCount == 1 && row[0].Span.IsEmpty) continue;
            if (_commentPrefix is not null && row[0].Span.StartsWith(_commentPrefix, StringComparison.Ordinal)) continue;
            return true;
        }
        return false;
    }
}
