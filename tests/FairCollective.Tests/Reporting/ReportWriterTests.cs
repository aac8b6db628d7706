using System.Text.RegularExpressions;
using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Reporting;
using FairCollective.Reporting.Content;
using FairCollective.Tests.Experiments;

namespace FairCollective.Tests.Reporting;

[Trait(TestKind.Name, TestKind.Integration)]
public sealed class ReportWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-report-").FullName;

    [Fact]
    public void WritesIndexSummaryAndEveryFigure()
    {
        var input = new ReportInput(SyntheticResults.Cells(), SyntheticResults.Runs(), SyntheticResults.Toy(),
            "synthetic.sqlite");
        var files = ReportWriter.Write(input, _dir);
        foreach (var name in new[] { "toy", "collective-size", "collective-size-eqod-by-flips", "flip-efficiency",
            "limited-info", "firm-side", "synthetic-eqod-by-alpha", "synthetic-eqod-by-flips", "synthetic" })
            foreach (var ext in new[] { ".png", ".svg" })
                Assert.Contains(Path.GetFullPath(Path.Combine(_dir, "figures", name + ext)), files);
        Assert.Contains(Path.GetFullPath(Path.Combine(_dir, "index.html")), files);
        Assert.Contains(Path.GetFullPath(Path.Combine(_dir, "summary.md")), files);
        var keep = Environment.GetEnvironmentVariable("FAIRCOLLECTIVE_KEEP_REPORT");
        if (!string.IsNullOrEmpty(keep)) CopyAll(_dir, keep);
    }

    [Fact]
    public void IndexIsSelfContainedAndEscapesWhatItQuotes()
    {
        ReportWriter.Write(new ReportInput(SyntheticResults.Cells(), SyntheticResults.Runs(), SyntheticResults.Toy()),
            _dir);
        var html = File.ReadAllText(Path.Combine(_dir, ReportWriter.IndexFileName));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        // Every src and stylesheet is inline: no http(s) and no file references for anything the page loads.
        var sources = Regex.Matches(html, "(?:src|href)=\"([^\"#][^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(9, sources.Count(s => s.StartsWith("data:image/png;base64,", StringComparison.Ordinal)));
        Assert.All(sources.Where(s => !s.StartsWith("data:", StringComparison.Ordinal)), s
            => Assert.StartsWith("figures/", s));
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        // The spec JSON holds "<test & check>": it must appear escaped, never as markup.
        Assert.Contains("&lt;test &amp; check&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<test & check>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsentExperimentsAreNamedAndGetNoFigure()
    {
        var cells = SyntheticResults.Cells().Where(c => c.Experiment == "collective-size").ToArray();
        var files = ReportWriter.Write(new ReportInput(cells, []), _dir);
        Assert.Equal(["collective-size.png", "collective-size.svg", "collective-size-eqod-by-flips.png",
            "collective-size-eqod-by-flips.svg"],
            files.Where(f => f.Contains("figures", StringComparison.Ordinal)).Select(Path.GetFileName));
        var html = File.ReadAllText(Path.Combine(_dir, ReportWriter.IndexFileName));
        var absent = Regex.Match(html, "<p class=\"note\" id=\"absent\">(.*?)</p>",
            RegexOptions.Singleline).Groups[1].Value;
        foreach (var e in new[] { "toy", "flip-efficiency", "limited-info", "firm-side",
            "synthetic" }) Assert.Contains($"&#39;{e}&#39;", absent);
        Assert.DoesNotContain("collective-size", absent);
        var md = File.ReadAllText(Path.Combine(_dir, ReportWriter.SummaryFileName));
        Assert.Contains("Not in this summary (no results):", md);
        Assert.Contains("![Collective size — best EqOd and its error cost against α on acs-income and " +
            "compas](figures/collective-size.png)", md);
        Assert.Contains("| dataset | learner | m | strategy | α | best budget | mean flips | EqOd | EqOd test-row CI " +
            "| error | error test-row CI | seeds |", md);
    }

    [Fact]
    public void ReportsAResultsStoreWithItsRunsAndTimings()
    {
        var path = Path.Combine(_dir, "r.sqlite");
        using (var store = ResultsStore.Open(path))
        {
            store.BeginRun("flip-efficiency", TestCells.Settings("compas"), "run-a", "{\"seeds\":[0,1]}",
                "{\"os\":\"linux\"}");
            foreach (var c in SyntheticResults.Cells().Where(c => c.Experiment == "flip-efficiency"
                && c.Dataset == "compas")) store.Add(TestCells.Configured(c with { Seconds = 0.5 }));
        }
        using var reopened = ResultsStore.Open(path, StoreAccess.Read);
        var outDir = Path.Combine(_dir, "out");
        var files = ReportWriter.Write(reopened, outDir);
        Assert.Contains(Path.GetFullPath(Path.Combine(outDir, "figures", "flip-efficiency.png")), files);
        var md = File.ReadAllText(Path.Combine(outDir, ReportWriter.SummaryFileName));
        int n = reopened.Cells().Count;
        // Every cell took 0.5 s: total n/2, and mean, median, 90th percentile and max all 0.5.
        Assert.Contains($"| flip-efficiency | {n} | {n * 0.5:0.00} | 0.500 | 0.500 | 0.500 | 0.500 |", md);
        Assert.Contains("| run-a | flip-efficiency |", md);
        Assert.Contains("&quot;seeds&quot;", File.ReadAllText(Path.Combine(outDir, ReportWriter.IndexFileName)));
    }

    [Fact]
    public void AFileAsOutputDirectoryIsAUserError()
    {
        var file = Path.Combine(_dir, "taken");
        File.WriteAllText(file, "");
        var e = Assert.Throws<UserInputException>(() => ReportWriter.Write(new ReportInput([], []), file));
        Assert.Contains("is a file", e.Message);
    }

    [Fact]
    public void QuantileInterpolatesLikeNumpy()
    {
        double[] v = [1, 2, 3, 4];
        Assert.Equal(2.5, Provenance.Quantile(v, 0.5));
        Assert.Equal(3.7, Provenance.Quantile(v, 0.9), 12);
        Assert.True(double.IsNaN(Provenance.Quantile([], 0.5)));
    }

    private static void CopyAll(string from, string to)
    {
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target, true);
        }
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
