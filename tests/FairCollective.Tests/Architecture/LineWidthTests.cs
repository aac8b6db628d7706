namespace FairCollective.Tests.Architecture;

/// <summary>
/// Comment lines stay within 120 columns, so the re-flowed comments do not drift back (a <c>&lt;code&gt;</c> example
/// counts too); code lines were broken between tokens to fit, but for those a single string literal or token run makes
/// longer, whose number may only fall.
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
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}",
                            StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxColumns && l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line} ({l.Text.Length} columns)").ToArray();
        Assert.True(tooLong.Length == 0, "comment lines over 120 columns:\n" + string.Join("\n", tooLong));
    }

    /// <summary>Code lines over 120 columns when the code was broken to fit (each holds a string literal or a run of
    /// tokens too long to break): lower this when you shorten some; never raise it.</summary>
    private const int MaxLongCodeLines = 740;

    [Fact]
    public void CodeLinesOver120ColumnsOnlyFallInNumber()
    {
        string root = LayerOrder.Root();
        string bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", obj =
            $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var tooLong = new[] { "src", "tests", "bench", "samples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(bin, StringComparison.Ordinal) && !f.Contains(obj, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxColumns && !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line} ({l.Text.Length} columns)").ToArray();
        Assert.True(tooLong.Length <= MaxLongCodeLines,
            $"{tooLong.Length} code lines over 120 columns, more than the {MaxLongCodeLines} there were; "
            + "break the new ones:\n" + string.Join("\n", tooLong));
    }
}
