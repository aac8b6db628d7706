using System.Diagnostics;
using FairCollective.Experiments.Store;

namespace FairCollective.Tests.Experiments;

/// <summary>A real `run` process killed from outside while it writes cells resumes without losing or repeating
/// one.</summary>
[Trait(TestKind.Name, TestKind.Crash)]
public sealed class RunnerKillTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-runner-kill-").FullName;

    private Dictionary<string, CellRecord> Cells(string store)
    {
        using var s = ResultsStore.Open(Path.Combine(_dir, store), StoreAccess.Read);
        return s.Cells().ToDictionary(c => c.Key);
    }

    [Fact]
    public void AKilledProcessResumesWithoutLosingOrDuplicatingCells()
    {
        // A real process, killed from outside while it writes cells.
        string spec = Path.Combine(_dir, "kill.yaml");
        File.WriteAllText(spec, """
            name: kill
            datasets: [synthetic]
            strategies: [RB-prob, RB-label, RB-dist, Random, Oracle]
            alphas: {from: 0, to: 0.4, step: 0.05}
            budgets: {fractions: {from: 0, to: 1, step: 0.05}}
            seeds: [0, 1, 2]
            """);
        string store = Path.Combine(_dir, "kill.sqlite");
        var first = StartCli("run", spec, "--store", store, "--threads", "1");
        var clock = Stopwatch.StartNew();
        int seen = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !first.HasExited)
        {
            Thread.Sleep(50);
            if (!File.Exists(store)) continue;
            try
            {
                using var s = ResultsStore.Open(store, StoreAccess.Read);
                seen = s.FinishedKeys().Count;
            }
            catch (FairCollective.Common.UserInputException)
            {
                continue; // the run has created the file but not yet its tables
            }
            if (seen >= 40) break;
        }
        Assert.False(first.HasExited, "the run finished before it could be killed; enlarge the grid");
        first.Kill(entireProcessTree: true);
        first.WaitForExit();
        int atKill;
        using (var s = ResultsStore.Open(store, StoreAccess.Read)) atKill = s.FinishedKeys().Count;
        Assert.True(atKill >= seen);
        var beforeResume = Cells("kill.sqlite");

        var second = StartCli("run", spec, "--store", store);
        string output = second.StandardOutput.ReadToEnd();
        second.WaitForExit();
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"({atKill} were already done)", output);
        var after = Cells("kill.sqlite");
        int total = 3 * (1 + 9 * 5 * 21);
        Assert.Equal(total, after.Count);
        foreach (var (key, cell) in beforeResume) Assert.Equal(cell.Metrics.OrderBy(kv => kv.Key),
            after[key].Metrics.OrderBy(kv => kv.Key));
    }

    private static Process StartCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FairCollective.Cli.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
