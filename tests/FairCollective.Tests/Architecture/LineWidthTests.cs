namespace FairCollective.Tests.Architecture;

/// <summary>
/// Comment lines stay within 120 columns (code lines are not yet all there: docs/architecture.md says so), so the
/// re-flowed comments do not drift back. A <c>&lt;code&gt;</c> example counts too.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class LineWidthTests
{
    private const int MaxColumns = 120;

    [Fact]
    public void EveryWholeLineCommentFitsIn120Columns()
    {
        string root = LayerOrder.Root();
        var tooLong = new[] { "src", "tests", "bench", "samples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxColumns && l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line} ({l.Text.Length} columns)").ToArray();
        Assert.True(tooLong.Length == 0, "comment lines over 120 columns:\n" + string.Join("\n", tooLong));
    }
}
