namespace FairCollective.Data.Encoding;

/// <summary>
/// The fitted encoding of one raw feature column: where its block sits in the design matrix and the training
/// statistics that define it. Immutable.
/// </summary>
public sealed class EncodedColumn
{
    internal EncodedColumn(string name, FeatureKind kind, int offset, double imputeValue, double center, double scale,
        string[] categories, bool dropFirst, double[] indicatorCenters, double[] indicatorScales)
    {
        Name = name;
        Kind = kind;
        Offset = offset;
        ImputeValue = imputeValue;
        Center = center;
        Scale = scale;
        Categories = categories;
        DropFirst = dropFirst;
        IndicatorCenters = indicatorCenters;
        IndicatorScales = indicatorScales;
        EncodedOff = new double[indicatorCenters.Length];
        EncodedOn = new double[indicatorCenters.Length];
        for (int k = 0; k < EncodedOff.Length; k++)
        {
            EncodedOff[k] = (0 - indicatorCenters[k]) / indicatorScales[k];
            EncodedOn[k] = (1 - indicatorCenters[k]) / indicatorScales[k];
        }
        CategoryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < categories.Length; k++) CategoryIndex[categories[k]] = k;
    }

    /// <summary>Name of the raw column.</summary>
    public string Name { get; }

    /// <summary>Numeric (one standardised column) or categorical (a one-hot block).</summary>
    public FeatureKind Kind { get; }

    /// <summary>Index of the first design-matrix column of this block.</summary>
    public int Offset { get; }

    /// <summary>Number of design-matrix columns: 1 for numeric, categories (minus one with DropFirst) for
    /// categorical.</summary>
    public int Width => Kind == FeatureKind.Numeric ? 1 : Categories.Count - (DropFirst ? 1 : 0);

    /// <summary>Numeric: the training mean (of observed values), used for NaN under
    /// <see cref="NumericMissingPolicy.ImputeMean"/>.</summary>
    public double ImputeValue { get; }

    /// <summary>Numeric: encoded = (raw - Center) / Scale. Center 0 and Scale 1 when scaling is off.</summary>
    public double Center { get; }

    /// <summary>Numeric: the population standard deviation on training rows, or 1 for a constant column or no
    /// scaling.</summary>
    public double Scale { get; }

    /// <summary>
    /// Numeric: the encoding of raw <paramref name="x"/>, (x - Center) / Scale, subtract then divide as
    /// scikit-learn's StandardScaler so ordinary values match it bit for bit. When x - Center overflows (values
    /// near ±1.8e308 on both sides of the centre) it is x / Scale - Center / Scale instead, which stays finite for
    /// every training value; a value far outside the training range may still give ±infinity, which the caller rejects.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double Standardise(double x)
    {
        double d = x - Center;
        return double.IsFinite(d) ? d / Scale : x / Scale - Center / Scale;
    }

    /// <summary>Categorical: the categories seen in training rows, in ordinal order (missing included when it was
    /// seen).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Categorical: whether the block omits <see cref="Categories"/>[0].</summary>
    public bool DropFirst { get; }

    /// <summary>Categorical: per block column, encoded = (indicator - center) / scale (0 and 1 unless
    /// ScaleOneHot).</summary>
    public IReadOnlyList<double> IndicatorCenters { get; }

    /// <inheritdoc cref="IndicatorCenters"/>
    public IReadOnlyList<double> IndicatorScales { get; }

    internal Dictionary<string, int> CategoryIndex { get; }

    /// <summary>Categorical: each block column's encoded value when its indicator is 0, and when it is 1.</summary>
    internal double[] EncodedOff { get; }

    /// <inheritdoc cref="EncodedOff"/>
    internal double[] EncodedOn { get; }

    /// <summary>Design-matrix column names of this block: "age", or "race=Caucasian" per kept category.</summary>
    public IEnumerable<string> ColumnNames => Kind == FeatureKind.Numeric
        ? [Name]
        : Categories.Skip(DropFirst ? 1 : 0).Select(c => $"{Name}={c}");
}
