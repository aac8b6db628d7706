using System.Text.RegularExpressions;
using FairCollective.Reporting;

namespace FairCollective.Tests.Cli;

/// <summary>
/// An experiment named by its user, not after the paper, goes from spec to a report with every figure its grid
/// supports (decided from the cells), titles naming the dataset, and the console tables that match the grid.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class ShapeReportTests : IDisposable
{
    private readonly CliSandbox _box = new();

    /// <summary>Two alphas and three budgets on the bundled toy data (which knows its counterfactual).</summary>
    public static string MyStudy(CliSandbox box) => box.Write("my-study.yaml",
        "name: my-study\ndatasets: [toy]\nstrategies: [RB-prob, RB-label]\nalphas: [0.25, 0.5]\nbudgets: {fractions: " +
            "[0.25, 0.5, 1]}\nseeds: [0, 1]\n");

    [Fact]
    public void AnAlphaAndBudgetSweepGetsItsFiguresTablesAndReportBesideTheStore()
    {
        var (exit, stdout, stderr) = CliSandbox.Run("run", MyStudy(_box), "--threads", "1");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var report = _box.PathOf("my-study-report");
        Assert.Contains($"report: {Path.Combine(report, ReportWriter.IndexFileName)} (8 files)", stdout);
        // The console prints the tables of this grid: best EqOd by alpha, EqOd by budget, S(alpha); no fronts.
        Assert.Contains("my-study: Best EqOd by α\n", stdout);
        Assert.Contains("my-study: EqOd by flip budget\n", stdout);
        Assert.Contains("my-study: Best counterfactual success S(α) by α\n", stdout);
        Assert.DoesNotContain("Pareto", stdout);

        string[] figures = ["my-study-eqod-by-alpha", "my-study-eqod-by-flips", "my-study-counterfactual-success"];
        Assert.Equal(figures.SelectMany(f => new[] { f + ".png", f + ".svg" }).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(report,
                ReportWriter.FiguresDirectory)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var html = File.ReadAllText(Path.Combine(report, ReportWriter.IndexFileName));
        Assert.Equal(figures, Regex.Matches(html, "<figure class=\"figure\" data-figure=\"([^\"]+)\">").Select(m
            => m.Groups[1].Value));
        Assert.Contains("<strong>my-study — best EqOd and its error cost against α on toy.</strong>", html);
        Assert.Contains("<strong>my-study — EqOd against the number of flips on toy.</strong>", html);
        // Only the store's own experiment: the paper's are not listed as missing.
        Assert.DoesNotContain("id=\"absent\"", html);
        Assert.DoesNotContain("collective-size", html);
        Assert.DoesNotContain("Not in this summary", File.ReadAllText(Path.Combine(report,
            ReportWriter.SummaryFileName)));
    }

    [Fact]
    public void TheSpecsMetricRunsThroughTablesFiguresReportAndResultsShow()
    {
        // A min/max ratio (higher is fairer) chosen in the spec: every table, figure and verdict shows it, and the
        // report's metric section defines it; `report --metric` and `results show --metric` choose another.
        var spec = _box.Write("ratio.yaml",
            "name: ratio\ndatasets: [toy]\nstrategies: [RB-prob, Random]\nalphas: [0.25, 0.5]\nbudgets: {fractions: " +
                "[0.5, 1]}\nseeds: [0, 1, 2]\nmetric: dem_parity_ratio\n");
        var (exit, stdout, stderr) = CliSandbox.Run("run", spec, "--threads", "1");
        Assert.True(exit == 0, stderr);
        Assert.Contains("ratio: Best DemographicParityRatio by α\n  Per α the best flip budget: budget chosen on the " +
            "test split (the paper's rule; optimistic); one budget for all seeds: the highest seed mean", stdout);
        Assert.Contains("dem_parity_ratio: min / max of the selection rates", stdout);
        Assert.Contains("ratio: Strategies against Random", stdout);
        Assert.DoesNotContain("EqOd (±", stdout);
        var html = File.ReadAllText(Path.Combine(_box.PathOf("ratio-report"), ReportWriter.IndexFileName));
        Assert.Contains("<strong>ratio — best DemographicParityRatio and its error cost against α on toy.</strong>",
            html);
        Assert.Contains("<h3>Best DemographicParityRatio by α</h3>", html);
        Assert.Contains("<h3>Flips to halve the base 1 − DemographicParityRatio</h3>", html);
        Assert.Contains("<h3>By group</h3>", html);
        Assert.Matches(@" cells, 1 run\.</p>", html); // one run, said in the singular
        Assert.Contains("one budget for all seeds: the highest seed mean", html[html.IndexOf("<h3>By group</h3>",
            StringComparison.Ordinal)..]);
        Assert.Contains("<li><code>dem_parity_ratio</code>: min / max of the selection rates of minority and majority",
            html);
        Assert.Contains("higher is fairer", html);

        var other = _box.PathOf("eq-opp-report");
        Assert.Equal(0, CliSandbox.Run("report", _box.PathOf("ratio.sqlite"), "-o", other, "--metric", "eq_opp").Exit);
        var reHtml = File.ReadAllText(Path.Combine(other, ReportWriter.IndexFileName));
        Assert.Contains("<strong>ratio — best EqualOpportunityDifference and its error cost against α on toy.</strong>",
            reHtml);
        Assert.Contains("<li><code>eq_opp</code>: |TPR_minority - TPR_majority|", reHtml);
        var (showExit, shown, _) = CliSandbox.Run("results", "show", _box.PathOf("ratio.sqlite"));
        Assert.Equal(0, showExit);
        Assert.Contains("ratio: Best DemographicParityRatio by α\n", shown);
        Assert.Contains("ratio: Best EqOd by α\n", CliSandbox.Run("results", "show", _box.PathOf("ratio.sqlite"),
            "--metric", "eqod").Out);
    }

    [Fact]
    public void SeveralKnownMajorityRowsOnUserDataGetTheLimitedInformationFigureNamedAfterTheDataset()
    {
        var data = _box.UserData("people", specName: "people-survey");
        var spec = _box.Write("my-limited.yaml",
            $"name: my-limited\ndatasets: [{{path: people.csv, spec: {data}}}]\nstrategies: [RB-prob]\nalphas: " +
                $"[0.5]\nbudgets: {{fractions: [0.5, 1]}}\nmajority_rows: [all, 10]\nseeds: [0, 1]\n");
        var store = _box.PathOf("results/limited.sqlite");
        var (exit, stdout, stderr) = CliSandbox.Run("run", spec, "--store", store, "--threads", "1");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        // Several m: best EqOd by alpha with its m column, no budget sweep of its own (the fronts cover the budgets).
        Assert.Contains("my-limited: Best EqOd by α and known majority rows m\n", stdout);
        Assert.DoesNotContain("my-limited: EqOd by flip budget", stdout);
        var report = _box.PathOf("results/limited-report");
        Assert.True(File.Exists(Path.Combine(report, ReportWriter.FiguresDirectory, "my-limited-limited-info.png")));
        var html = File.ReadAllText(Path.Combine(report, ReportWriter.IndexFileName));
        Assert.Equal(["my-limited-limited-info"], Regex.Matches(html, "data-figure=\"([^\"]+)\"").Select(m
            => m.Groups[1].Value));
        Assert.Contains("<strong>my-limited — Pareto fronts with all or m known majority rows on " +
            "people-survey.</strong>", html);
    }

    [Fact]
    public void NoReportLeavesOnlyTheStore()
    {
        var spec = MyStudy(_box);
        var (exit, stdout, _) = CliSandbox.Run("run", spec, "--no-report", "--threads", "1");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("report:", stdout);
        Assert.Equal(["my-study.sqlite", "my-study.yaml"], _box.Files());
    }

    public void Dispose() => _box.Dispose();
}
