using System.Globalization;
using FairCollective.Data;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>
/// What a user must know before trusting a table, said once per run (never once per cell): datasets that lost more
/// than <see cref="RowAccount.WarningShare"/> of their rows to the missing policy, test groups too small to
/// compare (fewer than <see cref="MetricFrameOptions.DefaultSmallGroupRows"/> rows), and cells whose EqOd is
/// undefined (a group with no positive or no negative test row). The CLI prints them after a run; the report lists
/// the undefined cells of the store.
/// </summary>
public static class RunWarnings
{
    /// <summary>
    /// Warnings about the rows each dataset lost to its missing policy: one per dataset that dropped more than
    /// <see cref="RowAccount.WarningShare"/> of the rows read, in name order.
    /// </summary>
    public static IReadOnlyList<string> OfRows(IReadOnlyDictionary<string, RowAccount> rows) =>
        rows.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Warning(kv.Key)).OfType<string>().ToArray();

    /// <summary>Warnings about the test splits of a plan: a group with fewer rows than the documented minimum.</summary>
    public static IReadOnlyList<string> OfSplits(IEnumerable<PreparedSplit> splits)
    {
        int min = MetricFrameOptions.DefaultSmallGroupRows;
        return splits.GroupBy(s => s.Dataset).SelectMany(d =>
        {
            var small = d.Where(s => s.TestGroups.MinorityCount < min || s.TestGroups.MajorityCount < min).ToArray();
            if (small.Length == 0) return [];
            int fewest = small.Min(s => Math.Min(s.TestGroups.MinorityCount, s.TestGroups.MajorityCount));
            return new[]
            {
                string.Create(CultureInfo.InvariantCulture,
                    $"dataset '{d.Key}': a group has fewer than {min} test rows in {small.Length} of {d.Count()} seeds (as few as {fewest}); its rates, and EqOd, are noisy"),
            };
        }).ToArray();
    }

    /// <summary>
    /// Warnings about stored cells, per experiment and dataset: how many have an undefined EqOd, and per strategy how many
    /// have flips chosen by the tie rule rather than by their score (<see cref="MetricKeys.TieFlips"/>).
    /// </summary>
    public static IReadOnlyList<string> OfCells(IEnumerable<CellRecord> cells)
    {
        var all = cells.ToArray();
        var undefined = all.Where(c => double.IsNaN(c.Metrics.GetValueOrDefault(MetricKeys.EqOd, double.NaN)))
            .GroupBy(c => (c.Experiment, c.Dataset))
            .OrderBy(g => g.Key.Experiment, StringComparer.Ordinal).ThenBy(g => g.Key.Dataset, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"experiment '{g.Key.Experiment}', dataset '{g.Key.Dataset}': EqOd is undefined in {g.Count()} cells (a test group without positive or negative rows); tables leave them out of the seed means"));
        var withFlips = all.Where(c => c.Flips > 0).CountBy(c => (c.Experiment, c.Dataset, c.Method)).ToDictionary();
        var ties = all.Where(c => c.Flips > 0 && c.Metrics.GetValueOrDefault(MetricKeys.TieFlips) > 0)
            .GroupBy(c => (c.Experiment, c.Dataset, c.Method))
            .OrderBy(g => g.Key.Experiment, StringComparer.Ordinal).ThenBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal)
            .Select(g =>
            {
                double share = g.Sum(c => c.Metrics[MetricKeys.TieFlips]) / g.Sum(c => (double)c.Flips);
                string tieRule = g.First().Config?.Strategy?.TieRule is { } rule ? $"the tie rule ({rule})" : "the tie rule";
                return string.Create(CultureInfo.InvariantCulture,
                    $"experiment '{g.Key.Experiment}', dataset '{g.Key.Dataset}', {g.Key.Method}: in {g.Count()} of {withFlips[g.Key]} cells with flips, some flips were chosen among members with tied scores by {tieRule}, not by score ({share * 100:0}% of those cells' flips); their results depend on the tie-breaking");
            });
        return undefined.Concat(ties).ToArray();
    }
}
