using System.Net;
using System.Text.RegularExpressions;
using FairCollective.Reporting;

namespace FairCollective.Tests.Cli;

/// <summary>
/// One number, one computation: every table the console prints (<c>reproduce</c>, <c>results show</c>) is the report's
/// table of the same title, header for header and cell for cell, in summary.md and index.html alike; every table of the
/// report's experiment sections reaches the console (printed, or named with its row count where <c>reproduce</c> keeps
/// its console short); and the warnings are the same lines. Read back from the three outputs as a user sees them.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class TableAgreementTests
{
    /// <summary>A table as read from one output: its headers and rows of cell text.</summary>
    public sealed record ReadTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
    {
        public bool SameAs(ReadTable other) =>
            Headers.SequenceEqual(other.Headers) && Rows.Count == other.Rows.Count && Rows.Zip(other.Rows).All(p
                => p.First.SequenceEqual(p.Second));
    }

    [Theory]
    // The README's job itself: best EqOd by α, flips to halve (the defect this test was written for), against Random,
    // by group.
    [InlineData("collective-size", false)]
    [InlineData("flip-efficiency", true)]
    [InlineData("limited-info", true)]
    [InlineData("toy", true)]
    public void ConsoleSummaryAndReportShowTheSameTables(string experiment, bool quick)
    {
        using var box = new CliSandbox();
        var dir = box.PathOf("out");
        var (exit, console, err) = CliSandbox.Run(["reproduce", experiment, .. quick ? new[] { "--quick" } : [], "-o",
            dir, "--threads", "2", "--width", "100000"]);
        Assert.True(exit == 0, err);
        var markdown = Markdown(File.ReadAllText(Path.Combine(dir, ReportWriter.SummaryFileName)));
        var html = Html(File.ReadAllText(Path.Combine(dir, ReportWriter.IndexFileName)));
        Assert.Equal(markdown.Keys.Order(StringComparer.Ordinal), html.Keys.Order(StringComparer.Ordinal));
        foreach (var (title, table) in markdown) Assert.True(table.SameAs(html[title]),
            $"'{title}' differs between summary.md and index.html");

        var printed = ConsoleTables(console, experiment);
        Assert.NotEmpty(printed);
        foreach (var (title, table) in printed)
        {
            Assert.True(markdown.ContainsKey(title), $"the console's '{title}' is not in the report");
            Assert.True(table.SameAs(markdown[title]), $"'{title}' differs between the console and the report");
        }
        foreach (var (title, table) in markdown.Where(t => !printed.ContainsKey(t.Key)))
            Assert.Contains($"{experiment}: {title}: {table.Rows.Count} rows, in the report", console);
        Assert.Equal(MarkdownWarnings(File.ReadAllText(Path.Combine(dir, ReportWriter.SummaryFileName))),
            console.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).Select(l
                => l["warning: ".Length..]).ToArray());

        // results show prints every table of the report, long ones included.
        var (showExit, show, showErr) = CliSandbox.Run("results", "show", Path.Combine(dir, "results.sqlite"),
            "--width", "100000");
        Assert.True(showExit == 0, showErr);
        var shown = ConsoleTables(show, experiment);
        Assert.Equal(markdown.Keys.Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
        foreach (var (title, table) in shown) Assert.True(table.SameAs(markdown[title]),
            $"'{title}' differs between results show and the report");
    }

    [Fact]
    public void AUsersDataWithDroppedRowsGetsTheSameTablesAndWarningsEverywhere()
    {
        // A user's CSV where a fifth of the rows miss a value: the run's console and its report both warn, with one
        // text.
        using var box = new CliSandbox();
        var csv = new System.Text.StringBuilder("x,g,y\n");
        for (int i = 0; i < 300; i++) csv.Append(i % 5 == 0 ? "NA" : (i %
            17).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(i % 3 == 0 ? ",b," :
            ",a,").Append((i * 7 + i / 5) % 2).Append('\n');
        box.Write("gaps.csv", csv.ToString());
        var data = box.Write("gaps.yaml",
            "path: gaps.csv\nlabel: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\nsensitive: { columns: " +
                "[g], minority: [b] }\n");
        var spec = box.Write("study.yaml",
            $"name: study\ndatasets: [{{path: gaps.csv, spec: {data}}}]\nstrategies: [RB-prob, Random]\nalphas: " +
                $"[0.25, 0.5]\nbudgets: {{fractions: [0.5, 1]}}\nseeds: [0, 1]\n");
        var (exit, console, err) = CliSandbox.Run("run", spec, "--threads", "2", "--width", "100000");
        Assert.True(exit == 0, err);
        var dir = box.PathOf("study-report");
        var summary = File.ReadAllText(Path.Combine(dir, ReportWriter.SummaryFileName));
        var warnings = MarkdownWarnings(summary);
        Assert.Contains(warnings, w => w.Contains("dropped", StringComparison.Ordinal));
        Assert.Equal(warnings, console.Split('\n').Where(l => l.StartsWith("warning: ",
            StringComparison.Ordinal)).Select(l => l["warning: ".Length..]).ToArray());
        var markdown = Markdown(summary);
        foreach (var (title, table) in ConsoleTables(console, "study")) Assert.True(table.SameAs(markdown[title]),
            $"'{title}' differs between the console and the report");
    }

    [Fact]
    public void FlipsToHalveAreCountedFromEachSeedsBaseCell()
    {
        // The report's table had been given the collective's cells only, so no seed ever "reached" half of a base it
        // could not see: "0 of 5 seeds, n/a" everywhere while the console said 5 of 5.
        using var box = new CliSandbox();
        var dir = box.PathOf("out");
        Assert.Equal(0, CliSandbox.Run("reproduce", "collective-size", "--quick", "-o", dir, "--threads", "2").Exit);
        var halving = Markdown(File.ReadAllText(Path.Combine(dir,
            ReportWriter.SummaryFileName)))["Flips to halve the base EqOd"];
        int reached = halving.Headers.ToList().IndexOf("seeds reaching");
        Assert.Contains(halving.Rows, r => !r[reached].StartsWith("0 of", StringComparison.Ordinal));
    }

    [Fact]
    public void WideTablesArePrintedInColumnPartsThatFitTheWidth()
    {
        using var box = new CliSandbox();
        var dir = box.PathOf("out");
        var (exit, console, err) = CliSandbox.Run("reproduce", "collective-size", "--quick", "-o", dir, "--threads",
            "2", "--no-report", "--width", "100");
        Assert.True(exit == 0, err);
        Assert.All(console.Split('\n'), line => Assert.True(line.Length <= 100 || !line.StartsWith('|')
            && !line.StartsWith('+'), $"a table line of {line.Length} characters: {line}"));
        Assert.Contains("(columns, part 2 of 2)", console);
        // Each part repeats the columns that name a row.
        Assert.True(Regex.Matches(console, @"^\| dataset +\| learner +\| m +\| strategy +\| α",
            RegexOptions.Multiline).Count >= 2);
    }

    [Fact]
    public void AWidthOutsideItsRangeIsAOneLineError()
    {
        var (exit, _, err) = CliSandbox.Run("datasets", "list", "--width", "7");
        Assert.Equal(2, exit);
        Assert.Equal("error: --width must be a whole number from 40 to 100000; got '7' (see --help)", err.TrimEnd());
    }

    /// <summary>Console tables after each "experiment: title" line (title and note lines, then the bordered table),
    /// keyed by title.</summary>
    private static Dictionary<string, ReadTable> ConsoleTables(string text, string experiment)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var tables = new Dictionary<string, ReadTable>(StringComparer.Ordinal);
        string? title = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(experiment + ": ",
                StringComparison.Ordinal)) title = lines[i][(experiment.Length + 2)..];
            if (!lines[i].StartsWith("| ", StringComparison.Ordinal) || title is null) continue;
            var block = lines.Skip(i).TakeWhile(l => l.StartsWith('|') || l.StartsWith('+')).Where(l
                => l.StartsWith("| ", StringComparison.Ordinal)).ToArray();
            i += lines.Skip(i).TakeWhile(l => l.StartsWith('|') || l.StartsWith('+')).Count() - 1;
            static string[] Cells(string row) => row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.False(tables.ContainsKey(title), $"two console tables titled '{title}'");
            tables[title] = new ReadTable(Cells(block[0]), block.Skip(1).Select(r
                => (IReadOnlyList<string>)Cells(r)).ToArray());
            title = null;
        }
        return tables;
    }

    /// <summary>summary.md's tables before its Warnings and Metrics sections (the experiments'), keyed by
    /// title.</summary>
    private static Dictionary<string, ReadTable> Markdown(string text)
    {
        var sections = text[..Math.Min(Index(text, "\n## Warnings"), Index(text, "\n## Metrics"))];
        var tables = new Dictionary<string, ReadTable>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(sections, @"^### (.+)\n\n(?:.*\n\n)?((?:\|.*\|\n)+|\(no rows\)\n)",
            RegexOptions.Multiline))
        {
            var rows = m.Groups[2].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(r => r.StartsWith('|')
                && !r.StartsWith("| ---", StringComparison.Ordinal))
                .Select(r => Regex.Split(r[2..^2], @"(?<!\\) \| ").Select(UnescapeMarkdown).ToArray()).ToArray();
            string title = UnescapeMarkdown(m.Groups[1].Value);
            Assert.False(tables.ContainsKey(title), $"two tables titled '{title}' in summary.md");
            tables[title] = rows.Length == 0 ? new ReadTable([], []) : new ReadTable(rows[0], rows.Skip(1).Select(r
                => (IReadOnlyList<string>)r).ToArray());
        }
        return tables;
    }

    /// <summary>index.html's tables before its warnings and metrics sections, keyed by title.</summary>
    private static Dictionary<string, ReadTable> Html(string text)
    {
        var sections = text[..Math.Min(Index(text, "<section id=\"warnings\">"), Index(text,
            "<section id=\"metrics\">"))];
        var tables = new Dictionary<string, ReadTable>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(sections,
            @"<h3>(.*?)</h3>\n(?:<p class=""note"">(?!\(no rows\)).*?</p>\n)?(?:<div " +
                @"class=""scroll""><table>(.*?)</table></div>|<p class=""note"">\(no " +
                @"rows\)</p>)", RegexOptions.Singleline))
        {
            var rows = Regex.Matches(m.Groups[2].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline)
                .Select(r => Regex.Matches(r.Groups[1].Value, "<t[hd]>(.*?)</t[hd]>", RegexOptions.Singleline).Select(c
                    => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).ToArray();
            string title = WebUtility.HtmlDecode(m.Groups[1].Value);
            Assert.False(tables.ContainsKey(title), $"two tables titled '{title}' in index.html");
            tables[title] = rows.Length == 0 ? new ReadTable([], []) : new ReadTable(rows[0], rows.Skip(1).Select(r
                => (IReadOnlyList<string>)r).ToArray());
        }
        return tables;
    }

    private static string[] MarkdownWarnings(string text)
    {
        int start = text.IndexOf("\n## Warnings\n", StringComparison.Ordinal);
        if (start < 0) return [];
        return text[(start + 13)..].Split('\n').SkipWhile(l => l.Length == 0).TakeWhile(l => l.StartsWith("- ",
            StringComparison.Ordinal)).Select(l => UnescapeMarkdown(l[2..])).ToArray();
    }

    private static int Index(string text, string what) => text.IndexOf(what,
        StringComparison.Ordinal) is var i and >= 0 ? i : text.Length;

    private static string UnescapeMarkdown(string cell) => WebUtility.HtmlDecode(Regex.Replace(cell, @"\\(.)", "$1"));
}
