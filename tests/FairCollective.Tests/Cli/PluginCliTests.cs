using System.Diagnostics;
using System.Text.Json;
using FairCollective.Tests.Architecture;

namespace FairCollective.Tests.Cli;

/// <summary>
/// The sample plug-in (samples/SamplePlugin: a strategy, a learner and a defence) runs from its spec through the
/// command line, in a process of its own (a plug-in stays registered in the process that loads it): its cells record
/// its option and the plug-in's identity, a second run resumes, and every way a plug-in can be named wrongly is one
/// line with exit code 2.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class PluginCliTests : IDisposable
{
    private readonly CliSandbox _box = new();

    /// <summary>The plug-in as the build that runs these tests built it (Release or Debug).</summary>
    private static string PluginDll()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
        string path = Path.Combine(LayerOrder.Root(), "samples", "SamplePlugin", "bin", configuration, "net10.0",
            "SamplePlugin.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (it builds the sample plug-in)");
        return path;
    }

    /// <summary>The sample's own spec, with its plug-in path made absolute for this build.</summary>
    private string SampleSpec(string? replaceOptions = null)
    {
        string text = File.ReadAllText(Path.Combine(LayerOrder.Root(), "samples", "SamplePlugin", "experiment.yaml"));
        Assert.Contains("plugins: [bin/Release/net10.0/SamplePlugin.dll]", text);
        text = text.Replace("plugins: [bin/Release/net10.0/SamplePlugin.dll]", $"plugins: [\"{PluginDll()}\"]",
            StringComparison.Ordinal);
        if (replaceOptions is not null) text = text.Replace("Centroid: {power: 1}", replaceOptions,
            StringComparison.Ordinal);
        return _box.Write("centroid.yaml", text);
    }

    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FairCollective.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["COLUMNS"] = "200";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result, err);
    }

    [Fact]
    public void TheSamplePluginRunsFromItsSpecAndRecordsItsOptionAndOrigin()
    {
        string spec = SampleSpec();
        string store = _box.PathOf("centroid.sqlite");
        var (exit, output, err) = Cli("run", spec, "--store", store, "--no-report");
        Assert.True(exit == 0, err);
        Assert.Contains("Centroid", output);
        Assert.Equal(0, Cli("results", "export", store, "--json", _box.PathOf("cells.json")).Exit);
        using var cells = JsonDocument.Parse(File.ReadAllText(_box.PathOf("cells.json")));
        var centroid = cells.RootElement.EnumerateArray().Where(c
            => c.GetProperty("method").GetString() == "Centroid").ToArray();
        // 3 sizes x 4 budgets x 2 seeds x 2 learners x 2 defences, each with the option as the spec set it and the
        // plug-in's file hash.
        Assert.Equal(96, centroid.Length);
        foreach (var cell in centroid)
        {
            var config = cell.GetProperty("config");
            Assert.Equal(1.0,
                config.GetProperty("collective").GetProperty("strategy").GetProperty("options").GetProperty("Power")
                .GetDouble());
            Assert.StartsWith("SamplePlugin ", config.GetProperty("plugins").GetString());
            Assert.Contains(" sha256:", config.GetProperty("plugins").GetString());
        }
        // Every cell stores the plug-in's metric, the signed FNR gap, with its interval: exactly the minority's FNR
        // minus the majority's (both stored beside it), so every cell names the plug-in, also one of built-in parts
        // only.
        var all = cells.RootElement.EnumerateArray().ToArray();
        Assert.Equal(296, all.Length);
        foreach (var cell in all)
        {
            var m = cell.GetProperty("metrics");
            Assert.Equal(m.GetProperty("fnr_minority").GetDouble() - m.GetProperty("fnr_majority").GetDouble(),
                m.GetProperty("fnr_gap_signed").GetDouble());
            Assert.StartsWith("SamplePlugin ", cell.GetProperty("config").GetProperty("plugins").GetString());
        }
        // A cell with the plug-in's learner or defence records the learner's option as the spec set it.
        var random = cells.RootElement.EnumerateArray().Where(c
            => c.GetProperty("method").GetString() == "Random").ToArray();
        var mine = random.Where(c
            => c.GetProperty("learner").GetString() == "nearest-centroid+centroid-margin(margin=1)").ToArray();
        Assert.Equal(24, mine.Length);
        Assert.All(mine, c => Assert.StartsWith("SamplePlugin ",
            c.GetProperty("config").GetProperty("plugins").GetString()));
        Assert.All(mine, c => Assert.Equal(2.0,
            c.GetProperty("config").GetProperty("learner").GetProperty("options").GetProperty("Temperature")
            .GetDouble()));
        // Another process resumes the same cells.
        var again = Cli("run", spec, "--store", store, "--no-report");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("(296 were already done)", again.Out);
    }

    [Fact]
    public void ThePluginsMetricIsStoredWithItsBootstrapInterval()
    {
        string spec = _box.Write("metric.yaml",
            $"name: metric\nplugins: [\"{PluginDll()}\"]\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\n"
            + "budgets: {fractions: [0.5]}\nseeds: [0, 1]\nbootstrap: {resamples: 50}\n");
        string store = _box.PathOf("metric.sqlite");
        var (exit, _, err) = Cli("run", spec, "--store", store, "--no-report");
        Assert.True(exit == 0, err);
        Assert.Equal(0, Cli("results", "export", store, "--json", _box.PathOf("metric.json")).Exit);
        using var cells = JsonDocument.Parse(File.ReadAllText(_box.PathOf("metric.json")));
        Assert.Equal(4, cells.RootElement.GetArrayLength());
        foreach (var cell in cells.RootElement.EnumerateArray())
        {
            var m = cell.GetProperty("metrics");
            double gap = m.GetProperty("fnr_gap_signed").GetDouble(), low =
                m.GetProperty("fnr_gap_signed_ci_low").GetDouble();
            double high = m.GetProperty("fnr_gap_signed_ci_high").GetDouble();
            Assert.InRange(gap, low, high);
            Assert.True(low < high, $"interval [{low}, {high}]");
        }
    }

    [Fact]
    public void ThePluginsGapIsTheMetricShownWhereItsPluginIsLoaded()
    {
        string spec = _box.Write("gap.yaml",
            $"name: gap\nplugins: [\"{PluginDll()}\"]\ndatasets: [toy]\nstrategies: [RB-prob, Random]\n"
            + "alphas: [0.5]\nbudgets: {fractions: [0, 0.5, 1]}\nseeds: [0, 1]\nbootstrap: {resamples: 0}\n"
            + "metric: fnr_gap\n");
        string store = _box.PathOf("gap.sqlite"), report = _box.PathOf("gap-report");
        var run = Cli("run", spec, "--store", store); // the report goes beside the store, into gap-report/
        Assert.True(run.Exit == 0, run.Err);
        // The run (which loaded the plug-in from its spec) shows the spec's metric in its tables.
        Assert.Contains("FnrGap by flip budget", run.Out);
        Assert.Contains("FnrGap by flip budget", File.ReadAllText(Path.Combine(report, "index.html")));
        // Another process shows it once given the plug-in ...
        var shown = Cli("results", "show", store, "--plugin", PluginDll());
        Assert.True(shown.Exit == 0, shown.Err);
        Assert.Contains("FnrGap by flip budget", shown.Out);
        var again = Cli("report", store, "-o", _box.PathOf("again"), "--plugin", PluginDll(), "--metric", "fnr_gap");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Contains("FnrGap by flip budget", File.ReadAllText(_box.PathOf("again/index.html")));
        // ... and without it, one line saying what the key needs.
        var without = Cli("results", "show", store);
        Assert.Equal(2, without.Exit);
        Assert.Matches(@"^error: experiment 'gap': the recorded spec of run gap-\S+: metric: 'fnr_gap' is no metric "
            + @"this process knows \(a plug-in's metric is known once its plug-in is loaded; .*\); the run's spec "
            + @"loaded the plug-in\(s\) '.*SamplePlugin\.dll': give each with --plugin$", without.Err.TrimEnd());
        Assert.Single(without.Err.TrimEnd().Split('\n'));
        var bad = Cli("results", "show", store, "--plugin", _box.PathOf("none.dll"));
        Assert.Equal(2, bad.Exit);
        Assert.StartsWith("error: --plugin: ", bad.Err);
    }

    [Fact]
    public void AStoreRefusesTheSameExperimentWithAnotherOptionValue()
    {
        string store = _box.PathOf("centroid.sqlite");
        Assert.Equal(0, Cli("run", SampleSpec(), "--store", store, "--no-report").Exit);
        // Power 3 in the same store would mix with the power-1 cells in one report: refused, naming the option.
        var (exit, _, err) = Cli("run", SampleSpec("Centroid: {power: 3}"), "--store", store, "--no-report");
        Assert.Equal(2, exit);
        Assert.Contains("strategy 'Centroid' options differ: Power is 1 in the store and 3 now",
            Assert.Single(err.Trim().Split('\n')));
    }

    [Theory]
    [InlineData("plugins: [no-such.dll]", "plug-in 'no-such.dll': no such file")]
    [InlineData("plugins: [not-an-assembly.dll]", "plug-in 'not-an-assembly.dll': not a .NET assembly")]
    [InlineData("plugins: [FairCollective.Testing.dll]", "no public class implementing IPlugin")]
    public void ABadPluginIsOneLineNamingTheSpecLine(string plugins, string expected)
    {
        _box.Write("not-an-assembly.dll", "this is text");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "FairCollective.Testing.dll"),
            _box.PathOf("FairCollective.Testing.dll"));
        string spec = _box.Write("bad.yaml",
            $"name: bad\n{plugins}\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: " +
            $"[0.5]}}\nseeds: [0]\n");
        var (exit, output, err) = Cli("run", spec, "--store", _box.PathOf("bad.sqlite"));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        string line = Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith($"error: {spec}:2:", line);
        Assert.Contains(expected, line);
        Assert.False(File.Exists(_box.PathOf("bad.sqlite")));
    }

    [Theory]
    [InlineData("Centroid: {powr: 1}", "unknown option 'powr' (settable: Power)")]
    [InlineData("Centroid: {power: zero}", "option 'power' must be a number")]
    [InlineData("Random: {power: 1}", "strategy 'Random' has no options of its own")]
    [InlineData("RB-prob: {power: 1}", "strategy 'RB-prob': unknown option 'power' (settable: Model)")]
    [InlineData("Nobody: {power: 1}", "unknown strategy 'Nobody'")]
    public void ABadStrategyOptionIsOneLineNamingItsLine(string options, string expected)
    {
        var (exit, _, err) = Cli("run", SampleSpec(options), "--store", _box.PathOf("bad.sqlite"));
        Assert.Equal(2, exit);
        string line = Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(":11:", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void APlanMayUseThePluginsStrategyAndLearner()
    {
        string root = LayerOrder.Root();
        var (exit, output, err) = Cli("plan", Path.Combine(root, "docs", "experiments", "data",
            "compas-members.csv.gz"),
            "--majority", Path.Combine(root, "docs", "experiments", "data",
                "compas-majority-sample.csv.gz"), "--firm-users", "3700", "--minority-share", "0.6",
            "--plugin", PluginDll(), "--strategy", "Centroid,RB-prob", "--learner", "nearest-centroid", "--replicates",
                "20", "-o", _box.PathOf("plan"));
        Assert.True(exit == 0, err);
        Assert.Contains("plan: ", output);
        using var plan = JsonDocument.Parse(File.ReadAllText(_box.PathOf("plan/plan.json")));
        Assert.Equal(["Centroid", "RB-prob"], plan.RootElement.GetProperty("strategies").EnumerateArray().Select(s
            => s.GetProperty("strategy").GetString()));
        Assert.Equal("nearest-centroid", plan.RootElement.GetProperty("learner").GetString());
        Assert.StartsWith("SamplePlugin ",
            plan.RootElement.GetProperty("settings").GetProperty("plug-ins").GetString());
        // Without the plug-in the names are unknown: one line, exit 2.
        var refused = Cli("plan", Path.Combine(root, "docs", "experiments", "data", "compas-members.csv.gz"),
            "--firm-users", "3700", "--minority-share", "0.6",
            "--majority-base-rate", "0.5", "--strategy", "Centroid", "-o", _box.PathOf("plan2"));
        Assert.Equal(2, refused.Exit);
        Assert.Contains("Centroid", Assert.Single(refused.Err.Trim().Split('\n')));
    }

    public void Dispose() => _box.Dispose();
}
