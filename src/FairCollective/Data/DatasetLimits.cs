using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Data;

/// <summary>Bounds on what a loaded dataset may hold, checked while its columns are built (before any
/// encoding).</summary>
public static class DatasetLimits
{
    /// <summary>
    /// Most distinct levels a categorical feature may have (a dataset spec can raise it with <c>max_levels</c>).
    /// One-hot encoding makes one dense design-matrix column per level, so an id-like column with 30,000 values
    /// took 12.7 GB and 208 s. 1,000 is over 20 times the widest categorical of the bundled data (Adult's
    /// native-country, 41 levels) and keeps one such column below 8 KB per design-matrix row.
    /// </summary>
    public const int MaxCategoricalLevels = 1_000;

    /// <summary>
    /// The user error for a categorical column with <paramref name="levels"/> distinct values, over
    /// <paramref name="limit"/>; <paramref name="advice"/> (may be empty) says how to fix it.
    /// </summary>
    public static UserInputException TooManyLevels(string source, string column, int levels, int limit,
        string advice) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{source}, column '{column}': {levels:N0} distinct values exceed the limit of {limit:N0} levels for a " +
                $"categorical feature{advice}"));
}
