using System.Globalization;
using System.Runtime.CompilerServices;

namespace FairCollective.Data.Csv;

/// <summary>
/// Accumulates one raw feature column while a file is read. Categorical values are kept as indices into a
/// table of distinct levels (looked up by span, without allocating) and turned into strings only in
/// <see cref="Build"/>: millions of references in a growing list make every GC rescan it, small ints do not.
/// </summary>
public sealed class FeatureColumnBuilder
{
    private const int Missing = -1;

    private readonly List<double>? _numbers;
    private readonly List<int>? _levelOfRow;
    private readonly List<string> _levels = [];
    private readonly Dictionary<string, int> _levelIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<double, int> _codeIndex = [];

    /// <summary>An empty column; add values with the methods of its kind (<see cref="AddNumber"/> for numeric, the
    /// others for categorical).</summary>
    /// <param name="name">Column name as it will appear in the dataset.</param>
    /// <param name="kind">Whether the column holds numbers or categories.</param>
    public FeatureColumnBuilder(string name, FeatureKind kind)
    {
        Name = name;
        Kind = kind;
        if (kind == FeatureKind.Numeric) _numbers = [];
        else _levelOfRow = [];
    }

    /// <summary>Column name, as given to the constructor.</summary>
    public string Name { get; }
    /// <summary>Whether the column holds numbers or categories.</summary>
    public FeatureKind Kind { get; }

    /// <summary>Most distinct levels of a categorical column; default
    /// <see cref="DatasetLimits.MaxCategoricalLevels"/>.</summary>
    public int MaxLevels { get; init; } = DatasetLimits.MaxCategoricalLevels;

    /// <summary>Appends a value to a numeric column; NaN means missing.</summary>
    public void AddNumber(double value) => _numbers!.Add(value);

    /// <summary>Adds a category.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddCategory(ReadOnlySpan<char> value)
    {
        var lookup = _levelIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out int level)) level = NewLevel(value.ToString());
        _levelOfRow!.Add(level);
    }

    /// <summary>Appends a missing value (null) to a categorical column.</summary>
    public void AddMissingCategory() => _levelOfRow!.Add(Missing);

    /// <summary>Adds a numeric code (e.g. "5.0" in the ACS files) as the category "5".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddCode(double code)
    {
        if (!_codeIndex.TryGetValue(code, out int level))
        {
            string text = code.ToString("R", CultureInfo.InvariantCulture);
            level = _levelIndex.TryGetValue(text, out int existing) ? existing : NewLevel(text);
            _codeIndex[code] = level;
        }
        _levelOfRow!.Add(level);
    }

    /// <summary>The column; a categorical one with more than <see cref="MaxLevels"/> levels is an error naming
    /// <paramref name="source"/>.</summary>
    public FeatureColumn Build(string source)
    {
        if (_numbers is not null) return FeatureColumn.Numeric(Name, _numbers.ToArray());
        if (_levels.Count > MaxLevels) throw DatasetLimits.TooManyLevels(source, Name, _levels.Count, MaxLevels, "");
        var values = new string?[_levelOfRow!.Count];
        for (int i = 0; i < values.Length; i++)
        {
            int level = _levelOfRow[i];
            values[i] = level == Missing ? null : _levels[level];
        }
        return FeatureColumn.Categorical(Name, values);
    }

    private int NewLevel(string text)
    {
        _levels.Add(text);
        _levelIndex[text] = _levels.Count - 1;
        return _levels.Count - 1;
    }
}
