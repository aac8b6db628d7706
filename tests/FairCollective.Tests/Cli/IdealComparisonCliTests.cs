using FairCollective.Reporting;

namespace FairCollective.Tests.Cli;

/// <summary>`reproduce synthetic` shows the matched comparison with the ideal in the console, the report and the
/// export.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class IdealComparisonCliTests : IDisposable
{
    private readonly CliSandbox _box = new();

    [Fact]
    public void ReproduceSyntheticShowsEveryStrategyAtTheIdealsCount()
    {
        var dir = _box.PathOf("syn");
        var (exit, stdout, stderr) = CliSandbox.Run("reproduce", "synthetic", "--quick", "-o", dir, "--threads", "1");
        Assert.True(exit == 0, stderr);
        Assert.Contains("synthetic: The ideal relabelling: every strategy at M* flips", stdout);
        var html = File.ReadAllText(Path.Combine(dir, ReportWriter.IndexFileName));
        Assert.Contains("<h3>The ideal relabelling: every strategy at M* flips</h3>", html);
        Assert.Contains("every strategy at the ideal&#39;s flip count M*", html);
        // The metrics section defines what the table shows.
        Assert.Contains("<li><code>ideal_precision</code>: share of the cell&#39;s flips that the ideal relabelling " +
            "also makes", html);
        Assert.Contains("<li><code>p0_rank_corr</code>: Spearman correlation", html);
        var csv = _box.PathOf("cells.csv");
        Assert.Equal(0, CliSandbox.Run("results", "export", Path.Combine(dir, "results.sqlite"), "--csv", csv).Exit);
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Contains("ideal_precision", header);
        Assert.Contains("ideal_flips", header);
        Assert.Contains("p0_rank_corr", header);
        Assert.Contains(File.ReadLines(csv), l => l.Contains("ideal M*", StringComparison.Ordinal));
    }

    public void Dispose() => _box.Dispose();
}
