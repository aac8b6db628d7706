using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FairCollective.Common;

namespace FairCollective.Data;

/// <summary>
/// What a loaded dataset is, for keying stored results: two loads with equal identities give the same
/// <see cref="Dataset"/>. Set on <see cref="Dataset.Identity"/> by <see cref="Sources.DatasetCatalog.Load"/>,
/// <see cref="Sources.CsvDatasetLoader"/> and <see cref="Synthetic.SyntheticGenerator"/>. Hashes are lowercase hex
/// SHA-256.
/// </summary>
/// <param name="Name">Display name: the dataset spec's <c>name</c>, else the preset name ("compas-recidivism"), else
/// the file name.</param>
/// <param name="ContentHash">
/// The data: SHA-256 of the bytes of the file read, as stored (a gzip file's compressed bytes; for a bundled
/// preset its embedded resource). Several files (Adult's data and test, Waterbirds' metadata and embeddings) give
/// the SHA-256 of their digests concatenated in that order. Generated data: SHA-256 of its generator options.
/// </param>
/// <param name="SpecHash">
/// How the data was read: SHA-256 of a canonical text of the resolved settings, not of any file's text, so
/// reformatting a spec changes nothing and any setting does. For a dataset spec that is the parsed spec with its
/// defaults filled in and the minority / as_feature overrides applied, without <c>name</c> and <c>path</c> (those
/// are <see cref="Name"/> and <see cref="ContentHash"/>); for a preset or a recognised file, its layout and
/// load options; for generated data, the generator and its options.
/// </param>
public sealed record DatasetIdentity(string Name, string ContentHash, string SpecHash)
{
    // Reads a large file (the ACS national subset is 100+ MB) in big sequential chunks.
    private const int FileBufferBytes = 1 << 20;

    // Properties in declaration order, enums by name: the same settings always give the same text.
    private static readonly JsonSerializerOptions CanonicalJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The identity of data read from <paramref name="files"/> as <paramref name="layout"/> with
    /// <paramref name="settings"/>.</summary>
    internal static DatasetIdentity OfFiles(string name, IReadOnlyList<string> files, string layout, object settings) =>
        new(name, HashFiles(files), HashText(Canonical(layout, settings)));

    /// <summary>The identity of bundled data: the preset <paramref name="name"/>'s embedded files, read with
    /// <paramref name="settings"/>.</summary>
    internal static DatasetIdentity OfBundled(string name, IReadOnlyList<string> embeddedFiles, object settings) =>
        new(name, Combine(embeddedFiles.Select(f =>
        {
            using var stream = EmbeddedData.OpenRaw(f);
            return SHA256.HashData(stream);
        })), HashText(Canonical("preset " + name, settings)));

    /// <summary>The identity of data drawn by a generator from <paramref name="options"/>.</summary>
    internal static DatasetIdentity OfGenerated(string name, string generator, object options) =>
        new(name, HashText(Canonical("options", options)), HashText(Canonical("generator " + generator, options)));

    /// <summary>Canonical text of <paramref name="settings"/> read as <paramref name="kind"/>: the kind, a newline,
    /// compact JSON.</summary>
    internal static string Canonical(string kind, object settings) =>
        kind + "\n" + JsonSerializer.Serialize(settings, settings.GetType(), CanonicalJson);

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    internal static string HashText(string text)
        => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>SHA-256 of one file's bytes, streamed; of several, the SHA-256 of their digests in order.</summary>
    internal static string HashFiles(IReadOnlyList<string> paths) => Combine(paths.Select(path =>
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes,
                FileOptions.SequentialScan);
            return SHA256.HashData(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{path}: cannot read ({e.Message})", e);
        }
    }));

    private static string Combine(IEnumerable<byte[]> digests)
    {
        var all = digests.ToArray();
        return Convert.ToHexStringLower(all.Length == 1 ? all[0] : SHA256.HashData(all.SelectMany(d => d).ToArray()));
    }
}
