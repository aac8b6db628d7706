using System.Text;

namespace FairCollective.Reporting.Markdown;

/// <summary>
/// Makes text from data (dataset, group, method and experiment names, titles, notes) inert in Markdown: it renders as
/// the same characters, never as HTML, a link, emphasis, a heading, a list or an extra table cell.
/// </summary>
public static class MarkdownText
{
    /// <summary>
    /// Text for a paragraph, heading, emphasis or table cell. <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities
    /// (no raw HTML, no autolinks, and an entity in the data shows as typed); <c>\ ` * _ [ ] | ~ # $</c> get a
    /// backslash (code, emphasis, links and images, table cells, strikethrough, closing heading marks, math); line
    /// breaks and other control characters become spaces, so the text stays on its line. With
    /// <paramref name="atLineStart"/>, a leading <c>+ - =</c> or an ordered-list number (<c>1.</c>, <c>1)</c>) is
    /// escaped too, so the line cannot become a list item or a heading underline.
    /// </summary>
    public static string Escape(string text, bool atLineStart = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': b.Append("&amp;"); break;
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '#' or '$':
                    b.Append('\\').Append(c);
                    break;
                default: b.Append(char.IsControl(c) ? ' ' : c); break;
            }
        }
        if (atLineStart && b.Length > 0)
        {
            if (b[0] is '+' or '-' or '=') b.Insert(0, '\\');
            else
            {
                int digits = 0;
                while (digits < b.Length && char.IsAsciiDigit(b[digits])) digits++;
                if (digits > 0 && digits < b.Length && b[digits] is '.' or ')') b.Insert(digits, '\\');
            }
        }
        return b.ToString();
    }

    /// <summary>
    /// A code span that the text cannot end early: its fence is one backtick longer than the longest run of backticks
    /// in the text, padded with spaces when the text starts or ends with a backtick. Line breaks become spaces. Inside
    /// a code span nothing is interpreted (HTML shows as text), but a table cell would still split at <c>|</c>: use it
    /// outside tables.
    /// </summary>
    public static string Code(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        if (flat.Length == 0) return "` `";
        int longest = 0, run = 0;
        foreach (char c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        // CommonMark strips one space from each end when both are spaces, so the padding never shows.
        var pad = flat.StartsWith('`') || flat.EndsWith('`') || (flat.Length > 1 && flat[0] == ' '
            && flat[^1] == ' ') ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
