using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Data.Encoding;

/// <summary>
/// An encoding learnt by <see cref="TabularEncoder.Fit"/>: immutable, safe to share between threads. It turns any
/// rows of a dataset with the same feature columns (matched by name) into a <see cref="DesignMatrix"/>, and
/// decodes a design matrix back into raw columns.
/// </summary>
public sealed class FittedEncoder
{
    // Rows per parallel work item: large enough to amortise scheduling, small enough to spread over cores.
    private const int RowsPerChunk = 4096;

    private readonly EncodedColumn[] _columns;
    private readonly string[] _columnNames;

    internal FittedEncoder(EncoderOptions options, IReadOnlyList<EncodedColumn> columns, int width)
    {
        Options = options;
        _columns = columns.ToArray();
        Width = width;
        _columnNames = _columns.SelectMany(c => c.ColumnNames).ToArray();
    }

    /// <summary>The options the encoding was fitted with.</summary>
    public EncoderOptions Options { get; }

    /// <summary>The fitted raw columns, in dataset order; each knows its block in the design matrix.</summary>
    public IReadOnlyList<EncodedColumn> Columns => _columns;

    /// <summary>Number of design-matrix columns.</summary>
    public int Width { get; }

    /// <summary>Design-matrix column names: "age", "race=Caucasian", ...</summary>
    public IReadOnlyList<string> ColumnNames => _columnNames;

    /// <summary>
    /// Encodes the rows <paramref name="rows"/> (all rows when null), in that order. A category not seen in training
    /// gives an all-zero block (before one-hot scaling); a NaN is replaced by the training mean when
    /// <see cref="EncoderOptions.NumericMissing"/> allows it.
    /// </summary>
    public DesignMatrix Transform(Dataset data, IReadOnlyList<int>? rows = null)
    {
        // A plain array: the hot loop indexes it millions of times, and an interface call per index is measurable.
        int[] rowIndex = rows switch
        {
            null => Enumerable.Range(0, data.RowCount).ToArray(),
            int[] array => array,
            _ => rows.ToArray(),
        };
        foreach (int r in rowIndex)
            if ((uint)r >= (uint)data.RowCount) throw new
                UserInputException($"dataset '{data.Name}': row {r} is outside 0..{data.RowCount - 1}");
        var sources = new FeatureColumn[_columns.Length];
        for (int c = 0; c < _columns.Length; c++)
        {
            sources[c] = FindColumn(data, _columns[c]);
            Validate(data, sources[c], _columns[c], rowIndex);
        }

        int n = rowIndex.Length, w = Width;
        var values = new double[(long)n * w];
        int chunks = (n + RowsPerChunk - 1) / RowsPerChunk;
        Parallel.For(0, chunks, chunk =>
        {
            int start = chunk * RowsPerChunk, end = Math.Min(n, start + RowsPerChunk);
            for (int c = 0; c < _columns.Length; c++) EncodeBlock(_columns[c], sources[c], rowIndex, start, end, values,
                w);
        });
        return new DesignMatrix(n, w, values, _columnNames);
    }

    private static void EncodeBlock(EncodedColumn col, FeatureColumn src, int[] rows, int start, int end,
        double[] values, int w)
    {
        if (col.Kind == FeatureKind.Numeric)
        {
            var v = src.Numbers!;
            for (int i = start; i < end; i++)
            {
                double x = v[rows[i]];
                if (double.IsNaN(x)) x = col.ImputeValue;
                values[(long)i * w + col.Offset] = col.Standardise(x);
            }
            return;
        }

        var cats = src.Categories!;
        int skip = col.DropFirst ? 1 : 0, width = col.Width;
        var off = col.EncodedOff;
        var on = col.EncodedOn;
        for (int i = start; i < end; i++)
        {
            var block = values.AsSpan((int)((long)i * w + col.Offset), width);
            off.CopyTo(block);
            string key = cats[rows[i]] ?? EncoderOptions.MissingCategory;
            if (col.CategoryIndex.TryGetValue(key, out int level) && level >= skip)
                block[level - skip] = on[level - skip];
        }
    }

    /// <summary>
    /// Decodes a design matrix made by this encoder back into raw columns, in <see cref="Columns"/> order: numeric
    /// values are unscaled (an imputed NaN comes back as the training mean), each categorical block gives the
    /// category whose indicator is largest. An all-zero block decodes to null: the missing category, or a category
    /// unseen in training (the two cannot be told apart), or, with DropFirst, the first category.
    /// </summary>
    public IReadOnlyList<FeatureColumn> Decode(DesignMatrix encoded)
    {
        CheckWidth(encoded);
        var result = new FeatureColumn[_columns.Length];
        for (int c = 0; c < _columns.Length; c++)
        {
            var col = _columns[c];
            result[c] = col.Kind == FeatureKind.Numeric
                ? FeatureColumn.Numeric(col.Name, DecodeNumeric(encoded, col))
                : FeatureColumn.Categorical(col.Name, DecodeCategorical(encoded, col));
        }
        return result;
    }

    /// <summary>The raw values of numeric column <paramref name="column"/>, decoded from
    /// <paramref name="encoded"/>.</summary>
    public double[] InverseTransformNumeric(DesignMatrix encoded, string column)
    {
        CheckWidth(encoded);
        var col = _columns.FirstOrDefault(c => c.Name == column && c.Kind == FeatureKind.Numeric)
                  ?? throw new UserInputException($"the encoder has no numeric column '{column}'");
        return DecodeNumeric(encoded, col);
    }

    private static double[] DecodeNumeric(DesignMatrix m, EncodedColumn col)
    {
        var raw = new double[m.Rows];
        for (int i = 0; i < raw.Length; i++) raw[i] = m[i, col.Offset] * col.Scale + col.Center;
        return raw;
    }

    private static string?[] DecodeCategorical(DesignMatrix m, EncodedColumn col)
    {
        // An indicator is 0 or 1 once unscaled, so 0.5 separates "this category" from "not this one".
        const double indicatorThreshold = 0.5;
        int skip = col.DropFirst ? 1 : 0;
        var raw = new string?[m.Rows];
        for (int i = 0; i < raw.Length; i++)
        {
            int best = -1;
            double bestValue = indicatorThreshold;
            for (int k = 0; k < col.Width; k++)
            {
                double indicator = m[i, col.Offset + k] * col.IndicatorScales[k] + col.IndicatorCenters[k];
                if (indicator > bestValue) (best, bestValue) = (k, indicator);
            }
            string? category = best >= 0 ? col.Categories[best + skip] : col.DropFirst ? col.Categories[0] : null;
            raw[i] = category == EncoderOptions.MissingCategory ? null : category;
        }
        return raw;
    }

    private void CheckWidth(DesignMatrix m)
    {
        if (m.Cols != Width) throw new
            UserInputException($"the design matrix has {m.Cols} columns; this encoder makes {Width}");
    }

    private static FeatureColumn FindColumn(Dataset data, EncodedColumn col)
    {
        var f = data.Features.FirstOrDefault(x => x.Name == col.Name)
                ?? throw new UserInputException($"dataset '{data.Name}' has no feature column '{col.Name}', which " +
                    "the encoder was fitted on");
        if (f.Kind != col.Kind)
            throw new UserInputException($"dataset '{data.Name}': column '{col.Name}' is {f.Kind}, but the encoder " +
                $"was fitted on a {col.Kind} column");
        return f;
    }

    // Sequential checks before the parallel pass, so the first bad row (not a random one) is reported, unwrapped.
    private void Validate(Dataset data, FeatureColumn f, EncodedColumn col, int[] rows)
    {
        if (f.Kind == FeatureKind.Numeric)
        {
            var v = f.Numbers!;
            foreach (int r in rows)
            {
                double x = v[r];
                if (double.IsInfinity(x)) throw new
                    UserInputException($"dataset '{data.Name}': column '{f.Name}' row {r} is infinite");
                if (double.IsNaN(x) && Options.NumericMissing == NumericMissingPolicy.Error)
                    throw new UserInputException($"dataset '{data.Name}': column '{f.Name}' row {r} is missing (NaN) " +
                        "and the encoder option NumericMissing is Error");
                // Only a value ~1e300 training deviations away gets here; the design matrix never holds an infinity.
                if (!double.IsNaN(x) && !double.IsFinite(col.Standardise(x)))
                    throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                        $"dataset '{data.Name}': column '{f.Name}' row {r}: {x:R} is too far from the training " +
                            $"values to encode (mean {col.Center:R}, standard deviation {col.Scale:R})"));
            }
        }
        else if (Options.CategoricalMissing == CategoricalMissingPolicy.Error)
        {
            foreach (int r in rows) TabularEncoder.CategoryKey(data.Name, f.Name, f.Categories![r], r, Options);
        }
    }
}
