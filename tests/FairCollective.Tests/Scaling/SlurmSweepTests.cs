using System.Diagnostics;
using FairCollective.Tests.Cli;
using FairCollective.Tests.Experiments;
using Xunit.Abstractions;

namespace FairCollective.Tests.Scaling;

/// <summary>
/// A sweep on a real Slurm cluster: deploy/slurm/single-node.sh starts munged, slurmctld and slurmd on this machine,
/// deploy/slurm/submit.sh submits the sweep as a job array of shards (each a separate `faircollective run --shard env`
/// process) and its merge step, and the merged store exports exactly what one process exports, but for timings.
/// </summary>
[Trait(TestKind.Name, TestKind.Cluster)]
public sealed class SlurmSweepTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-slurm-").FullName;
    private string Cluster => Path.Combine(_dir, "cluster");

    [SlurmFact]
    public void AJobArraySweepMergesToWhatOneProcessWrites()
    {
        string deploy = Path.Combine(ExampleSpecTests.Folder(), "..", "..", "deploy", "slurm");
        Assert.True(File.Exists(Path.Combine(deploy, "single-node.sh")),
            $"deploy/slurm/single-node.sh not found beside the docs ({deploy})");
        string[] missing = [.. new[] { "munged", "slurmctld", "slurmd", "sbatch" }.Where(t
            => !File.Exists($"/usr/sbin/{t}") && !File.Exists($"/usr/bin/{t}"))];
        Assert.True(missing.Length == 0,
            $"Slurm is not installed ({string.Join(", ", missing)} missing): install Debian's slurm-wlm and munge " +
            "packages "
            + $"(bash test.sh does, as root), or set {SlurmFactAttribute.SkipVariable}=1 to skip this test");

        // Each shard a process of its own: the CLI built beside the tests, run by the array tasks.
        string cli = Path.Combine(AppContext.BaseDirectory, "FairCollective.Cli.dll");
        var clock = Stopwatch.StartNew();
        var (start, log) = Bash(Path.Combine(deploy, "single-node.sh"), "start", Cluster);
        Assert.True(start == 0,
            $"the single-node cluster did not start (deploy/slurm/single-node.sh start; exit {start}):\n{log}");
        output.WriteLine($"cluster up in {clock.Elapsed.TotalSeconds:0.0} s");

        using var box = new CliSandbox();
        var spec = box.Write("sweep.yaml", ShardMergeTests.Sweep);
        var (exit, _, err) = CliSandbox.Run("run", spec, "--no-report", "--threads", "2");
        Assert.True(exit == 0, err);

        string outDir = Path.Combine(_dir, "sweep");
        var (submitted, submitLog) = Bash(Path.Combine(deploy, "submit.sh"), spec, "3", outDir, "--wait");
        output.WriteLine(submitLog);
        foreach (var f in Directory.Exists(outDir) ? Directory.GetFiles(outDir,
            "*.out") : []) output.WriteLine($"{Path.GetFileName(f)}:\n{File.ReadAllText(f)}");
        Assert.True(submitted == 0, $"the job array or its merge step failed (exit {submitted}):\n{submitLog}");
        output.WriteLine($"sweep and merge done at {clock.Elapsed.TotalSeconds:0.0} s");
        for (int i = 1; i <= 3; i++) Assert.True(File.Exists(Path.Combine(outDir, $"shard-{i}.sqlite")),
            $"shard {i}'s store");
        Assert.True(File.Exists(Path.Combine(outDir, "report", "index.html")), "the merge step's report");
        Assert.Equal(ShardMergeTests.ExportWithoutTimings(box.PathOf("sweep.sqlite"), box.PathOf("one.csv")),
            ShardMergeTests.ExportWithoutTimings(Path.Combine(outDir, "merged.sqlite"), box.PathOf("merged.csv")));

        (int Exit, string Log) Bash(params string[] args)
        {
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment["SLURM_CONF"] = Path.Combine(Cluster, "slurm.conf");
            psi.Environment["FAIRCOLLECTIVE"] = $"dotnet {cli}";
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                p.Kill(entireProcessTree: true); return (-1,
                "timed out after 5 minutes\n" + stdout.Result + stderr.Result);
            }
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
    }

    public void Dispose()
    {
        // Stop the daemons this test started, whatever happened, then remove the folder.
        if (File.Exists(Path.Combine(Cluster, "slurm.conf")))
        {
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(Path.Combine(ExampleSpecTests.Folder(), "..", "..", "deploy", "slurm",
                "single-node.sh"));
            psi.ArgumentList.Add("stop");
            psi.ArgumentList.Add(Cluster);
            using var p = Process.Start(psi)!;
            p.WaitForExit(TimeSpan.FromSeconds(60));
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
