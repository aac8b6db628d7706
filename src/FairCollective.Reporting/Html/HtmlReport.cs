using System.Globalization;
using System.Text;
using FairCollective.Fairness;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Tables;
using static System.Net.WebUtility;

namespace FairCollective.Reporting.Html;

/// <summary>
/// The report as one self-contained HTML file: inline CSS, figures embedded as PNG data URIs, no scripts, fonts or
/// other network resources, so it opens offline and can be mailed as a single file.
/// </summary>
public static class HtmlReport
{
    /// <summary>The report's style sheet, shared by every page FairCollective writes.</summary>
    internal const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2rem auto;
               max-width: 1120px; padding: 0 1rem; color: #111; line-height: 1.45; }
        h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.5rem; }
        h3 { margin-top: 1.5rem; }
        .meta, .note, figcaption { color: #444; } .note { font-style: italic; }
        figure { margin: 1rem 0; } figure img { display: block; max-width: 100%; height: auto; border: 1px solid #ddd; }
        figcaption { margin-top: .4rem; font-size: .95rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; white-space: nowrap; }
        th { background: #f0f0f0; } tr:nth-child(even) td { background: #fafafa; }
        .scroll { overflow-x: auto; max-height: 28rem; overflow-y: auto; }
        pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; font-size: .85rem; }
        nav ul { columns: 2; }
        @media print { .scroll { max-height: none; overflow: visible; } details { display: block; } }
        """;

    /// <summary>The HTML page of the report.</summary>
    /// <param name="input">Cells, runs and source of the report.</param>
    /// <param name="sections">Experiment sections in display order.</param>
    /// <param name="figures">Rendered figures, keyed by <see cref="Figures.Figure.Name"/>.</param>
    /// <param name="generatedUtc">Time stamp printed in the page header.</param>
    /// <param name="warnings">The run's warnings (<c>RunWarnings.OfCells</c>), listed in the page.</param>
    public static string Render(ReportInput input, IReadOnlyList<ReportSection> sections, IReadOnlyDictionary<string,
        RenderedFigure> figures, DateTime generatedUtc,
        IReadOnlyList<string> warnings)
    {
        var h = new StringBuilder();
        AppendHead(h, "FairCollective report");
        h.Append("<p class=\"meta\">Generated ").Append(HtmlEncode(generatedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'",
            CultureInfo.InvariantCulture)));
        if (input.Source.Length > 0) h.Append(" from <code>").Append(HtmlEncode(input.Source)).Append("</code>");
        h.Append(". ").Append(input.Cells.Count.ToString(CultureInfo.InvariantCulture)).Append(" cells, ")
            .Append(input.Runs.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(input.Runs.Count == 1 ?
                " run.</p>" : " runs.</p>");

        var absent = sections.Where(s => !s.Present).ToArray();
        h.AppendLine("<nav><ul>");
        foreach (var s in sections.Where(s => s.Present)) h.Append("<li><a href=\"#").Append(Anchor(s.Experiment))
            .Append("\">").Append(HtmlEncode(s.Heading)).AppendLine("</a></li>");
        h.AppendLine("<li><a href=\"#metrics\">Metrics</a></li><li><a " +
            "href=\"#configuration\">Configuration</a></li><li><a href=\"#timings\">Timings</a></li>");
        h.AppendLine("</ul></nav>");
        if (absent.Length > 0)
        {
            h.AppendLine("<p class=\"note\" id=\"absent\">Not in this report (no results): ");
            h.Append(string.Join("; ", absent.Select(s
                => HtmlEncode($"{s.Heading} ('{s.Experiment}')")))).AppendLine(".</p>");
        }

        foreach (var s in sections.Where(s => s.Present))
        {
            h.Append("<section id=\"").Append(Anchor(s.Experiment)).Append("\"><h2>").Append(HtmlEncode(s.Heading))
                .AppendLine("</h2>");
            foreach (var figure in s.Figures)
                if (figures.TryGetValue(figure.Name, out var f)) AppendFigure(h, f);
            if (s.Note.Length > 0) h.Append("<p class=\"note\">").Append(HtmlEncode(s.Note)).AppendLine("</p>");
            foreach (var t in s.Tables) AppendTable(h, t);
            h.AppendLine("</section>");
        }

        if (warnings.Count > 0)
        {
            h.AppendLine("<section id=\"warnings\"><h2>Warnings</h2><ul>");
            foreach (var w in warnings) h.Append("<li>").Append(HtmlEncode(w)).AppendLine("</li>");
            h.AppendLine("</ul></section>");
        }
        h.AppendLine("<section id=\"metrics\"><h2>Metrics</h2><ul>");
        foreach (var (key, definition) in MetricDefinitions.Of(input, sections))
            h.Append("<li><code>").Append(HtmlEncode(key)).Append("</code>: ").Append(HtmlEncode(definition))
                .AppendLine("</li>");
        h.AppendLine("</ul><ul>");
        foreach (var sentence in MetricDefinitions.Statistics)
            h.Append("<li>").Append(HtmlEncode(sentence)).AppendLine("</li>");
        h.AppendLine("</ul></section>");

        h.AppendLine("<section id=\"configuration\"><h2>Configuration</h2>");
        AppendTable(h, Provenance.Configuration(input));
        if (Provenance.Datasets(input) is { } datasets) AppendTable(h, datasets);
        AppendTable(h, Provenance.Versions());
        AppendTable(h, Provenance.Runs(input));
        foreach (var r in input.Runs)
        {
            h.Append("<details><summary>Run <code>").Append(HtmlEncode(r.RunId)).Append("</code> (")
                .Append(HtmlEncode(r.Experiment)).AppendLine("): spec and environment</summary>");
            h.Append("<h3>Spec</h3><pre>").Append(HtmlEncode(JsonText.Pretty(r.SpecJson))).AppendLine("</pre>");
            h.Append("<h3>Environment</h3><pre>").Append(HtmlEncode(JsonText.Pretty(r.EnvironmentJson)))
                .AppendLine("</pre></details>");
        }
        h.AppendLine("</section>");

        h.AppendLine("<section id=\"timings\"><h2>Timings</h2>");
        AppendTable(h, Provenance.Timings(input));
        h.AppendLine("</section></body></html>");
        return h.ToString();
    }

    /// <summary>The page's head (inline style sheet, no external resource) and its heading: every page FairCollective
    /// writes starts so.</summary>
    internal static void AppendHead(StringBuilder h, string title)
    {
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" " +
            "content=\"width=device-width, initial-scale=1\">");
        h.Append("<title>").Append(HtmlEncode(title)).AppendLine("</title>");
        h.Append("<style>").Append(Css).AppendLine("</style></head><body>");
        h.Append("<h1>").Append(HtmlEncode(title)).AppendLine("</h1>");
    }

    internal static void AppendFigure(StringBuilder h, RenderedFigure f)
    {
        h.Append("<figure class=\"figure\" data-figure=\"").Append(HtmlEncode(f.Figure.Name)).AppendLine("\">");
        h.Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(f.Png)).Append("\" width=\"")
            .Append(f.Figure.Width.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"")
                .Append(f.Figure.Height.ToString(CultureInfo.InvariantCulture))
            .Append("\" alt=\"").Append(HtmlEncode(f.Figure.Title)).AppendLine("\">");
        h.Append("<figcaption><strong>").Append(HtmlEncode(f.Figure.Title)).Append(".</strong> ")
            .Append(HtmlEncode(f.Figure.Caption))
            .Append(" Files: <a href=\"").Append(HtmlEncode(f.PngPath)).Append("\">PNG</a>, <a href=\"")
                .Append(HtmlEncode(f.SvgPath)).AppendLine("\">SVG</a>.</figcaption></figure>");
    }

    internal static void AppendTable(StringBuilder h, ReportTable t)
    {
        h.Append("<h3>").Append(HtmlEncode(t.Title)).AppendLine("</h3>");
        if (t.Note.Length > 0) h.Append("<p class=\"note\">").Append(HtmlEncode(t.Note)).AppendLine("</p>");
        if (t.Rows.Count == 0)
        {
            h.AppendLine("<p class=\"note\">(no rows)</p>");
            return;
        }
        h.AppendLine("<div class=\"scroll\"><table><thead><tr>");
        foreach (var c in t.Headers) h.Append("<th>").Append(HtmlEncode(c)).Append("</th>");
        h.AppendLine("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            h.Append("<tr>");
            foreach (var c in row) h.Append("<td>").Append(HtmlEncode(c)).Append("</td>");
            h.AppendLine("</tr>");
        }
        h.AppendLine("</tbody></table></div>");
    }

    private static string Anchor(string experiment) => "exp-" + new string(experiment.Select(ch
        => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());
}
