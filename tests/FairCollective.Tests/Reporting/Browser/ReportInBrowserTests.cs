using FairCollective.Reporting;
using FairCollective.Reporting.Content;
using FairCollective.Tests.Cli;
using Xunit.Abstractions;

namespace FairCollective.Tests.Reporting.Browser;

/// <summary>
/// The report checked as a person would: opened in headless Chromium from disk, with no console errors, every figure
/// loaded, sized and not blank, and a full-page screenshot kept for a human to look at.
/// </summary>
[Trait(TestKind.Name, TestKind.Browser)]
public sealed class ReportInBrowserTests(ITestOutputHelper output) : IDisposable
{
    // Generous: on a loaded CI machine a 10,000-pixel full-page screenshot alone can take half a minute.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>A rendered figure with less ink than this is blank or nearly so (axes alone give several
    /// percent).</summary>
    private const double MinInkShare = 0.02;

    private readonly string _dir = Directory.CreateTempSubdirectory("fc-report-e2e-").FullName;

    [BrowserFact]
    public async Task ReportOpensOfflineWithEveryFigureAndNoErrors()
    {
        var input = new ReportInput(SyntheticResults.Cells(), SyntheticResults.Runs(), SyntheticResults.Toy(),
            "synthetic.sqlite");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ReportWriter.Write(input, _dir);
        output.WriteLine($"report written in {clock.Elapsed.TotalSeconds:0.0} s");
        // The report must not need the figure files: remove them, so a page that still referenced them would show
        // broken images.
        Directory.Delete(Path.Combine(_dir, ReportWriter.FiguresDirectory), true);

        var page = await InspectAsync(Path.Combine(_dir, ReportWriter.IndexFileName), "report-screenshot.png", clock);
        Assert.Equal(["toy", "collective-size", "collective-size-eqod-by-flips", "flip-efficiency", "limited-info",
            "firm-side", "synthetic-eqod-by-alpha", "synthetic-eqod-by-flips", "synthetic"],
            page.Figures.Select(f => f.Name));
    }

    [BrowserFact]
    public async Task AReportOfACustomExperimentOpensWithTheFiguresOfItsGrid()
    {
        // From spec to report through the CLI: an experiment not named after the paper's, two alphas and three budgets
        // on toy.
        using var box = new CliSandbox();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, stderr) = CliSandbox.Run("run", ShapeReportTests.MyStudy(box), "--threads", "1");
        Assert.True(exit == 0, stderr);
        output.WriteLine($"run and report in {clock.Elapsed.TotalSeconds:0.0} s");
        var page = await InspectAsync(Path.Combine(box.PathOf("my-study-report"), ReportWriter.IndexFileName),
            "custom-report-screenshot.png", clock);
        Assert.Equal(["my-study-eqod-by-alpha", "my-study-eqod-by-flips", "my-study-counterfactual-success"],
            page.Figures.Select(f => f.Name));
    }

    [BrowserFact]
    public async Task TheCountermeasuresReportOpensWithItsFigures()
    {
        // reproduce countermeasures (smoke grid, COMPAS only) through the CLI to its page.
        using var box = new CliSandbox();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, stderr) = CliSandbox.Run("reproduce", "countermeasures", "--quick", "--datasets", "compas", "-o",
            box.PathOf("cm"));
        Assert.True(exit == 0, stderr);
        output.WriteLine($"run and report in {clock.Elapsed.TotalSeconds:0.0} s");
        var page = await InspectAsync(Path.Combine(box.PathOf("cm"), ReportWriter.IndexFileName),
            "countermeasures-screenshot.png", clock);
        Assert.Equal(["countermeasures-eqod-by-alpha", "countermeasures", "countermeasures-detection",
            "countermeasures-plausible"], page.Figures.Select(f => f.Name));
    }

    [BrowserFact]
    public async Task APlanPageOpensWithItsFigure()
    {
        // From a collective's own files (cut from bundled COMPAS) through `plan` to its page.
        using var box = new CliSandbox();
        var (members, sample) = Planning.CompasCut.Write(box, members: 300, majority: 200);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, _, stderr) = CliSandbox.Run(["plan", members, "--majority", sample,
            .. Planning.CompasCut.PublicNumbers(), "--replicates", "20", "-o", box.PathOf("plan")]);
        Assert.True(exit == 0, stderr);
        output.WriteLine($"plan in {clock.Elapsed.TotalSeconds:0.0} s");
        var page = await InspectAsync(Path.Combine(box.PathOf("plan"),
            FairCollective.Reporting.Planning.PlanReport.HtmlFileName), "plan-screenshot.png", clock);
        Assert.Equal(["plan-forecast"], page.Figures.Select(f => f.Name));
    }

    /// <summary>Opens the page in headless Chromium, keeps its screenshot, and checks it has no errors, no broken
    /// images and no blank figure.</summary>
    private async Task<PageInspection> InspectAsync(string index, string screenshotName,
        System.Diagnostics.Stopwatch clock)
    {
        var chromium = HeadlessChromium.Locate();
        Assert.True(chromium is not null,
            $"Chromium is not installed (looked for {HeadlessChromium.DefaultPath}, ${HeadlessChromium.PathVariable} " +
                "and PATH). "
            + $"Install Debian's 'chromium' package (bash test.sh does, as root), or set " +
                $"{BrowserFactAttribute.SkipVariable}=1 to skip this test.");
        using var cts = new CancellationTokenSource(Timeout);
        await using var browser = await HeadlessChromium.StartAsync(chromium!, cts.Token);
        output.WriteLine($"browser started at {clock.Elapsed.TotalSeconds:0.0} s");
        var page = await PageInspection.OpenAsync(browser.Connection, new Uri(index), cts.Token);
        output.WriteLine($"page inspected at {clock.Elapsed.TotalSeconds:0.0} s");

        var shotDir = Path.Combine(AppContext.BaseDirectory, "report-e2e");
        Directory.CreateDirectory(shotDir);
        var shot = Path.Combine(shotDir, screenshotName);
        await File.WriteAllBytesAsync(shot, page.Screenshot, cts.Token);
        output.WriteLine($"screenshot: {shot} ({page.Screenshot.Length} bytes)");
        foreach (var f in page.Figures)
            output.WriteLine($"figure {f.Name}: loaded={f.Loaded} {f.Width}x{f.Height} ink={f.InkShare:P1}");

        Assert.Empty(page.Errors);
        Assert.Equal(0, page.BrokenImages);
        Assert.All(page.Figures, f =>
        {
            Assert.True(f.Loaded, $"figure {f.Name} did not load");
            Assert.True(f.Width > 100 && f.Height > 100, $"figure {f.Name} is {f.Width}x{f.Height} px on the page");
            Assert.True(f.InkShare > MinInkShare, $"figure {f.Name} is blank ({f.InkShare:P1} ink)");
        });
        // A PNG signature and more than a blank page's worth of bytes.
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, page.Screenshot.Take(4));
        Assert.True(page.Screenshot.Length > 50_000, $"screenshot is only {page.Screenshot.Length} bytes");
        return page;
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
