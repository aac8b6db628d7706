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
/// the first occurrence. Blank lines are skipped. With <see cref="CsvReadOptions.Whitespace"/> the fields are the
/// runs of non-blank characters of each line instead (no quoting).
/// </summary>
public sealed class CsvRowReader : IDisposable
{
    private readonly SepReader? _reader;
    private readonly WhitespaceLines? _blanks;
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
            if (options.Whitespace) _blanks = new WhitespaceLines(stream);
            else _reader = Sep.New(options.Separator).Reader(o => o with
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
                var names = new string[CurrentFieldCount];
                for (int i = 0; i < names.Length; i++) names[i] = String(i);
                Header = names;
                _lineNumber = CurrentLine;
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

    /// <summary>Reads an already opened (decompressed) stream; <paramref name="source"/> names it in messages. Takes
    /// ownership.</summary>
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
        int count = CurrentFieldCount;
        _lineNumber = CurrentLine;
        if (Header.Count == 0) Header = Enumerable.Range(1, count).Select(i => $"column {i}").ToArray();
        if (count != Header.Count)
            throw new UserInputException($"{Source}, line {_lineNumber}: {count} fields, expected {Header.Count}");
        return true;
    }

    /// <summary>The text of field <paramref name="field"/> of the current row (valid until the next
    /// <see cref="MoveNext"/>).</summary>
    public ReadOnlySpan<char> Span(int field) => _blanks is null ? _reader!.Current[field].Span : _blanks.Field(field);

    /// <summary>Field <paramref name="field"/> of the current row as a string.</summary>
    public string String(int field)
        => _blanks is null ? _reader!.Current[field].ToString() : _blanks.Field(field).ToString();

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

    /// <summary>Field <paramref name="field"/> as an invariant-culture double, if it is one (NaN and infinity tokens
    /// included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDouble(int field, out double value)
    {
        // Sep's csFastFloat path first (the hot loop of large files); the BCL parse decides the rest, so the
        // accepted syntax is exactly TryParseNumber's.
        if (_reader is not null && _reader.Current[field].TryParse<double>() is { } fast)
        {
            value = fast;
            return true;
        }
        return TryParseNumber(Span(field), out value);
    }

    /// <summary>The user error for a field that should have been a number.</summary>
    public UserInputException NotANumber(int field) =>
        new($"{Source}, line {_lineNumber}, column '{Header[field]}': '{String(field)}' is not a number");

    /// <summary>The user error for a field that is a number but NaN or infinite (or beyond the double range, as
    /// 1e999).</summary>
    public UserInputException NotFinite(int field) =>
        new($"{Source}, line {_lineNumber}, column '{Header[field]}': '{String(field)}' is not a finite number");

    /// <summary>Index of the first column named <paramref name="name"/>; a user error listing the columns
    /// otherwise.</summary>
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
        _blanks?.Dispose();
        _stream.Dispose();
    }

    private int CurrentFieldCount => _blanks?.FieldCount ?? _reader!.Current.ColCount;

    private int CurrentLine => _blanks?.LineNumber ?? _reader!.Current.LineNumberFrom;

    /// <summary>Lines split at runs of spaces and tabs; blanks at either end are ignored.</summary>
    private sealed class WhitespaceLines(Stream stream) : IDisposable
    {
        private readonly StreamReader _text = new(stream, System.Text.Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        private readonly List<(int Start, int Length)> _fields = [];
        private string _line = "";

        public int LineNumber { get; private set; }

        public int FieldCount => _fields.Count;

        public ReadOnlySpan<char> Field(int i) => _line.AsSpan(_fields[i].Start, _fields[i].Length);

        public bool MoveNext()
        {
            if (_text.ReadLine() is not { } line) return false;
            LineNumber++;
            _line = line;
            _fields.Clear();
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && IsBlank(line[i])) i++;
                int start = i;
                while (i < line.Length && !IsBlank(line[i])) i++;
                if (i > start) _fields.Add((start, i - start));
            }
            return true;
        }

        public void Dispose() => _text.Dispose();

        // "\r" too: a Windows line end read by ReadLine never reaches here, a stray one is a blank.
        private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\f' or '\v';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextNonBlank()
    {
        if (_blanks is not null)
        {
            while (_blanks.MoveNext())
            {
                if (_blanks.FieldCount == 0) continue;
                if (_commentPrefix is not null && _blanks.Field(0).StartsWith(_commentPrefix,
                    StringComparison.Ordinal)) continue;
                return true;
            }
            return false;
        }
        while (_reader!.MoveNext())
        {
            var row = _reader.Current;
            if (row.ColCount == 1 && row[0].Span.IsEmpty) continue;
            if (_commentPrefix is not null && row[0].Span.StartsWith(_commentPrefix,
                StringComparison.Ordinal)) continue;
            return true;
        }
        return false;
    }
}
