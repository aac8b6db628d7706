namespace FairCollective.Data.Sources;

/// <summary>
/// The HSLS:09 preset by path: the complete-case, discretised table of Wang, He, Gao and Calmon (NeurIPS 2023),
/// <c>hsls_discretized_multis.csv(.gz)</c> (../shared/datasets/hsls/SOURCE.md), recognised by its columns and read
/// through a built-in <see cref="DatasetSpec"/>. The label is y = 1 for a math score of at least 40 of 72
/// (<c>grade</c> 2-4; 61% of students); the acting minority is the under-represented group: Black, Hispanic and
/// other students (<c>racebin</c> 2 or 3), as a feature of the firm like every preset's group. The joint index
/// <c>SY</c> (it encodes the label) and <c>orig_row</c> are left out of the features.
/// </summary>
public static class HslsPreset
{
    /// <summary>Columns that identify the file.</summary>
    public static readonly IReadOnlyList<string> SignatureColumns = ["X1MTHID", "X1SCHOOLBEL", "racebin", "grade",
        "SY"];

    /// <summary>The derived group column: under-represented minority or not.</summary>
    public const string GroupColumn = "group";

    /// <summary>The minority's label in <see cref="GroupColumn"/>.</summary>
    public const string Minority = "Black, Hispanic or other";

    /// <summary>The other group's label.</summary>
    public const string Majority = "White or Asian";

    /// <summary>The derived label column: 1 for a math score of at least 40.</summary>
    public const string LabelColumn = "math40";

    /// <summary>The built-in spec of the preset (the file's path is given when loading).</summary>
    public static DatasetSpec Spec { get; } = new()
    {
        Name = "hsls",
        Id = "orig_row",
        Derived =
        [
            new DerivedColumnSpec { Name = GroupColumn,
                Expression = $"racebin in (2, 3) ? '{Minority}' : '{Majority}'" },
            new DerivedColumnSpec { Name = LabelColumn, Expression = "grade >= 2 ? 1 : 0" },
        ],
        Label = new LabelSpec { Column = LabelColumn, Favourable = ["1"], Unfavourable = ["0"] },
        Sensitive = new SensitiveSpec { Columns = [GroupColumn], Minority = [Minority], Groups = [Majority, Minority] },
        Features =
        [
            .. new[] { "X1MTHID", "X1MTHUTI", "X1MTHEFF", "X1SCHOOLBEL", "X1PAR1EDU", "X1PAR2EDU", "X1FAMINCOME",
                "X1PAR1EMP", "X1PAR2EMP", "sexbin" }
                .Select(c => new FeatureSpec { Name = c, Kind = "numeric" }),
            new FeatureSpec { Name = GroupColumn, Kind = "categorical" },
        ],
    };
}
