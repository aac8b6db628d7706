using System.Globalization;
using FairCollective.Common;

namespace FairCollective.Experiments.Store;

/// <summary>What a merge wrote: the cells, the copies seen more than once, and what the merged store lacks.</summary>
/// <param name="Output">The merged store.</param>
/// <param name="Cells">Distinct cells written.</param>
/// <param name="Duplicates">Cells found in more than one input with identical values (written once).</param>
/// <param name="Gaps">What the merged store lacks (empty unless the merge allowed it): the cells of unfinished inputs
/// no input holds, and shards no input's run names.</param>
/// <param name="Unfinished">The inputs whose runs did not finish, with how many of their cells no input holds (empty
/// unless allowed).</param>
public sealed record MergeSummary(string Output, int Cells, int Duplicates, StoreGaps Gaps, IReadOnlyList<(string Store,
    int Missing)> Unfinished);

/// <summary>
/// <c>results merge</c>: combines results stores of one configuration (the shards of a sweep, or copies of a run) into
/// a new store, exactly what one process running every cell would have written but for timings. Every input must hold
/// the same experiments bound to the same settings; a cell found in several inputs must have the same values in each
/// (its key already fixes its configuration), and is written once. Anything else is refused with one line, and nothing
/// is written: the output appears, complete, only at the end (written beside it under a temporary name, then renamed).
/// An input whose run did not finish (it still runs, or was stopped), or a sharded sweep with a shard no input holds,
/// is refused unless the merge is told to allow a partial store; the merged store then records what it lacks, so its
/// tables and report say so.
/// </summary>
public static class StoreMerge
{
    /// <summary>Merges <paramref name="inputs"/> into the new store <paramref name="output"/>;
    /// <paramref name="allowPartial"/> merges unfinished inputs and incomplete shard sets too.</summary>
    /// <exception cref="UserInputException">An input is missing or not a store, the inputs differ in experiments or
    /// settings, a cell conflicts, the output exists, or (unless allowed) an input is unfinished or a shard is
    /// missing.</exception>
    public static MergeSummary Merge(string output, IReadOnlyList<string> inputs, bool allowPartial = false)
    {
        if (inputs.Count == 0) throw new UserInputException("results merge: give at least one store to merge");
        if (File.Exists(output) || Directory.Exists(output))
            throw new UserInputException($"results merge: the output '{output}' already exists; give a new path (a " +
                "merge never overwrites a store)");
        string full = Path.GetFullPath(output);
        if (inputs.FirstOrDefault(i
            => Path.GetFullPath(i) == full) is { } same) throw new
            UserInputException($"results merge: the output '{output}' is also an input ('{same}')");
        if (inputs.GroupBy(Path.GetFullPath).FirstOrDefault(g
            => g.Count() > 1) is { } twice) throw new
            UserInputException($"results merge: store '{twice.First()}' is given twice");

        var settings = new Dictionary<string, ExperimentSettings>(StringComparer.Ordinal);
        var settingsFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var runs = new List<StoredRun>();
        var pending = new List<(string Store, IReadOnlyList<StoredRun> Runs, IReadOnlyList<MissingCell> Missing)>();
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
                throw new UserInputException($"results merge: store '{input}' holds experiments " +
                    $"[{string.Join(", ", names)}] but '{first}' holds [{string.Join(", ", experiments)}]; merge " +
                    "only stores of one sweep");
            foreach (var name in names)
            {
                var mine = store.SettingsOf(name)
                    ?? throw new UserInputException($"results merge: store '{input}' holds cells of experiment " +
                    $"'{name}' but no settings for it; it was not written by a run");
                if (settings.TryGetValue(name, out var seen))
                {
                    if (mine.FirstDifference(seen) is { } difference)
                        throw new UserInputException($"results merge: store '{input}' holds experiment '{name}' with " +
                            $"other settings than '{settingsFrom[name]}': {difference}");
                    settings[name] = mine.UnionWith(seen);
                }
                else (settings[name], settingsFrom[name]) = (mine, input);
            }
            var own = store.Runs();
            runs.AddRange(own);
            pending.Add((input, own, store.Gaps().Missing));
            foreach (var cell in store.Cells())
            {
                if (!cells.TryGetValue(cell.Key, out var other))
                {
                    cells[cell.Key] = (cell, input);
                    continue;
                }
                if (Difference(cell, other.Cell) is { } what)
                    throw new UserInputException($"results merge: cell {cell.Key[..12]} ({cell.Config!.Describe()}) " +
                        $"differs between '{other.From}' and '{input}' in {what}; the same configuration must give " +
                        "the same result, so one of the stores is not what its configuration produces today");
                duplicates++;
            }
        }

        // A cell an unfinished input lacks may be in another input (a shard run again into another store): missing is
        // what none holds.
        var unfinished = pending.Select(p => (p.Store, p.Runs, Missing: p.Missing.Where(m
            => !cells.ContainsKey(m.Key)).ToArray())).Where(p => p.Missing.Length > 0).ToArray();
        var gaps = new StoreGaps(unfinished.SelectMany(p => p.Missing).DistinctBy(m => m.Key).OrderBy(m => m.Experiment,
            StringComparer.Ordinal)
            .ThenBy(m => m.Label, StringComparer.Ordinal).ToArray(), StoreGaps.MissingShardsOf(runs));
        if (!allowPartial && unfinished.Length > 0) throw Unfinished(unfinished[0].Store, unfinished[0].Runs,
            unfinished[0].Missing, unfinished.Length - 1);
        if (!allowPartial && gaps.MissingShards.FirstOrDefault() is { Key: { } experiment, Value: { } shards })
            throw new UserInputException($"results merge: experiment '{experiment}' was run in shards, but no store " +
                $"given holds shard {string.Join(", ", shards)}; merge every shard's store, or merge with " +
                "--allow-partial (the merged store then records that those cells are missing)");

        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            try { Directory.CreateDirectory(folder); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new
                UserInputException($"results merge: cannot create the folder of '{output}': " +
                $"{e.Message.Split('\n')[0]}");
            }
        // Named with this process's id, so a later merge (or report) in this folder removes it should this one be
        // killed, and never while this one runs; temporary files of killed merges are removed now.
        AtomicFile.DeleteStaleTemporaries(folder ?? ".");
        string temporary = AtomicFile.TemporaryPath(full);
        try
        {
            using (var merged = ResultsStore.Open(temporary))
                merged.Import(settings, runs.OrderBy(r => r.StartedUtc, StringComparer.Ordinal).ThenBy(r => r.RunId,
                    StringComparer.Ordinal),
                    cells.Values.Select(v => v.Cell).OrderBy(c => c.Key, StringComparer.Ordinal), gaps.Missing);
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
        return new MergeSummary(output, cells.Count, duplicates, gaps, unfinished.Select(u => (u.Store,
            u.Missing.Length)).ToArray());
    }

    /// <summary>"store 'x' is unfinished: 486 of the 1,592 cells of its run (shard 2/4) are missing ...": the run whose
    /// part lacks the first missing cell.</summary>
    private static UserInputException Unfinished(string store, IReadOnlyList<StoredRun> runs,
        IReadOnlyList<MissingCell> missing, int others)
    {
        string experiment = missing[0].Experiment;
        var run = runs.Where(r => r.Experiment == experiment).MaxBy(r => r.StartedUtc, StringComparer.Ordinal);
        int count = missing.Count(m => m.Experiment == experiment);
        string part = run is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $" of the {run.Cells:N0} cells of its run of '{experiment}'")
                                                       + (ShardTag.At(run.RunId) is { } s ?
                                                           string.Create(CultureInfo.InvariantCulture,
                                                           $" (shard {s.Index}/{s.Count})") : "");
        return new UserInputException(string.Create(CultureInfo.InvariantCulture,
            $"results merge: store '{store}' is unfinished: {count:N0}{part} are missing (its run still runs, or " +
                $"stopped before its end){(others > 0 ? $", and {others} more input(s) are unfinished" : "")}; " +
                $"finish it (the same run command again resumes it) or merge with --allow-partial (the merged store " +
                $"then records which cells are missing)"));
    }

    /// <summary>What differs between two stored copies of one cell (everything but its timing), or null.</summary>
    private static string? Difference(CellRecord a, CellRecord b)
    {
        if (a.Alpha != b.Alpha || a.Members != b.Members || a.Flips != b.Flips
            || a.PoolSize != b.PoolSize) return "its counts";
        if (a.ScoringRule != b.ScoringRule) return "its scoring rule";
        if (a.Metrics.Count != b.Metrics.Count || a.Metrics.Any(kv => !b.Metrics.TryGetValue(kv.Key, out var v)
            || !kv.Value.Equals(v)))
        {
            var key = a.Metrics.Keys.Concat(b.Metrics.Keys).Order(StringComparer.Ordinal)
                .First(k => !a.Metrics.TryGetValue(k, out var x) || !b.Metrics.TryGetValue(k, out var y)
                    || !x.Equals(y));
            return $"metric '{key}'";
        }
        return null;
    }
}
