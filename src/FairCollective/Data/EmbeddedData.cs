using System.IO.Compression;
using FairCollective.Common;

namespace FairCollective.Data;

/// <summary>
/// The small default datasets bundled in this assembly (see data/SOURCE.md in the repository). Names are paths
/// relative to data/, e.g. "compas/compas-scores-two-years.csv.gz".
/// </summary>
public static class EmbeddedData
{
    private const string Prefix = "FairCollective.Data.";

    /// <summary>Names of every bundled file.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(EmbeddedData).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Opens a bundled file, decompressed when its name ends in .gz.</summary>
    public static Stream Open(string name)
    {
        var raw = OpenRaw(name);
        return name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
    }

    /// <summary>Opens a bundled file as stored (still compressed): the bytes <see cref="DatasetIdentity"/>
    /// hashes.</summary>
    internal static Stream OpenRaw(string name) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new UserInputException($"no bundled data file '{name}' (bundled: {string.Join(", ", Names)})");
}
