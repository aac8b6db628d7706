namespace FairCollective.Data.Sources;

/// <summary>
/// A column computed for every row from other columns by an expression (NCalc's language: comparisons,
/// <c>and</c>/<c>or</c>/<c>not</c>, <c>in (...)</c> lists, arithmetic, <c>cond ? a : b</c> and <c>if(cond, a, b)</c>;
/// docs/dataset-spec.md lists the subset), e.g. <c>{name: young, expression: "age &lt; 25"}</c>. It can be a feature,
/// the label column or a sensitive column, and later derived columns can use it.
/// </summary>
public sealed record DerivedColumnSpec
{
    /// <summary>The new column's name; it must differ from every column of the file and every other derived column.
    /// Required.</summary>
    public string? Name { get; init; }

    /// <summary>The expression; columns are its parameters (numeric columns as numbers, others as text).
    /// Required.</summary>
    public string? Expression { get; init; }
}
