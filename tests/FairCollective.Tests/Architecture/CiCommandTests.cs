namespace FairCollective.Tests.Architecture;

/// <summary>CI runs exactly the test command README.md shows: the two must not drift apart.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class CiCommandTests
{
    [Fact]
    public void CiRunsTheReadmesTestCommandAsAPlainLine()
    {
        string root = Directory.GetParent(Experiments.ExampleSpecTests.Folder())!.Parent!.FullName;
        // README.md's first code block: the main job, then the test command.
        var block = File.ReadAllLines(Path.Combine(root, "README.md")).SkipWhile(l => !l.StartsWith("```",
            StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Where(l => l.Trim().Length > 0).ToArray();
        Assert.Equal(2, block.Length);
        string testCommand = block[1].Trim();
        var ci = File.ReadAllLines(Path.Combine(root, ".ci", "run")).Select(l => l.Trim()).Where(l => l.Length > 0
            && !l.StartsWith('#')).ToArray();
        // The last command of CI, so its exit status is CI's.
        Assert.Equal(testCommand, ci[^1]);
    }

    [Fact]
    public void TestShFastRunsTheUnitsAloneAndRefusesASecondFilter()
    {
        string root = Directory.GetParent(Experiments.ExampleSpecTests.Folder())!.Parent!.FullName;
        var (exit, err) = Bash(root, "--dry-run", "--fast", "--logger", "console");
        Assert.Equal(0, exit);
        Assert.Equal("+ dotnet test FairCollective.sln -c Release --filter Kind=Unit --logger console",
            err.Trim().Split('\n')[^1]);
        Assert.DoesNotContain("chromium", err, StringComparison.OrdinalIgnoreCase);
        (exit, err) = Bash(root, "--dry-run", "--fast", "--filter", "Name~X");
        Assert.Equal(2, exit);
        Assert.StartsWith("test.sh: --fast is --filter Kind=Unit and takes no --filter of its own", err.Trim());
    }

    private static (int Exit, string Err) Bash(string root, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true, UseShellExecute = false
        };
        psi.ArgumentList.Add(Path.Combine(root, "test.sh"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err.Result);
    }
}
