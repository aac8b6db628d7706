using System.Text.RegularExpressions;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// One spelling per word across the product's code, docs and tests: British "neighbour" (scikit-learn's own names,
/// such as NearestNeighbors, are quoted as they are) and "catalog", as the registries are named.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public partial class VocabularyTests
{
    [GeneratedRegex(@"neighbor|catalogue", RegexOptions.IgnoreCase)]
    private static partial Regex OtherSpelling();

    // Names of other libraries, kept as those libraries spell them.
    [GeneratedRegex(@"NearestNeighbors|KNeighbors|n_neighbors|kneighbors", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignName();

    [Fact]
    public void NeighbourAndCatalogAreSpelledOneWay()
    {
        string root = LayerOrder.Root();
        var files = new[] { "src", "tests", "docs", "samples", Path.Combine("bench", "FairCollective.Bench") }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")
                && Path.GetExtension(f) is ".cs" or ".md" or ".yaml" or ".csproj")
            .Where(f => Path.GetFileName(f) != "VocabularyTests.cs")  // it names the spellings it looks for
            .Append(Path.Combine(root, "README.md"));
        var found = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                if (OtherSpelling().IsMatch(ForeignName().Replace(lines[i], "")))
                    found.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(found.Count == 0, "other spellings (write neighbour, catalog):\n" + string.Join("\n",
            found.Take(30)));
    }
}
