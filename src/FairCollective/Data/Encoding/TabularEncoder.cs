using FairCollective.Common;

namespace FairCollective.Data.Encoding;

/// <summary>
/// Learns the encoding of a <see cref="Dataset"/>'s raw feature columns from its training rows only (so nothing
/// about validation or test rows leaks into the scaling or the category list): numeric columns are z-scored with
/// the training mean and population standard deviation (scikit-learn's StandardScaler), categorical columns are
/// one-hot encoded over the categories seen in training, in ordinal order (OneHotEncoder with
/// handle_unknown="ignore": a category first seen at transform time gives an all-zero block).
/// Written by hand because no .NET library offers a fit-on-train / transform-anything encoder over this
/// <see cref="Dataset"/> shape without copying the data into its own table type first.
/// </summary>
public static class TabularEncoder
{
    /// <summary>Learns the encoding of every feature column of <paramref name="data"/> from the rows
    /// <paramref name="trainRows"/> only.</summary>
    /// <param name="data">The dataset whose feature columns are encoded.</param>
    /// <param name="trainRows">Training row numbers (at least one); scaling statistics and category lists come from
    /// these rows alone.</param>
    /// <param name="options">Encoding choices; default <see cref="EncoderOptions.Default"/>.</param>
    /// <exception cref="Common.UserInputException">No training rows, a row out of range, a duplicated column name, an
    /// infinite value, a missing value the options refuse, or a numeric column with no observed or no standardisable
    /// value.</exception>
    public static FittedEncoder Fit(Dataset data, IReadOnlyList<int> trainRows, EncoderOptions? options = null)
    {
        options ??= EncoderOptions.Default;
        int[] rows = trainRows as int[] ?? trainRows.ToArray();
        if (rows.Length == 0) throw new
            UserInputException($"dataset '{data.Name}': cannot fit the encoder on zero training rows");
        foreach (int r in rows)
            if ((uint)r >= (uint)data.RowCount)
                throw new
                    UserInputException($"dataset '{data.Name}': training row {r} is outside 0..{data.RowCount - 1}");

        var columns = new List<EncodedColumn>(data.Features.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int offset = 0;
        foreach (var f in data.Features)
        {
            if (!seen.Add(f.Name)) throw new
                UserInputException($"dataset '{data.Name}': feature column '{f.Name}' appears twice");
            var col = f.Kind == FeatureKind.Numeric
                ? FitNumeric(data.Name, f, rows, offset, options)
                : FitCategorical(data.Name, f, rows, offset, options);
            columns.Add(col);
            offset += col.Width;
        }
        return new FittedEncoder(options, columns, offset);
    }

    private static EncodedColumn FitNumeric(string dataName, FeatureColumn f, int[] rows, int offset,
        EncoderOptions options)
    {
        var v = f.Numbers!;
        // Observed values are checked and their largest magnitude found first. The statistics are then computed
        // on values divided by a power of two near it, so no sum or square overflows (two values of 1e308 sum to
        // infinity, and the firm silently fell back to the base rate). Dividing by a power of two is exact, so
        // every ordinary column gets bit for bit the mean and deviation it got before; NaN is ignored, as
        // StandardScaler does.
        double maxAbs = 0;
        long count = 0;
        foreach (int r in rows)
        {
            double x = v[r];
            if (double.IsNaN(x))
            {
                if (options.NumericMissing == NumericMissingPolicy.Error)
                    throw new UserInputException($"dataset '{dataName}': column '{f.Name}' row {r} is missing (NaN) " +
                        "and the encoder option NumericMissing is Error");
                continue;
            }
            if (double.IsInfinity(x)) throw new
                UserInputException($"dataset '{dataName}': column '{f.Name}' row {r} is infinite");
            maxAbs = Math.Max(maxAbs, Math.Abs(x));
            count++;
        }
        if (count == 0) throw new
            UserInputException($"dataset '{dataName}': column '{f.Name}' has no observed value in the training rows");
        double unit = maxAbs > 0 ? Math.ScaleB(1, Math.ILogB(maxAbs)) : 1;

        // Two passes (mean, then squared deviations) for accuracy; scaled values lie in (-2, 2).
        double sum = 0;
        foreach (int r in rows)
            if (!double.IsNaN(v[r])) sum += v[r] / unit;
        double scaledMean = sum / count, ss = 0;
        foreach (int r in rows)
        {
            double d = v[r] / unit - scaledMean;
            if (!double.IsNaN(d)) ss += d * d;
        }
        double mean = scaledMean * unit, std = Math.Sqrt(ss / count) * unit;
        // Both are bounded by maxAbs, so this cannot happen; kept so a future change cannot put NaN/Inf in the design
        // matrix.
        if (!double.IsFinite(mean) || !double.IsFinite(std))
            throw new UserInputException($"dataset '{dataName}': column '{f.Name}' cannot be standardised (mean " +
                $"{mean}, standard deviation {std})");
        bool scale = options.ScaleNumeric;
        return new EncodedColumn(f.Name, FeatureKind.Numeric, offset, mean,
            center: scale ? mean : 0, scale: scale ? NonZeroScale(std) : 1,
            categories: [], dropFirst: false, indicatorCenters: [], indicatorScales: []);
    }

    private static EncodedColumn FitCategorical(string dataName, FeatureColumn f, int[] rows, int offset,
        EncoderOptions options)
    {
        var v = f.Categories!;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (int r in rows)
        {
            string key = CategoryKey(dataName, f.Name, v[r], r, options);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var categories = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        // A two-level category is one 0/1 column when asked (its second level's indicator), else one column per level.
        bool dropFirst = options.DropFirst || (options.BinaryAsOneColumn && categories.Length == 2);
        int skip = dropFirst ? 1 : 0, width = categories.Length - skip;
        var centers = new double[width];
        var scales = new double[width];
        for (int k = 0; k < width; k++)
        {
            if (options.ScaleOneHot)
            {
                double p = (double)counts[categories[k + skip]] / rows.Length;
                centers[k] = p;
                scales[k] = NonZeroScale(Math.Sqrt(p * (1 - p)));
            }
            else scales[k] = 1;
        }
        return new EncodedColumn(f.Name, FeatureKind.Categorical, offset, double.NaN, 0, 1, categories, dropFirst,
            centers, scales);
    }

    /// <summary>The category a raw value stands for: itself, or the missing category for null.</summary>
    internal static string CategoryKey(string dataName, string column, string? value, int row, EncoderOptions options)
    {
        if (value is not null) return value;
        if (options.CategoricalMissing == CategoricalMissingPolicy.Error)
            throw new UserInputException($"dataset '{dataName}': column '{column}' row {row} is missing and the " +
                "encoder option CategoricalMissing is Error");
        return EncoderOptions.MissingCategory;
    }

    // A constant column keeps scale 1 (scikit-learn's rule), so it encodes to 0 instead of dividing by zero.
    private static double NonZeroScale(double std) => std > 0 ? std : 1;
}
