namespace FairCollective.Data.Csv;

/// <summary>How <see cref="CsvRowReader"/> splits a delimited text file into fields.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The default field separator, a comma.</summary>
    public const char DefaultSeparator = ',';

    /// <summary>Field separator; default <see cref="DefaultSeparator"/>. Ignored when <see cref="Whitespace"/> is
    /// set.</summary>
    public char Separator { get; init; } = DefaultSeparator;

    /// <summary>
    /// Split fields at runs of spaces and tabs, ignoring blanks at the start and end of a line (UCI's german.data);
    /// quotes are not special and a field cannot contain a blank. Default false.
    /// </summary>
    public bool Whitespace { get; init; }

    /// <summary>Whether the first (non-skipped) row names the columns; default true.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Column names for a file without header (used in messages and by
    /// <see cref="CsvRowReader.Column"/>).</summary>
    public IReadOnlyList<string>? ColumnNames { get; init; }

    /// <summary>Remove spaces around each field (Adult's ", " separator); default false.</summary>
    public bool Trim { get; init; }

    /// <summary>Rows whose first field starts with this are comments and skipped (Adult's "|1x3 Cross validator");
    /// default none.</summary>
    public string? CommentPrefix { get; init; }
}
