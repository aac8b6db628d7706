using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Experiments.Store;

/// <summary>What a merge wrote: the cells, the copies seen more than once, and the shards of each experiment the runs name.</summary>
/// <param name="Output">The merged store.</param>
/// <param name="Cells">Distinct cells written.</param>
/// <param name="Duplicates">Cells found in more than one input with identical values (written once).</param>
/// <param name="MissingShards">Per experiment whose runs were shards of N: the shard numbers no input's run names (empty when all are there).</param>
public sealed record MergeSummary(string Output, int Cells, int Duplicates, IReadOnlyDictionary<string, IReadOnlyList<string>> MissingShards);

/// <summary>
/// <c>results merge</c>: combines results stores of one configuration (the shards of a sweep, or copies of a run) into a
/// new store, exactly what one process running every cell would have written but for timings. Every input must hold the
/// same experiments bound to the same settings; a cell found in several inputs must have the same values in each (its
/// key already fixes its configuration), and is written once. Anything else is refused with one line, and nothing is
/// written: the output appears, complete, only at the end (written beside it under a temporary name, then renamed).
/// </summary>
public static class StoreMerge
{
    /// <summary>Merges <paramref name="inputs"/> into the new store <paramref name="output"/>.</summary>
    /// <exception cref="UserInputException">An input is missing or not a store, the inputs differ in experiments or settings, a cell conflicts, or the output exists.</exception>
    public static MergeSummary Merge(string output, IReadOnlyList<string> inputs)
    {
        if (inputs.Count == 0) throw new UserInputException("results merge: give at least one store to merge");
        if (File.Exists(output) || Directory.Exists(output))
            throw new UserInputException($"results merge: the output '{output}' already exists; give a new path (a merge never overwrites a store)");
        string full = Path.GetFullPath(output);
        if (inputs.FirstOrDefault(i => Path.GetFullPath(i) == full) is { } same) throw new UserInputException($"results merge: the output '{output}' is also an input ('{same}')");
        if (inputs.GroupBy(Path.GetFullPath).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new UserInputException($"results merge: store '{twice.First()}' is given twice");

        var settings = new Dictionary<string, ExperimentSettings>(StringComparer.Ordinal);
        var settingsFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new List<(string RunId, string Experiment, string StartedUtc, string SpecJson, string EnvironmentJson)>();
        var cells = new Dictionary<string, (CellRecord Cell, string From)>(StringComparer.Ordinal);
        IReadOnlyList<string>? experiments = null;
        string? first = null;
        int duplicates = 0;
        foreach (var input in inputs)
        {
            using var store = ResultsStore.Open(input, StoreAccess.Read);
            var names = store.Experiments();
            if (experiments is null) (experiments, first) = (names, input);
            else if (!names.SequenceEqual(experiments, StringComparer.Ordinal))
                throw new UserInputException($"results merge: store '{input}' holds experiments [{string.Join(", ", names)}] but '{first}' holds [{string.Join(", ", experiments)}]; merge only stores of one sweep");
            foreach (var name in names)
            {
                var mine = store.SettingsOf(name) ?? throw new UserInputException($"results merge: store '{input}' holds cells of experiment '{name}' but no settings for it; it was not written by a run");
                if (settings.TryGetValue(name, out var seen))
                {
                    if (mine.FirstDifference(seen) is { } difference)
                        throw new UserInputException($"results merge: store '{input}' holds experiment '{name}' with other settings than '{settingsFrom[name]}': {difference}");
                    settings[name] = mine.UnionWith(seen);
                }
                else (settings[name], settingsFrom[name]) = (mine, input);
            }
            runs.AddRange(store.Runs());
            foreach (var cell in store.Cells())
            {
                if (!cells.TryGetValue(cell.Key, out var other))
                {
                    cells[cell.Key] = (cell, input);
                    continue;
                }
                if (Difference(cell, other.Cell) is { } what)
                    throw new UserInputException($"results merge: cell {cell.Key[..12]} ({cell.Config!.Describe()}) differs between '{other.From}' and '{input}' in {what}; the same configuration must give the same result, so one of the stores is not what its configuration produces today");
                duplicates++;
            }
        }

        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            try { Directory.CreateDirectory(folder); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserInputException($"results merge: cannot create the folder of '{output}': {e.Message.Split('\n')[0]}"); }
        string temporary = Path.Combine(folder ?? ".", $".{Path.GetFileName(full)}.merging-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            using (var merged = ResultsStore.Open(temporary))
                merged.Import(settings, runs.OrderBy(r => r.StartedUtc, StringComparer.Ordinal).ThenBy(r => r.RunId, StringComparer.Ordinal),
                    cells.Values.Select(v => v.Cell).OrderBy(c => c.Key, StringComparer.Ordinal));
            File.Move(temporary, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"results merge: cannot write '{output}': {e.Message.Split('\n')[0]}");
        }
        finally
        {
            foreach (var file in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
                if (File.Exists(file)) File.Delete(file);
        }
        return new MergeSummary(output, cells.Count, duplicates, MissingShards(runs));
    }

    /// <summary>What differs between two stored copies of one cell (everything but its timing), or null.</summary>
    private static string? Difference(CellRecord a, CellRecord b)
    {
        if (a.Alpha != b.Alpha || a.Members != b.Members || a.Flips != b.Flips || a.PoolSize != b.PoolSize) return "its counts";
        if (a.ScoringRule != b.ScoringRule) return "its scoring rule";
        if (a.Metrics.Count != b.Metrics.Count || a.Metrics.Any(kv => !b.Metrics.TryGetValue(kv.Key, out var v) || !kv.Value.Equals(v)))
        {
            var key = a.Metrics.Keys.Concat(b.Metrics.Keys).Order(StringComparer.Ordinal)
                .First(k => !a.Metrics.TryGetValue(k, out var x) || !b.Metrics.TryGetValue(k, out var y) || !x.Equals(y));
            return $"metric '{key}'";
        }
        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> MissingShards(IEnumerable<(string RunId, string Experiment, string StartedUtc, string SpecJson, string EnvironmentJson)> runs)
    {
        var missing = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var byExperiment in runs.GroupBy(r => r.Experiment))
        {
            var shards = byExperiment.Select(r => ShardTag.At(r.RunId)).OfType<(int Index, int Count)>().ToArray();
            foreach (var count in shards.Select(s => s.Count).Distinct().Order())
            {
                var absent = Enumerable.Range(1, count).Except(shards.Where(s => s.Count == count).Select(s => s.Index))
                    .Select(i => $"{i.ToString(CultureInfo.InvariantCulture)}/{count.ToString(CultureInfo.InvariantCulture)}").ToArray();
                if (absent.Length > 0) missing[byExperiment.Key] = absent;
            }
        }
        return missing;
    }
}
