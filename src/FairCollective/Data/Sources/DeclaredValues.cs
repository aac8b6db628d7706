using System.Globalization;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// How a value declared in a spec (a favourable label, a minority, a group) matches a cell: equal text, or both
/// finite numbers of equal value, so <c>1</c>, <c>1.0</c> and <c>"1"</c> are one value. An intersectional group
/// ("F x 1") matches part by part. Also formats the values seen in a column for messages.
/// </summary>
internal static class DeclaredValues
{
    /// <summary>Most distinct values a message lists.</summary>
    public const int MaxListed = 10;

    /// <summary>Whether <paramref name="declared"/> and <paramref name="cell"/> are the same value.</summary>
    public static bool Same(string declared, string cell)
    {
        if (string.Equals(declared, cell, StringComparison.Ordinal)) return true;
        return CsvRowReader.TryParseNumber(declared.AsSpan().Trim(), out double a) && double.IsFinite(a)
            && CsvRowReader.TryParseNumber(cell.AsSpan().Trim(), out double b) && double.IsFinite(b)
            && a == b;
    }

    /// <summary>Whether the declared group label matches the observed one; several sensitive columns compare value by
    /// value.</summary>
    public static bool SameGroup(string declared, string group, int columns)
    {
        if (Same(declared, group)) return true;
        if (columns < 2) return false;
        var d = declared.Split(SensitiveAttribute.IntersectionSeparator);
        var g = group.Split(SensitiveAttribute.IntersectionSeparator);
        if (d.Length != columns || g.Length != columns) return false;
        for (int i = 0; i < columns; i++)
            if (!Same(d[i].Trim(), g[i])) return false;
        return true;
    }

    /// <summary>Whether any of <paramref name="declared"/> is the same value as <paramref name="cell"/>.</summary>
    public static bool Contains(IEnumerable<string> declared, string cell) => declared.Any(d => Same(d, cell));

    /// <summary>"1 (712), 2 (288)": the most frequent values first (ties in ordinal order), at most
    /// <see cref="MaxListed"/>.</summary>
    public static string Seen(IReadOnlyDictionary<string, int> counts)
    {
        var listed = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxListed)
            .Select(c => $"{c.Key} ({c.Value.ToString("N0", CultureInfo.InvariantCulture)})");
        string more = counts.Count > MaxListed ? $", and {counts.Count - MaxListed:N0} more" : "";
        return counts.Count == 0 ? "none" : string.Join(", ", listed) + more;
    }
}
