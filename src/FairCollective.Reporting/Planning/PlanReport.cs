using FairCollective.Data.Csv;
using System.Globalization;
using System.Text;
using FairCollective.Common;
using FairCollective.Planning;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Html;
using FairCollective.Reporting.Tables;
using static System.Net.WebUtility;

namespace FairCollective.Reporting.Planning;

/// <summary>
/// Writes a plan's files: a self-contained HTML page in the report's style (plan.html), the JSON for machines
/// (plan.json), the recommended strategy's full ranking (ranking.csv) and the figure (figures/). Each file is written
/// atomically; the plan is computed before any is written, so a failed plan leaves nothing behind.
/// </summary>
public static class PlanReport
{
    /// <summary>The page's file name.</summary>
    public const string HtmlFileName = "plan.html";
    /// <summary>The machine-readable plan's file name.</summary>
    public const string JsonFileName = "plan.json";
    /// <summary>The ranking's file name.</summary>
    public const string RankingFileName = "ranking.csv";
    /// <summary>The figures' folder.</summary>
    public const string FiguresFolder = "figures";

    /// <summary>Writes every file of <paramref name="plan"/> into <paramref name="outDir"/>; returns their
    /// paths.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="outDir">Folder to write into (created when missing).</param>
    /// <param name="settings">The inputs and options the plan was made from, shown on the page and stored in the
    /// JSON.</param>
    public static IReadOnlyList<string> Write(Plan plan, string outDir, IReadOnlyList<(string Key,
        string Value)> settings)
    {
        if (File.Exists(outDir)) throw new UserInputException($"plan output '{outDir}' (-o) is a file, not a folder");
        // A plan that fails part-way takes back the files and folders it added.
        return OutputFolders.Write([outDir, Path.Combine(outDir, FiguresFolder)], () => WriteFiles(plan, outDir,
            settings));
    }

    private static string[] WriteFiles(Plan plan, string outDir, IReadOnlyList<(string Key, string Value)> settings)
    {
        AtomicFile.EnsureDirectory(outDir);
        var figure = PlanFigure.Build(plan);
        var (png, svg, bytes) = FigureWriter.Save(figure, Path.Combine(outDir, FiguresFolder));
        var rendered = new RenderedFigure(figure, bytes, Relative(outDir, png), Relative(outDir, svg));
        var json = Path.Combine(outDir, JsonFileName);
        AtomicFile.WriteAllText(json, PlanJson.Write(plan, settings));
        var csv = Path.Combine(outDir, RankingFileName);
        AtomicFile.WriteAllText(csv, RankingCsv(plan));
        var html = Path.Combine(outDir, HtmlFileName);
        AtomicFile.WriteAllText(html, Html(plan, rendered, settings, DateTime.UtcNow));
        return [html, json, csv, png, svg];
    }

    /// <summary>
    /// The recommended strategy's whole ranking: rank, member id, score, whether the member flips at the recommended
    /// budget; then every member the missing policy dropped (no rank or score, never flips), with the line and the
    /// columns that were missing, so no member of the file vanishes from the list.
    /// </summary>
    public static string RankingCsv(Plan plan)
    {
        var r = plan.Recommended;
        var b = new StringBuilder("rank,member_id,strategy,score,flips,dropped\n");
        for (int i = 0; i < r.Ranking.Count; i++)
            b.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Csv(plan.MemberIds[r.Ranking[i]])).Append(',').Append(Csv(r.Strategy)).Append(',')
                .Append(r.Scores[i].ToString("R",
                    CultureInfo.InvariantCulture)).Append(',').Append(i < r.BestBudget.Flips ? "1" : "0").Append(",\n");
        foreach (var d in plan.DroppedMembers)
            b.Append(",").Append(Csv(d.Id)).Append(",,,0,").Append(Csv(Dropped(d))).Append('\n');
        return b.ToString();
    }

    /// <summary>Why a member was dropped: "line 12: missing hours, wage".</summary>
    public static string Dropped(Data.DroppedRow d)
        => $"line {d.Line.ToString(CultureInfo.InvariantCulture)}: missing {string.Join(", ", d.Columns)}";

    /// <summary>The HTML page.</summary>
    public static string Html(Plan plan, RenderedFigure figure, IReadOnlyList<(string Key, string Value)> settings,
        DateTime generatedUtc)
    {
        var h = new StringBuilder();
        HtmlReport.AppendHead(h, "FairCollective plan");
        h.Append("<p class=\"meta\">Generated ").Append(HtmlEncode(generatedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'",
            CultureInfo.InvariantCulture)))
            .Append(" in ").Append(plan.Seconds.ToString("0.0",
                CultureInfo.InvariantCulture)).Append(" s from only what the collective knows: ")
            .Append(Count(plan.Members)).Append(" members (").Append(Count(plan.PoolSize)).Append(" with the " +
                "unfavourable label), ")
            .Append(plan.MajoritySampleRows == 0 ? "no majority sample" : Count(plan.MajoritySampleRows) +
                " majority rows")
            .AppendLine(", and public numbers.</p>");
        var r = plan.Recommended;
        h.Append("<p id=\"answer\"><strong>").Append(HtmlEncode($"Flip {r.BestBudget.Flips} of {plan.PoolSize} " +
            $"members by {r.Strategy}"))
            .Append("</strong>: the firm's ").Append(HtmlEncode(plan.MetricName)).Append(" is predicted to go from ")
            .Append(HtmlEncode(PlanTables.Interval(r.Budgets[0].Metric))).Append(" to ")
                .Append(HtmlEncode(PlanTables.Interval(r.BestBudget.Metric)))
            .Append(", its error from ").Append(HtmlEncode(PlanTables.Interval(r.Budgets[0].Error))).Append(" to ")
                .Append(HtmlEncode(PlanTables.Interval(r.BestBudget.Error)))
            .AppendLine(".</p>");
        // What to know before trusting the forecast, above it (the console prints the same lines).
        if (plan.Warnings.Count > 0)
        {
            h.AppendLine("<section id=\"warnings\"><h2>Warnings</h2><ul>");
            foreach (var w in plan.Warnings) h.Append("<li>").Append(HtmlEncode(w)).AppendLine("</li>");
            h.AppendLine("</ul></section>");
        }
        h.AppendLine("<section id=\"forecast\"><h2>Forecast</h2>");
        HtmlReport.AppendFigure(h, figure);
        HtmlReport.AppendTable(h, PlanTables.Recommendation(plan));
        if (PlanTables.Target(plan) is { } target) HtmlReport.AppendTable(h, target);
        HtmlReport.AppendTable(h, PlanTables.Forecasts(plan));
        h.AppendLine("</section>");
        h.AppendLine("<section id=\"ranking\"><h2>Who flips</h2>");
        HtmlReport.AppendTable(h, PlanTables.Ranking(plan));
        h.Append("<p>Full ranking: <a href=\"").Append(RankingFileName).Append("\">").Append(RankingFileName)
            .Append("</a>; every forecast: <a href=\"")
            .Append(JsonFileName).Append("\">").Append(JsonFileName).AppendLine("</a>.</p>");
        if (plan.DroppedMembers.Count > 0)
            HtmlReport.AppendTable(h, new ReportTable("Members dropped for a missing value",
                "Not ranked and never flipped in this plan; ranking.csv lists them after the ranked members.",
                ["member id", "why"], plan.DroppedMembers.Select(d => (IReadOnlyList<string>)[d.Id,
                    Dropped(d)]).ToArray()));
        h.AppendLine("</section>");
        h.AppendLine("<section id=\"assumptions\"><h2>Assumptions</h2><ul>");
        foreach (var a in plan.Assumptions) h.Append("<li>").Append(HtmlEncode(a)).AppendLine("</li>");
        h.AppendLine("</ul></section>");
        h.AppendLine("<section id=\"settings\"><h2>Inputs and settings</h2>");
        HtmlReport.AppendTable(h, new ReportTable("What the plan was made from", "", ["setting", "value"],
            settings.Select(s => (IReadOnlyList<string>)[s.Key, s.Value]).ToArray()));
        h.AppendLine("</section></body></html>");
        return h.ToString();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Csv(string field) => CsvField.Quote(field);
}
