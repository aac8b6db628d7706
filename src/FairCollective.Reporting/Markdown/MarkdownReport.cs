using System.Globalization;
using System.Text;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Markdown.MarkdownText;

namespace FairCollective.Reporting.Markdown;

/// <summary>
/// The report's tables and figure links as Markdown, for pasting into papers and issues. Every string that can come
/// from data passes through <see cref="MarkdownText"/>, so a label such as <c>&lt;img src=x onerror=...&gt;</c> or
/// <c>a|b</c> shows as typed and cannot inject HTML or break a table.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The summary document: header, each present section's figure link and tables, configuration and
    /// timings.</summary>
    public static string Render(ReportInput input, IReadOnlyList<ReportSection> sections, IReadOnlyDictionary<string,
        RenderedFigure> figures, DateTime generatedUtc,
        IReadOnlyList<string> warnings)
    {
        var m = new StringBuilder();
        m.AppendLine("# FairCollective results summary").AppendLine();
        m.Append("Generated ").Append(generatedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        if (input.Source.Length > 0) m.Append(" from ").Append(Code(input.Source));
        m.Append(". ").Append(input.Cells.Count.ToString(CultureInfo.InvariantCulture)).Append(" cells, ")
            .Append(input.Runs.Count.ToString(CultureInfo.InvariantCulture)).Append(input.Runs.Count == 1 ? " run" :
                " runs").AppendLine(". Values are mean ± sample standard deviation over seeds.").AppendLine();
        var absent = sections.Where(s => !s.Present).ToArray();
        if (absent.Length > 0)
            m.Append("Not in this summary (no results): ").Append(string.Join("; ", absent.Select(s
                => Escape($"{s.Heading} ('{s.Experiment}')")))).AppendLine(".").AppendLine();

        foreach (var s in sections.Where(s => s.Present))
        {
            m.Append("## ").AppendLine(Escape(s.Heading)).AppendLine();
            foreach (var figure in s.Figures)
                if (figures.TryGetValue(figure.Name, out var f))
                    m.Append("![").Append(Escape(f.Figure.Title)).Append("](").Append(Link(f.PngPath)).Append(") " +
                        "(vector: [SVG](").Append(Link(f.SvgPath)).AppendLine("))").AppendLine()
                        .Append('*').Append(Escape(f.Figure.Caption)).AppendLine("*").AppendLine();
            if (s.Note.Length > 0) m.Append('_').Append(Escape(s.Note)).AppendLine("_").AppendLine();
            foreach (var t in s.Tables) AppendTable(m, t);
        }

        if (warnings.Count > 0)
        {
            m.AppendLine("## Warnings").AppendLine();
            foreach (var w in warnings) m.Append("- ").AppendLine(Escape(w));
            m.AppendLine();
        }
        m.AppendLine("## Metrics").AppendLine();
        foreach (var (key, definition) in MetricDefinitions.Of(input,
            sections)) m.Append("- ").Append(Code(key)).Append(": ").AppendLine(Escape(definition));
        foreach (var sentence in MetricDefinitions.Statistics) m.Append("- ").AppendLine(Escape(sentence));
        m.AppendLine();
        m.AppendLine("## Configuration").AppendLine();
        AppendTable(m, Provenance.Configuration(input));
        if (Provenance.Datasets(input) is { } datasets) AppendTable(m, datasets);
        AppendTable(m, Provenance.Versions());
        AppendTable(m, Provenance.Runs(input));
        m.AppendLine("## Timings").AppendLine();
        AppendTable(m, Provenance.Timings(input));
        return m.ToString();
    }

    private static void AppendTable(StringBuilder m, ReportTable t)
    {
        m.Append("### ").AppendLine(Escape(t.Title)).AppendLine();
        if (t.Note.Length > 0) m.AppendLine(Escape(t.Note, atLineStart: true)).AppendLine();
        if (t.Rows.Count == 0)
        {
            m.AppendLine("(no rows)").AppendLine();
            return;
        }
        m.Append("| ").Append(string.Join(" | ", t.Headers.Select(h => Escape(h)))).AppendLine(" |");
        m.Append('|').Append(string.Concat(t.Headers.Select(_ => " --- |"))).AppendLine();
        // Escape keeps a cell to one cell: '|' is escaped and line breaks become spaces.
        foreach (var row in t.Rows) m.Append("| ").Append(string.Join(" | ", row.Select(c
            => Escape(c)))).AppendLine(" |");
        m.AppendLine();
    }

    /// <summary>
    /// A figure file's relative path as a link destination: as it is when plain (figure names are ours), else in angle
    /// brackets, which allow spaces and parentheses.
    /// </summary>
    private static string Link(string relativePath) =>
        relativePath.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-' or '_') ? relativePath
            : "<" + relativePath.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("<", "\\<",
                StringComparison.Ordinal).Replace(">", "\\>", StringComparison.Ordinal) + ">";
}
