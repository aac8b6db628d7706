namespace FairCollective.Data;

/// <summary>
/// One raw (not yet encoded) feature column. Numeric columns hold doubles (NaN = missing), categorical ones
/// hold strings (null = missing). Immutable once built.
/// </summary>
public sealed class FeatureColumn
{
    private FeatureColumn(string name, FeatureKind kind, double[]? numbers, string?[]? categories)
    {
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Categories = categories;
    }

    /// <summary>Column name in the source.</summary>
    public string Name { get; }
    /// <summary>Whether <see cref="Numbers"/> or <see cref="Categories"/> holds the values.</summary>
    public FeatureKind Kind { get; }

    /// <summary>Values of a numeric column; null for a categorical one.</summary>
    public double[]? Numbers { get; }

    /// <summary>Values of a categorical column; null for a numeric one.</summary>
    public string?[]? Categories { get; }

    /// <summary>Number of rows.</summary>
    public int Length => Numbers?.Length ?? Categories!.Length;

    /// <summary>A numeric column over <paramref name="values"/> (not copied; NaN = missing).</summary>
    public static FeatureColumn Numeric(string name, double[] values) => new(name, FeatureKind.Numeric, values, null);

    /// <summary>A categorical column over <paramref name="values"/> (not copied; null = missing).</summary>
    public static FeatureColumn Categorical(string name, string?[] values) => new(name, FeatureKind.Categorical, null,
        values);

    /// <summary>The rows <paramref name="rows"/> of this column, in that order.</summary>
    public FeatureColumn Select(IReadOnlyList<int> rows)
    {
        if (Numbers is { } n)
        {
            var v = new double[rows.Count];
            for (int i = 0; i < v.Length; i++) v[i] = n[rows[i]];
            return Numeric(Name, v);
        }
        var c = new string?[rows.Count];
        for (int i = 0; i < c.Length; i++) c[i] = Categories![rows[i]];
        return Categorical(Name, c);
    }
}
