using System.Globalization;
using FairCollective.Common;
using NCalc;
using NCalc.Exceptions;

namespace FairCollective.Data.Sources;

/// <summary>
/// A <see cref="DerivedColumnSpec"/> parsed by NCalc (an interpreter: nothing is compiled, and only NCalc's built-in
/// functions exist, with <see cref="ColumnStatistics"/>' median and quantile). The expression's parameters are column
/// names; a row where any of them is missing gets a missing value. Results become text the way a file would hold
/// them: true/false, invariant-culture numbers, strings; a NaN or infinite number is never a value, so it is missing.
/// </summary>
internal sealed class DerivedColumn
{
    private readonly Expression _expression;

    private DerivedColumn(string name, string text, Expression expression, IReadOnlyList<string> inputs)
    {
        Name = name;
        Text = text;
        _expression = expression;
        Inputs = inputs;
    }

    /// <summary>
    /// Makes <c>median(column)</c> and <c>quantile(column, q)</c> read the columns of the table being derived:
    /// <paramref name="numbersOf"/> gives a column's numbers over every row read (NaN where missing), or null for a
    /// column that is not numeric.
    /// </summary>
    public void UseColumns(Func<string, double[]?> numbersOf) => ColumnStatistics.Register(_expression, Name,
        numbersOf);

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The columns the expression names, each once, in order of first use.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Parses <paramref name="spec"/>; a syntax error names <paramref name="specSource"/> and the
    /// column.</summary>
    public static DerivedColumn Parse(DerivedColumnSpec spec, string specSource)
    {
        if (string.IsNullOrWhiteSpace(spec.Name)) throw new
            UserInputException($"{specSource}: a derived column has no name");
        if (string.IsNullOrWhiteSpace(spec.Expression)) throw new
            UserInputException($"{specSource}: derived column '{spec.Name}' has no expression");
        // Before NCalc sees it: its parser and evaluator recurse per level, and a stack overflow cannot be caught.
        ExpressionLimits.Check(spec.Expression, $"{specSource}: derived column '{spec.Name}'");
        var expression = new Expression(spec.Expression, CultureInfo.InvariantCulture);
        if (expression.HasErrors())
            throw new UserInputException($"{specSource}: derived column '{spec.Name}': cannot parse " +
                $"\"{spec.Expression}\" ({Innermost(expression.Error!)})");
        var inputs = expression.GetParameterNames().Distinct(StringComparer.Ordinal).ToArray();
        return new DerivedColumn(spec.Name, spec.Expression, expression, inputs);
    }

    /// <summary>
    /// The value for one row, given the inputs' values (a <see cref="double"/> for a numeric column, else a
    /// string); null (missing) when any input is null. Evaluation errors throw with NCalc's message.
    /// </summary>
    public string? Evaluate(IReadOnlyList<object?> values)
    {
        for (int k = 0; k < Inputs.Count; k++)
        {
            if (values[k] is null) return null;
            _expression.Parameters[Inputs[k]] = values[k];
        }
        return Format(_expression.Evaluate());
    }

    /// <summary>Whether <paramref name="e"/> is an error of evaluating an expression on a row's values (a type
    /// mismatch, an unknown function).</summary>
    public static bool IsEvaluationError(Exception e) =>
        e is NCalcException or FormatException or InvalidCastException or InvalidOperationException or ArgumentException
            or OverflowException or ArithmeticException;

    /// <summary>The innermost message of <paramref name="e"/>, for a one-line user error.</summary>
    public static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message.ReplaceLineEndings(" ");
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        // NaN and the infinities are never values (docs/dataset-spec.md): the row's value is missing.
        double d when !double.IsFinite(d) => null,
        float f when !float.IsFinite(f) => null,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
