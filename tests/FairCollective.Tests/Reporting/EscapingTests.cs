using System.Text.RegularExpressions;
using FairCollective.Reporting;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Markdown;

namespace FairCollective.Tests.Reporting;

/// <summary>Strings from data (names, labels, specs) land in the report as text: never as HTML, never breaking a
/// table.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class EscapingTests : IDisposable
{
    private const string Img = "<img src=x onerror=alert(1)>";

    private const string Hostile = SyntheticResults.HostileLabel;

    private readonly string _dir = Directory.CreateTempSubdirectory("fc-escape-").FullName;

    [Theory]
    [InlineData("plain RB-prob 0.25", "plain RB-prob 0.25")]
    [InlineData(Img, "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a|b *bold* _it_ `c` [l](u) ~s~ $x$ #1 \\",
        "a\\|b \\*bold\\* \\_it\\_ \\`c\\` \\[l\\](u) \\~s\\~ \\$x\\$ \\#1 \\\\")]
    [InlineData("line\r\nbreak\ttab", "line  break tab")]
    [InlineData("&lt; stays as typed", "&amp;lt; stays as typed")]
    public void EscapeMakesDataInert(string data, string markdown) => Assert.Equal(markdown, MarkdownText.Escape(data));

    [Theory]
    [InlineData("- item", "\\- item")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("===", "\\===")]
    [InlineData("12. item", "12\\. item")]
    [InlineData("3) item", "3\\) item")]
    [InlineData("2026 was", "2026 was")]
    public void AtLineStartListAndUnderlineMarksAreEscaped(string data, string markdown)
    {
        Assert.Equal(markdown, MarkdownText.Escape(data, atLineStart: true));
        Assert.Equal(data, MarkdownText.Escape(data));
    }

    [Theory]
    [InlineData("results.sqlite", "`results.sqlite`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("``x```", "```` ``x``` ````")]
    [InlineData("two\nlines", "`two lines`")]
    public void CodeSpansCannotBeClosedByTheirContent(string data, string markdown) => Assert.Equal(markdown,
        MarkdownText.Code(data));

    [Fact]
    public void HostileLabelsStayTextInSummaryAndIndex()
    {
        var cells = SyntheticResults.Cells()
            .Where(c => c.Experiment == "collective-size" && c.Dataset == "compas")
            .Select(c => c with { Dataset = Hostile, Method = c.Method == "RB-prob" ? Hostile : c.Method })
            .Append(SyntheticResults.Cells()[0] with { Experiment = Hostile, Learner = Hostile, Budget = Hostile })
            .ToArray();
        var runs = new[] { new RunInfo(Hostile, Hostile, "2026-11-25T00:00:00Z",
            $$"""{"minority":["{{Img}}"],"title":"*x* | `y`"}""", "{}") };
        ReportWriter.Write(new ReportInput(cells, runs, Source: "a`b|c.sqlite"), _dir);

        var md = File.ReadAllText(Path.Combine(_dir, ReportWriter.SummaryFileName));
        Assert.DoesNotContain("<img", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("## Experiment '&lt;img src=x onerror=alert(1)&gt; a\\|b \\*bold\\* \\`code\\` next'", md);
        Assert.Contains(" from ``a`b|c.sqlite``. ", md);
        // Every table keeps one cell per column: count the pipes that are not escaped, per row of each table.
        var tables = Regex.Matches(md, @"(?:^\|.*\n)+", RegexOptions.Multiline).Select(m
            => m.Value.TrimEnd('\n').Split('\n')).ToArray();
        Assert.True(tables.Length >= 7, $"{tables.Length} tables");
        foreach (var rows in tables)
        {
            int columns = CellBoundaries(rows[0]);
            Assert.All(rows, r => Assert.Equal(columns, CellBoundaries(r)));
        }
        // The hostile dataset is one cell of the configuration table, whole.
        Assert.Contains("| collective-size | &lt;img src=x onerror=alert(1)&gt; a\\|b \\*bold\\* \\`code\\` next | " +
            "logistic |", md);

        var html = File.ReadAllText(Path.Combine(_dir, ReportWriter.IndexFileName));
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; a|b *bold* `code`\nnext", html);
        foreach (var svg in Directory.GetFiles(Path.Combine(_dir, ReportWriter.FiguresDirectory), "*.svg"))
            Assert.DoesNotContain("<img", File.ReadAllText(svg), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The '|' that delimit cells: a backslash escapes the character after it.</summary>
    private static int CellBoundaries(string row)
    {
        int n = 0;
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\') i++;
            else if (row[i] == '|') n++;
        }
        return n;
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
