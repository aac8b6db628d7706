using System.Text.Json.Serialization;

namespace FairCollective.Data.Sources;

/// <summary>
/// Describes a user's CSV (or gzip CSV) so <see cref="CsvDatasetLoader"/> can turn it into a <see cref="Dataset"/>.
/// Build it in code, or read it from YAML or JSON with FairCollective.Experiments' DatasetSpecFile (keys in
/// snake_case), e.g.
/// <code>
/// path: loans.csv.gz
/// label: { column: repaid, favourable: [yes], unfavourable: [no] }
/// sensitive: { columns: [sex, race], minority: ["Female x Black"] }
/// features: [ { name: age, kind: numeric }, { name: job } ]
/// missing: { values: ["", "?", "NA"], policy: drop-row }
/// </code>
/// Without a header row the columns are named by <see cref="Columns"/>, else by 1-based position: "1", "2", ...
/// Declared values (label, minority, groups) match a cell when the texts are equal or both are numbers of equal
/// value ("1" matches "1.0").
/// </summary>
public sealed record DatasetSpec
{
    /// <summary>The default field separator, a comma.</summary>
    public const string DefaultSeparator = ",";

    /// <summary>The <see cref="Separator"/> that splits fields at runs of spaces and tabs, ignoring blanks at either
    /// end of a line.</summary>
    public const string WhitespaceSeparator = "whitespace";

    /// <summary>Dataset name; default: the data file's name without extensions.</summary>
    public string? Name { get; init; }

    /// <summary>The data file, relative to the spec file's directory unless absolute. Can be overridden when
    /// loading.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// Field separator: one character ("\t" or "tab" for tab), or <see cref="WhitespaceSeparator"/> for runs of
    /// spaces and tabs; default <see cref="DefaultSeparator"/>.
    /// </summary>
    public string Separator { get; init; } = DefaultSeparator;

    /// <summary>Whether the first row names the columns; default true.</summary>
    public bool Header { get; init; } = true;

    /// <summary>
    /// Names of the file's columns, in order: without a header they name the columns, with one they replace its
    /// names. Their number must equal the file's fields per row. Default: the header's names, else "1", "2", ...
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Columns { get; init; }

    /// <summary>Columns computed from others by an expression, in order (each may use the ones before it); default
    /// none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<DerivedColumnSpec>? Derived { get; init; }

    /// <summary>Remove spaces around fields; default true.</summary>
    public bool Trim { get; init; } = true;

    /// <summary>Column holding a row id; default none (ids are 0-based data row numbers, the common convention of data
    /// frames and of other implementations).</summary>
    public string? Id { get; init; }

    /// <summary>The label column and its favourable values (at least one). Required.</summary>
    public LabelSpec? Label { get; init; }
    /// <summary>The sensitive column(s) and the minority group(s) (at least one each). Required.</summary>
    public SensitiveSpec? Sensitive { get; init; }

    /// <summary>
    /// Feature columns; default every column (derived ones included) except the label and id, the sensitive columns
    /// by <see cref="SensitiveSpec.AsFeature"/>, and the columns a derived label (or, without AsFeature, a derived
    /// sensitive column) is computed from; kinds inferred.
    /// </summary>
    public List<FeatureSpec>? Features { get; init; }

    /// <summary>Missing-value tokens and policy; default "", "?" and "NA", rows dropped.</summary>
    public MissingSpec Missing { get; init; } = new();

    /// <summary>Most distinct levels of any categorical feature; default
    /// <see cref="DatasetLimits.MaxCategoricalLevels"/>.</summary>
    public int? MaxLevels { get; init; }
}
