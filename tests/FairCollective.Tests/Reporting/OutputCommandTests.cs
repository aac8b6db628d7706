using System.Text.Json;
using FairCollective.Cli;
using FairCollective.Cli.Output;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using FairCollective.Reporting;
using FairCollective.Tests.Common;

using FairCollective.Tests.Experiments;

namespace FairCollective.Tests.Reporting;

/// <summary>The commands that write files or tables: data printed as typed, failures as one line and exit code
/// 2.</summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class OutputCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-output-").FullName;

    [Fact]
    public void TablesPrintMarkupInDataAsText()
    {
        var table = Tables.Create("[red]title[/]", "[bold]column", "plain");
        // "[/]" alone would throw if it were parsed as Spectre markup.
        table.AddRow("[red]x[/]", "[/]");
        var w = new StringWriter();
        Tables.Write(w, table);
        var text = w.ToString();
        foreach (var s in new[] { "[red]title[/]", "[bold]column", "[red]x[/]", "| [/]" }) Assert.Contains(s, text);
    }

    [Fact]
    public void ExportWritesHostileNamesExactly()
    {
        var store = Store(SyntheticResults.HostileLabel);
        string csv = Path.Combine(_dir, "out", "cells.csv"), json = Path.Combine(_dir, "out", "cells.json");
        var (code, stdout, stderr) = Cli("results", "export", store, "--csv", csv, "--json", json);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal($"exported 1 cells to {csv} and {json}", stdout.TrimEnd());
        // RFC 4180: the line break and pipe stay inside one quoted field; the name is written as stored.
        var lines = File.ReadAllText(csv);
        Assert.StartsWith("experiment,dataset,learner,method,seed,", lines);
        Assert.Contains($"\ncustom,compas,logistic,\"{SyntheticResults.HostileLabel}\",0,0.1,", lines);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        Assert.Equal(SyntheticResults.HostileLabel, doc.RootElement[0].GetProperty("method").GetString());
        Assert.Equal(["cells.csv", "cells.json"], Directory.GetFiles(Path.Combine(_dir,
            "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExportUnderAFileIsOneLineAndWritesNothing()
    {
        var file = FileInTheWay("plain.txt");
        var target = Path.Combine(file, "cells.csv");
        var (code, stdout, stderr) = Cli("results", "export", Store("RB-prob"), "--csv", target);
        Assert.Equal(CliApp.ExitUserError, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: cannot write '{target}': '{file}' is a file, not a folder", stderr.TrimEnd());
        Assert.Equal("keep", File.ReadAllText(file));
    }

    [Fact]
    public void ReportCreatesANewNestedFolder()
    {
        var store = Store("RB-prob");
        var outDir = Path.Combine(_dir, "new", "deeper");
        var (code, stdout, stderr) = Cli("report", store, "-o", outDir);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal($"report: {Path.Combine(outDir, ReportWriter.IndexFileName)} (2 files)", stdout.TrimEnd());
        Assert.Equal([ReportWriter.IndexFileName, ReportWriter.SummaryFileName],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReportUnderAFileIsOneLine()
    {
        var file = FileInTheWay("plain.txt");
        var outDir = Path.Combine(file, "report");
        var (code, _, stderr) = Cli("report", Store("RB-prob"), "-o", outDir);
        Assert.Equal(CliApp.ExitUserError, code);
        Assert.Equal($"error: cannot create the folder '{outDir}': '{file}' is a file, not a folder", stderr.TrimEnd());
    }

    [TmpfsFact]
    public void AReportThatDoesNotFitLeavesThePreviousOneWhole()
    {
        using var disk = Tmpfs.Mount(Path.Combine(_dir, "small-disk"), "size=256k");
        var outDir = Path.Combine(disk.Path, "report");
        Assert.Equal(0, Cli("report", Store("RB-prob"), "-o", outDir).Code);
        var before = Directory.GetFiles(outDir).ToDictionary(f => f, File.ReadAllBytes);

        // Thousands of table rows (one per method of a grid with no axis, so no figure): summary.md alone is larger
        // than the disk.
        var big = Path.Combine(_dir, "big.sqlite");
        using (var s = ResultsStore.Open(big))
            for (int i = 0; i < 3000; i++) s.Add(TestCells.Configured(Cell($"method-{i}")));
        var (code, stdout, stderr) = Cli("report", big, "-o", outDir);
        Assert.Equal(CliApp.ExitUserError, code);
        Assert.Equal("", stdout);
        Assert.Matches(@"^error: cannot write '.*(summary\.md|index\.html)': No space left on device\n$", stderr);
        // No partial file and no temporary: exactly the previous report, byte for byte.
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal),
            Directory.GetFiles(outDir).Order(StringComparer.Ordinal));
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }

    [TmpfsFact]
    public void AReportThatDoesNotFitLeavesNoFolderItCreated()
    {
        using var disk = Tmpfs.Mount(Path.Combine(_dir, "tiny-disk"), "size=64k");
        var big = Path.Combine(_dir, "big.sqlite");
        using (var s = ResultsStore.Open(big))
            for (int i = 0; i < 3000; i++) s.Add(TestCells.Configured(Cell($"method-{i}")));
        var outDir = Path.Combine(disk.Path, "new", "report");
        var (code, _, stderr) = Cli("report", big, "-o", outDir);
        Assert.Equal(CliApp.ExitUserError, code);
        Assert.Matches(@"^error: cannot write '.*(summary\.md|index\.html)': No space left on device\n$", stderr);
        // The report created new/ and new/report/: a failed report takes them back (they stayed, empty, before).
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [Fact]
    public void AReportThatFailsPartWayTakesBackTheFilesAndFoldersItAdded()
    {
        var store = Path.Combine(_dir, "tiny.sqlite");
        var spec = Path.Combine(_dir, "tiny.yaml");
        File.WriteAllText(spec,
            "name: tiny\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2, 0.5]\nbudgets: {fractions: [0.5, " +
            "1]}\nseeds: [0]\n");
        Assert.Equal(0, Cli("run", spec, "--store", store, "--no-report").Code);
        var outDir = Path.Combine(_dir, "report");
        Directory.CreateDirectory(Path.Combine(outDir, ReportWriter.IndexFileName)); // in the way of the last file
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var (code, _, stderr) = Cli("report", store, "-o", outDir);
        Assert.Equal(CliApp.ExitUserError, code);
        Assert.Matches(@"^error: cannot write '.*index\.html': it is a folder, not a file\n$", stderr);
        // summary.md and figures/ were written before index.html failed: both are gone; what was there stays.
        Assert.Equal([ReportWriter.IndexFileName, "notes.txt"],
            Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        // And the same report into a free folder writes figures: so the failed one had written some.
        Assert.Equal(0, Cli("report", store, "-o", Path.Combine(_dir, "free")).Code);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir, "free", ReportWriter.FiguresDirectory)));
    }

    [Fact]
    public void ReproduceIntoAFileIsOneLineBeforeAnyWork()
    {
        var file = FileInTheWay("taken");
        var (code, stdout, stderr) = Cli("reproduce", "toy", "--quick", "-o", file);
        Assert.Equal(CliApp.ExitUserError, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: reproduce output '{file}' (-o) is a file, not a folder", stderr.TrimEnd());
        Assert.Equal(["taken"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    /// <summary>A file holding "keep" where a folder is expected.</summary>
    private string FileInTheWay(string name)
    {
        var file = Path.Combine(_dir, name);
        File.WriteAllText(file, "keep");
        return file;
    }

    /// <summary>A results store with one cell of an experiment the report has no figure for.</summary>
    private string Store(string method)
    {
        var path = Path.Combine(_dir, "r.sqlite");
        using var s = ResultsStore.Open(path);
        s.BeginRun("custom", TestCells.Settings("compas"), "run-1", "{}", "{}");
        s.Add(TestCells.Configured(Cell(method)));
        return path;
    }

    private static CellRecord Cell(string method) => new()
    {
        Experiment = "custom", Dataset = "compas", Learner = "logistic", Method = method, Seed = 0, Alpha = 0.1, Budget
            = "1 of pool",
        Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = 0.1, [MetricKeys.Error] = 0.3 },
    };

    private static (int Code, string Stdout, string Stderr) Cli(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
