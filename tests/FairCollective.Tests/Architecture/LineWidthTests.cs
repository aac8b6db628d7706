namespace FairCollective.Tests.Architecture;

/// <summary>
/// Every source line, code, comment or the text of a raw string, stays within 120 columns (counted in UTF-16 code
/// units), so nothing drifts back past the ruler the .editorconfig sets.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class LineWidthTests
{
    private const int MaxColumns = 120;

    [Fact]
    public void EverySourceLineFitsIn120Columns()
    {
        string root = LayerOrder.Root();
        string bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", obj =
            $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var tooLong = new[] { "src", "tests", "bench", "samples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(bin, StringComparison.Ordinal) && !f.Contains(obj, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Length > MaxColumns)
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line} ({l.Text.Length} columns)").ToArray();
        Assert.True(tooLong.Length == 0, "lines over 120 columns:\n" + string.Join("\n", tooLong));
    }
}
