using System.Globalization;
using FairCollective.Collective;
using FairCollective.Data;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>
/// What a user must know before trusting a table, said once per run (never once per cell): datasets that lost more
/// than <see cref="RowAccount.WarningShare"/> of their rows to the missing policy, test groups too small to compare
/// (fewer than <see cref="MetricFrameOptions.DefaultSmallGroupRows"/> rows), cells whose EqOd is undefined (a group
/// with no positive or no negative test row), flips chosen by the tie rule, and collectives with nothing to relabel
/// (<see cref="PoolScores.EmptyPool"/>). The CLI and the report print the same
/// lines (<see cref="Of"/>), from what the store keeps.
/// </summary>
public static class RunWarnings
{
    /// <summary>Collectives with an empty pool a warning names (seed, alpha); it counts the rest.</summary>
    public const int EmptyPoolPlacesShown = 5;

    /// <summary>
    /// Every warning of <paramref name="cells"/>, what the console and the report print: first the rows each dataset
    /// lost to its missing policy (<paramref name="rows"/>, per experiment and dataset, as the store keeps them; one
    /// line per dataset that dropped more than <see cref="RowAccount.WarningShare"/> of the rows read), then the cells'
    /// own.
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<KeyValuePair<(string Experiment, string Dataset),
        RowAccount>> rows, IEnumerable<CellRecord> cells) =>
        rows.OrderBy(kv => kv.Key.Experiment, StringComparer.Ordinal).ThenBy(kv => kv.Key.Dataset,
            StringComparer.Ordinal)
            .Select(kv => kv.Value.Warning(kv.Key.Dataset)).OfType<string>()
            .Concat(OfCells(cells)).Distinct().ToArray();

    /// <summary>
    /// Warnings about stored cells, per experiment and dataset: test groups smaller than the documented minimum (from
    /// the group counts every cell stores), how many cells have an undefined EqOd, and per strategy how many have flips
    /// chosen by the tie rule rather than by their score (<see cref="MetricKeys.TieFlips"/>). The console and the
    /// report print these same lines.
    /// </summary>
    public static IReadOnlyList<string> OfCells(IEnumerable<CellRecord> cells)
    {
        var all = cells.ToArray();
        int min = MetricFrameOptions.DefaultSmallGroupRows;
        // A seed's test split is shared by its cells: its smaller group, read from any cell that stores both counts.
        var small = all.Where(c => c.Metrics.ContainsKey(MetricKeys.MinorityCount)
            && c.Metrics.ContainsKey(MetricKeys.MajorityCount))
            .GroupBy(c => (c.Experiment, c.Dataset))
            .OrderBy(g => g.Key.Experiment, StringComparer.Ordinal).ThenBy(g => g.Key.Dataset, StringComparer.Ordinal)
            .Select(g =>
            {
                var fewest = g.GroupBy(c => c.Seed).Select(s => s.Min(c => Math.Min(c.Metrics[MetricKeys.MinorityCount],
                    c.Metrics[MetricKeys.MajorityCount]))).ToArray();
                int under = fewest.Count(f => f < min);
                return under == 0 ? null : string.Create(CultureInfo.InvariantCulture,
                    $"experiment '{g.Key.Experiment}', dataset '{g.Key.Dataset}': a group has fewer than {min} test " +
                        $"rows in {under} of {fewest.Length} seeds (as few as {fewest.Min():0}); its rates, and " +
                        $"EqOd, are noisy");
            }).OfType<string>();
        var undefined = all.Where(c => double.IsNaN(c.Metrics.GetValueOrDefault(MetricKeys.EqOd, double.NaN)))
            .GroupBy(c => (c.Experiment, c.Dataset))
            .OrderBy(g => g.Key.Experiment, StringComparer.Ordinal).ThenBy(g => g.Key.Dataset, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"experiment '{g.Key.Experiment}', dataset '{g.Key.Dataset}': EqOd is undefined in {g.Count()} cells " +
                    $"(a test group without positive or negative rows); tables leave them out of the seed means"));
        var withFlips = all.Where(c => c.Flips > 0).CountBy(c => (c.Experiment, c.Dataset, c.Method)).ToDictionary();
        var ties = all.Where(c => c.Flips > 0 && c.Metrics.GetValueOrDefault(MetricKeys.TieFlips) > 0)
            .GroupBy(c => (c.Experiment, c.Dataset, c.Method))
            .OrderBy(g => g.Key.Experiment, StringComparer.Ordinal).ThenBy(g => g.Key.Dataset,
                StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal)
            .Select(g =>
            {
                double share = g.Sum(c => c.Metrics[MetricKeys.TieFlips]) / g.Sum(c => (double)c.Flips);
                string tieRule = g.First().Config?.Strategy?.TieRule is { } rule ? $"the tie rule ({rule})" :
                    "the tie rule";
                return string.Create(CultureInfo.InvariantCulture,
                    $"experiment '{g.Key.Experiment}', dataset '{g.Key.Dataset}', {g.Key.Method}: in {g.Count()} of " +
                        $"{withFlips[g.Key]} cells with flips, some flips were chosen among members with tied scores " +
                        $"by {tieRule}, not by score ({share * 100:0}% of those cells' flips); their results depend " +
                        $"on the tie-breaking");
            });
        var emptyPools = all.Where(c => c.ScoringRule == PoolScores.EmptyPool)
            .GroupBy(c => (c.Experiment, c.Dataset))
            .OrderBy(g => g.Key.Experiment, StringComparer.Ordinal).ThenBy(g => g.Key.Dataset, StringComparer.Ordinal)
            .Select(g =>
            {
                var places = g.Select(c => (c.Seed, c.Alpha, c.Members)).Distinct().Order().ToArray();
                string shown = string.Join("; ", places.Take(EmptyPoolPlacesShown).Select(p
                    => string.Create(CultureInfo.InvariantCulture,
                        $"seed {p.Seed} at alpha {p.Alpha:0.###} ({p.Members} member{(p.Members == 1 ? "" : "s")})")));
                string more = places.Length > EmptyPoolPlacesShown
                    ? $"; and {places.Length - EmptyPoolPlacesShown} more"
                    : "";
                return string.Create(CultureInfo.InvariantCulture,
                    $"experiment '{g.Key.Experiment}', dataset '{g.Key.Dataset}': in {g.Count()} cells the " +
                        $"collective's members are all labelled 1, so nothing was relabelled and each is the base " +
                        $"firm with no flip: {shown}{more}");
            });
        return small.Concat(undefined).Concat(ties).Concat(emptyPools).ToArray();
    }
}
