using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Experiments.Running;

/// <summary>
/// What a spec's <c>randomness:</c> folder may hold and what a run took from it (docs/experiment-spec.md, "Randomness,
/// exported and imported"). Every entry must be one the spec uses: a folder per dataset of the spec (its exact name),
/// in it a folder per seed of the spec, in that the files of <see cref="RandomnessFiles"/> for the spec's m values.
/// Anything else (another dataset, another case, another seed, <c>splits.csv</c>) is an error naming it and listing
/// what is expected, so no file is silently left unused. A folder that gives the run nothing is an error. Parts not
/// given are drawn from the seed, as documented; which parts were imported and which seeded is said and recorded per
/// run.
/// </summary>
public static class RandomnessImport
{
    /// <summary>Names listed in a message before it says how many there are in all.</summary>
    private const int Listed = 6;

    /// <summary>Refuses any entry under <paramref name="root"/> that the spec's datasets, seeds and m values do not
    /// use.</summary>
    /// <exception cref="UserInputException">An entry is not one of those expected; the message names it and lists
    /// them.</exception>
    public static void CheckLayout(string root, IEnumerable<string> datasets, IEnumerable<int> seeds,
        IEnumerable<int> sampleSizes)
    {
        // Folder names as RandomnessFiles.Folder writes them (names are made safe for a path), compared exactly: a
        // folder "Toy" is not the dataset "toy", even on a file system that would open one as the other.
        var datasetFolders = datasets.Select(d => Path.GetFileName(Path.GetDirectoryName(RandomnessFiles.Folder(root, d,
            0))!)).Order(StringComparer.Ordinal).ToArray();
        var seedFolders = seeds.Select(s => Path.GetFileName(RandomnessFiles.Folder(root, "x", s))).ToArray();
        var files = new[] { RandomnessFiles.SplitFile, RandomnessFiles.OrderFile, RandomnessFiles.PrioritiesFile }
            .Concat(sampleSizes.Distinct().Order().Select(RandomnessFiles.SampleFile)).ToArray();
        foreach (var entry in Entries(root))
        {
            if (!Directory.Exists(entry) || !datasetFolders.Contains(Path.GetFileName(entry), StringComparer.Ordinal))
                throw Unexpected(root, entry, "a folder per dataset of the spec, named exactly as the dataset",
                    datasetFolders);
            foreach (var seedEntry in Entries(entry))
            {
                if (!Directory.Exists(seedEntry) || !seedFolders.Contains(Path.GetFileName(seedEntry),
                    StringComparer.Ordinal))
                    throw Unexpected(root, seedEntry, "in a dataset's folder, a folder per seed of the spec",
                        seedFolders);
                foreach (var file in Entries(seedEntry))
                    if (!File.Exists(file) || !files.Contains(Path.GetFileName(file), StringComparer.Ordinal))
                        throw Unexpected(root, file,
                            "in a seed's folder, the files of the split, collective order, Random priorities and the " +
                            "spec's majority_rows samples", files);
            }
        }
    }

    /// <summary>
    /// One line per dataset and set of seeds whose draws came from the same sources: the parts imported from
    /// <paramref name="root"/> and those drawn from the seed. A run that imports nothing is refused.
    /// </summary>
    /// <exception cref="UserInputException">No part of any (dataset, seed) was imported.</exception>
    public static IReadOnlyList<string> Describe(string root, IReadOnlyDictionary<(string Dataset, int Seed),
        Randomness> draws)
    {
        if (draws.Values.All(d => d.Imported.Count == 0))
            throw new UserInputException($"randomness folder '{root}' gives this run nothing: it holds no file for " +
                "the spec's datasets and seeds "
                                         + $"(expected <dataset>/seed-<s>/{RandomnessFiles.SplitFile}, " +
                                             $"{RandomnessFiles.OrderFile}, {RandomnessFiles.PrioritiesFile} or " +
                                             "majority_sample_m<m>.csv; docs/experiment-spec.md)");
        return draws.GroupBy(kv => (kv.Key.Dataset, Imported: string.Join(", ", kv.Value.Imported),
            Seeded: string.Join(", ", kv.Value.Parts.Except(kv.Value.Imported))))
            .OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Min(kv => kv.Key.Seed))
            .Select(g =>
            {
                var seeds = g.Select(kv => kv.Key.Seed).Order().Select(s
                    => s.ToString(CultureInfo.InvariantCulture)).ToArray();
                string imported = g.Key.Imported.Length == 0 ? "nothing imported (no folder or file)" :
                    $"imported {g.Key.Imported}";
                string seeded = g.Key.Seeded.Length == 0 ? "" : $"; drawn from the seed: {g.Key.Seeded}";
                return $"dataset '{g.Key.Dataset}', {(seeds.Length == 1 ? "seed" : "seeds")} {List(seeds)}: " +
                    $"{imported}{seeded}";
            }).ToArray();
    }

    private static string[] Entries(string folder)
        => Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToArray();

    private static UserInputException Unexpected(string root, string entry, string what,
        IReadOnlyList<string> expected) =>
        new($"randomness folder '{root}': '{Path.GetRelativePath(root, entry)}' is not used by this spec (a " +
            "randomness folder holds only what the run imports: "
            + $"{what}: {(expected.Count == 0 ? "none" : List(expected))})");

    private static string List(IReadOnlyList<string> names) =>
        names.Count <= Listed ? string.Join(", ",
            names) : $"{string.Join(", ", names.Take(Listed - 1))}, ... " +
            $"({names.Count.ToString("N0", CultureInfo.InvariantCulture)} in all)";
}
