using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using FairCollective.Reporting;
using Xunit.Abstractions;

using FairCollective.Tests.Experiments;

namespace FairCollective.Tests.Reporting;

/// <summary>
/// A real `report` process killed at many moments never destroys the previous good report: index.html is the old
/// bytes or a complete new report, the only debris is AtomicFile temporaries, and the next report removes those.
/// Kills land before start-up, between the figures and the index, inside the index's temporary file and after the
/// rename. A non-atomic File.WriteAllText would truncate index.html for only microseconds, shorter than a kill takes,
/// so this test shows the property holds but would not reliably catch that regression (AtomicFileTests cover the
/// mechanism itself).
/// </summary>
[Trait(TestKind.Name, TestKind.Crash)]
public sealed partial class ReportKillTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Kills after fixed delays spread over one report's duration, from before start-up to past the
    /// end.</summary>
    private const int TimedKills = 6;

    /// <summary>Kills as soon as the new figure is on disk: the index is still to be written.</summary>
    private const int FigureKills = 3;

    /// <summary>Kills as soon as a new temporary file of index.html appears (or index.html itself changes).</summary>
    private const int IndexKills = 3;

    /// <summary>Rows of the large table: an index.html of about 1 MB.</summary>
    private const int BulkCells = 5_000;

    private readonly string _dir = Directory.CreateTempSubdirectory("fc-report-kill-").FullName;

    [Fact]
    public void AKilledReportLeavesThePreviousIndexWhole()
    {
        var total = Stopwatch.StartNew();
        var dir = Path.Combine(_dir, "report");
        string store = BuildStore(Path.Combine(_dir, "results.sqlite")), index = Path.Combine(dir,
            ReportWriter.IndexFileName);
        string png = Path.Combine(dir, ReportWriter.FiguresDirectory, "collective-size.png");
        Assert.Equal(0, RunToEnd("report", store, "-o", dir));
        var good = File.ReadAllBytes(index);
        output.WriteLine($"store and first report: {total.Elapsed.TotalSeconds:0.0} s, index.html {good.Length:N0} " +
            "bytes");

        // One uninterrupted report: its duration scales the delays, and it shows a new report equals the old but for
        // its time.
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, RunToEnd("report", store, "-o", dir));
        var duration = clock.Elapsed;
        AssertSameReport(good, File.ReadAllBytes(index));
        good = File.ReadAllBytes(index);

        int killedBeforeRename = 0, killedMidRun = 0, replaced = 0;
        for (int attempt = 0; attempt < TimedKills + FigureKills + IndexKills; attempt++)
        {
            DateTime pngBefore = File.GetLastWriteTimeUtc(png), indexBefore = File.GetLastWriteTimeUtc(index);
            var indexTemporaries = IndexTemporaries(dir);
            var started = Stopwatch.StartNew();
            using var p = StartCli("report", store, "-o", dir);
            if (attempt < TimedKills) Thread.Sleep(duration * 1.2 * attempt / (TimedKills - 1));
            else if (attempt < TimedKills + FigureKills)
                while (!p.HasExited && File.GetLastWriteTimeUtc(png) == pngBefore) Thread.Sleep(1);
            else
                while (!p.HasExited && File.GetLastWriteTimeUtc(index) == indexBefore
                    && IndexTemporaries(dir).SetEquals(indexTemporaries)) Thread.Yield();
            var killedAt = started.Elapsed;
            KillAndWait(p);
            bool killed = p.ExitCode != 0, figureRewritten = File.GetLastWriteTimeUtc(png) != pngBefore;
            var now = File.ReadAllBytes(index);
            // Untouched by its timestamp, not its bytes: two reports within one second are byte-identical.
            bool untouched = File.GetLastWriteTimeUtc(index) == indexBefore;
            output.WriteLine($"attempt {attempt}: killed at {killedAt.TotalMilliseconds:0} ms, exit {p.ExitCode}, " +
                $"figure rewritten {figureRewritten}, "
                + $"index {(untouched ? "untouched" : "replaced")}, debris [{string.Join(", ", Debris(dir))}]");
            if (untouched)
            {
                Assert.Equal(good, now);
                if (killed) killedBeforeRename++;
                if (killed && figureRewritten) killedMidRun++;
            }
            else
            {
                AssertSameReport(good, now);
                good = now;
                replaced++;
            }
            // Whatever the moment, the folder holds the report's files plus, at most, the killed process's temporaries.
            Assert.All(Debris(dir), name => Assert.True(AtomicFile.IsTemporaryName(name), $"unexpected file {name}"));
        }
        output.WriteLine($"{killedBeforeRename} kills left the old index untouched ({killedMidRun} after the new " +
            $"figure was written), {replaced} replaced it; "
            + $"one report {duration.TotalMilliseconds:0} ms, test {total.Elapsed.TotalSeconds:0.0} s");
        Assert.True(killedMidRun > 0,
            "no kill landed between the figure and the index; the old index was never put at risk");

        // The next complete report removes the temporaries the killed ones could not.
        Assert.Equal(0, RunToEnd("report", store, "-o", dir));
        AssertSameReport(good, File.ReadAllBytes(index));
        Assert.Empty(Debris(dir));
    }

    /// <summary>
    /// A store with one figure (collective-size) and a large table (an experiment without a figure: one alpha and one
    /// budget, so no axis to draw, and one row per method),
    /// so writing index.html takes milliseconds: long enough for a kill to land inside it.
    /// </summary>
    private static string BuildStore(string path)
    {
        using var s = ResultsStore.Open(path);
        s.BeginRun("collective-size", TestCells.Settings("compas"), "run-1", "{}", "{}");
        s.BeginRun("bulk", TestCells.Settings("compas"), "run-2", "{}", "{}");
        foreach (var c in SyntheticResults.Cells().Where(c => c.Experiment == "collective-size"
            && c.Dataset == "compas")) s.Add(TestCells.Configured(c));
        for (int i = 0; i < BulkCells; i++)
            s.Add(TestCells.Configured(new CellRecord
            {
                Experiment = "bulk", Dataset = "compas", Learner = "logistic", Method = $"method-{i}", Seed = 0, Alpha =
                    0.1, Budget = "1 flips",
                Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = 0.1, [MetricKeys.Error] = 0.3 },
            }));
        return path;
    }

    /// <summary>A new index.html equals the previous one except the time it was generated, so it is complete.</summary>
    private static void AssertSameReport(byte[] previous, byte[] current)
    {
        var text = Encoding.UTF8.GetString(current);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", text, StringComparison.Ordinal);
        Assert.Equal(GeneratedAt().Replace(Encoding.UTF8.GetString(previous), "Generated T"),
            GeneratedAt().Replace(text, "Generated T"));
    }

    [GeneratedRegex(@"Generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")]
    private static partial Regex GeneratedAt();

    /// <summary>Files in the report folder and its figures folder other than the report's own (the store is
    /// elsewhere).</summary>
    private static IEnumerable<string> Debris(string dir)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal) { ReportWriter.IndexFileName,
            ReportWriter.SummaryFileName, "collective-size.png", "collective-size.svg",
            "collective-size-eqod-by-flips.png", "collective-size-eqod-by-flips.svg" };
        return Directory.GetFiles(dir, "*",
            SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().Where(n
            => !expected.Contains(n)).ToArray();
    }

    /// <summary>The temporary files of index.html in the folder (a killed report's stay until the next complete
    /// one).</summary>
    private static HashSet<string> IndexTemporaries(string dir) => Directory.EnumerateFiles(dir,
        $".{ReportWriter.IndexFileName}.*").ToHashSet(StringComparer.Ordinal);

    private static int RunToEnd(params string[] args)
    {
        using var p = StartCli(args);
        p.WaitForExit();
        return p.ExitCode;
    }

    private static void KillAndWait(Process p)
    {
        try
        {
            p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It finished first.
        }
        p.WaitForExit();
    }

    /// <summary>The CLI as its own process (output discarded, so a full pipe can never stall it).</summary>
    private static Process StartCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FairCollective.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
