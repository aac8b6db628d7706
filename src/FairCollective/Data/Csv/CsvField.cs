namespace FairCollective.Data.Csv;

/// <summary>Writing one field of a comma-separated file (RFC 4180), the counterpart of
/// <see cref="CsvRowReader"/>.</summary>
public static class CsvField
{
    /// <summary><paramref name="field"/> as written: quoted when it holds a comma, a quote or a line break, with its
    /// quotes doubled.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"",
            StringComparison.Ordinal) + "\"";
}
