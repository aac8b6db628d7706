namespace FairCollective.Tests.Architecture;

/// <summary>CI runs exactly the test command README.md shows: the two must not drift apart.</summary>
public class CiCommandTests
{
    [Fact]
    public void CiRunsTheReadmesTestCommandAsAPlainLine()
    {
        string root = Directory.GetParent(Experiments.ExampleSpecTests.Folder())!.Parent!.FullName;
        // README.md's first code block: the main job, then the test command.
        var block = File.ReadAllLines(Path.Combine(root, "README.md")).SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Where(l => l.Trim().Length > 0).ToArray();
        Assert.Equal(2, block.Length);
        string testCommand = block[1].Trim();
        var ci = File.ReadAllLines(Path.Combine(root, ".ci", "run")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        // The last command of CI, so its exit status is CI's.
        Assert.Equal(testCommand, ci[^1]);
    }
}
