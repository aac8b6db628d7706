using System.Globalization;
using MathNet.Numerics.Statistics;
using NCalc;
using NCalc.Handlers;

namespace FairCollective.Data.Sources;

/// <summary>
/// The column-wide functions of derived columns, which NCalc lacks: <c>median(column)</c> and
/// <c>quantile(column, q)</c>, so "above the median" is <c>income &gt; median(income)</c>. Each is computed once per
/// column over the non-missing, finite values of every row read from the file, before the missing policy drops any
/// row: the statistic does not depend on other columns' gaps, on the order of <c>derived</c> or on the split.
/// Quantiles are MathNet's R7 definition (linear interpolation between order statistics), which is numpy's and R's
/// default.
/// </summary>
internal static class ColumnStatistics
{
    /// <summary>The median function's name.</summary>
    public const string Median = "median";

    /// <summary>The quantile function's name.</summary>
    public const string Quantile = "quantile";

    /// <summary>The q-quantile (R7) of ascending <paramref name="sorted"/> values; NaN when there are none.</summary>
    public static double Of(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, q, QuantileDefinition.R7);

    /// <summary>
    /// Adds both functions to <paramref name="expression"/> (of derived column <paramref name="derived"/>), reading a
    /// column's numbers from <paramref name="numbersOf"/> (NaN where missing; null for a column that is not numeric).
    /// A misuse (no column name, q outside [0, 1], a text column) throws <see cref="ArgumentException"/>, which the
    /// loader reports as an evaluation error naming the spec, the derived column and the line.
    /// </summary>
    public static void Register(Expression expression, string derived, Func<string, double[]?> numbersOf)
    {
        var sorted = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[] Values(FunctionData data, string function, int arguments)
        {
            if (data.Count != arguments || data[0] is not Identifier column)
                throw new ArgumentException($"{function} takes " +
                    $"{(arguments == 1 ? "a column name" : "a column name and a number q from 0 to 1")}, e.g. " +
                    $"{Example(function)}");
            if (!sorted.TryGetValue(column.Name, out var values))
            {
                var numbers = numbersOf(column.Name)
                              ?? throw new ArgumentException($"{function}({column.Name}): column '{column.Name}' is " +
                                  $"not numeric (derived column '{derived}')");
                values = numbers.Where(double.IsFinite).ToArray();
                Array.Sort(values);
                sorted[column.Name] = values;
            }
            return values;
        }
        expression.Functions[Median] = data => Of(Values(data, Median, 1), 0.5);
        expression.Functions[Quantile] = data =>
        {
            var values = Values(data, Quantile, 2);
            double q = data.Evaluate(1) switch
            {
                int i => i,
                long l => l,
                double d => d,
                float f => f,
                decimal m => (double)m,
                var other
                    => throw new ArgumentException($"quantile's q must be a number from 0 to 1; got {Shown(other)}"),
            };
            if (!(q >= 0 && q <= 1))
                throw new ArgumentException($"quantile's q must be a number from 0 to 1; got {Shown(q)}");
            return Of(values, q);
        };
    }

    private static string Example(string function) => function == Median ? "median(income)" : "quantile(income, 0.9)";

    private static string Shown(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
