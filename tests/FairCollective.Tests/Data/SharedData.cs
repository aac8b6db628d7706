namespace FairCollective.Tests.Data;

/// <summary>
/// Locates the optional ../shared directory (real datasets and reference values that do not ship with the
/// product): the FAIRCOLLECTIVE_SHARED environment variable, else the first "shared" directory found walking up
/// from the test binaries.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "FAIRCOLLECTIVE_SHARED";

    public static string? Root { get; } = FindRoot();

    /// <summary>The absolute path of <paramref name="relativePath"/> under shared/, or null when it is
    /// absent.</summary>
    public static string? PathOrNull(string relativePath)
    {
        if (Root is null) return null;
        string p = Path.Combine(Root, relativePath);
        return System.IO.File.Exists(p) ? p : null;
    }

    /// <summary>The path of a file a <see cref="RequiresSharedDataFactAttribute"/> test declared (present by
    /// construction).</summary>
    public static string File(string relativePath) =>
        PathOrNull(relativePath)
            ?? throw new
            InvalidOperationException($"shared/{relativePath} is missing; the test should have been skipped");

    private static string? FindRoot()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env
            && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "datasets"))) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with a message saying which file is missing, when shared data is absent.</summary>
public sealed class RequiresSharedDataFactAttribute : FactAttribute
{
    public RequiresSharedDataFactAttribute(params string[] relativePaths)
    {
        var missing = relativePaths.Where(p => SharedData.PathOrNull(p) is null).ToArray();
        if (missing.Length > 0)
            Skip = $"needs shared/{string.Join(", shared/", missing)} (not found; set " +
                $"{SharedData.EnvironmentVariable} to the shared directory)";
    }
}
