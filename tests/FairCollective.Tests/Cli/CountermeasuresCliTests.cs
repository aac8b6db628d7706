using FairCollective.Experiments.Store;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Tests.Cli;

/// <summary>The countermeasures experiment from the command line: cells of every defence, both figures, the reading in
/// the report and on the console.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public class CountermeasuresCliTests
{
    [Fact]
    public void ReproduceCountermeasuresWritesItsFiguresTablesAndReading()
    {
        using var box = new CliSandbox();
        string dir = box.PathOf("repro");
        var (exit, stdout, stderr) = CliSandbox.Run("reproduce", "countermeasures", "--quick", "--datasets", "compas",
            "-o", dir, "--threads", "2");
        Assert.True(exit == 0, stderr);
        string out_ = dir;
        foreach (var f in new[] { "countermeasures.png", "countermeasures.svg", "countermeasures-detection.png",
            "countermeasures-detection.svg", "countermeasures-plausible.png" })
            Assert.True(File.Exists(Path.Combine(out_, "figures", f)), $"figure {f}");
        using (var store = ResultsStore.Open(Path.Combine(out_, "results.sqlite")))
        {
            var cells = store.Cells();
            // none + 4 defences, each: base + 2 strategies x 2 alphas x 2 plausible thresholds.
            Assert.Equal(DefenceCatalog.Names.Count * (1 + 2 * 2 * 2), cells.Count);
            Assert.Equal(DefenceCatalog.Names.Count, cells.Select(c => c.Defence).Distinct().Count());
        }
        string html = File.ReadAllText(Path.Combine(out_, "index.html"));
        Assert.Contains("Countermeasures: firm-side defences against the collective", html, StringComparison.Ordinal);
        Assert.Contains("Defences against the collective, read plainly", html, StringComparison.Ordinal);
        Assert.Contains("Each defence alone (no collective)", html, StringComparison.Ordinal);
        Assert.Contains("countermeasures-detection.svg", html, StringComparison.Ordinal);
        Assert.Matches(@"the collective (kept|had)|the defence (removed|turned)", html);
        Assert.Contains("Defences against the collective, read plainly", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ACustomExperimentWithDefencesGetsBothFiguresUnderItsOwnName()
    {
        using var box = new CliSandbox();
        var spec = box.Write("guard.yaml",
            "name: guard\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5, 1]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n"
            + "defences: [none, knn-sanitisation, {knn-sanitisation: {eta: 0.5}}]\n");
        var (exit, _, stderr) = CliSandbox.Run("run", spec);
        Assert.True(exit == 0, stderr);
        var files = box.Files();
        Assert.Contains(Path.Combine("guard-report", "figures", "guard-surviving-gain.png"), files);
        Assert.Contains(Path.Combine("guard-report", "figures", "guard-detection.png"), files);
        // No plausible-flips threshold in this grid: no hiding figure.
        Assert.DoesNotContain(Path.Combine("guard-report", "figures", "guard-plausible.png"), files);
        string html = File.ReadAllText(box.PathOf(Path.Combine("guard-report", "index.html")));
        Assert.Contains("knn-sanitisation(eta=0.5)", html, StringComparison.Ordinal);
    }
}
