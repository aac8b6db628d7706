namespace FairCollective.Data;

/// <summary>
/// What a user wants to see of a dataset before running anything: size, features, label balance, and per
/// sensitive group the count and base rate P(y = 1 | group). Plain data, for the CLI to print as a table or JSON.
/// </summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Description">One-line description, if any.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Features">Each raw feature column: kind, missing values, levels.</param>
/// <param name="Positives">Rows with y = 1 (favourable).</param>
/// <param name="PositiveRate">Share of rows with y = 1, in [0, 1]; NaN when there are no rows.</param>
/// <param name="SensitiveName">Name of the sensitive attribute.</param>
/// <param name="MinorityGroups">Group labels that make up the minority (a = 1).</param>
/// <param name="Groups">Each observed group: rows, positives, base rate.</param>
/// <param name="MinorityShare">Share of rows in the minority, in [0, 1]; NaN when there are no rows.</param>
/// <param name="Splits">Rows per predefined split, or null when the source prescribes no split.</param>
/// <param name="RowsRead">Rows read from the file (<see cref="RowAccount.Read"/>); null when the source keeps no
/// account (presets, generated data).</param>
/// <param name="RowsDropped">Rows the missing policy dropped; null as <paramref name="RowsRead"/>.</param>
/// <param name="DroppedByColumn">Per column, the dropped rows it was missing on (a row counts under each of its missing
/// columns); null as <paramref name="RowsRead"/>.</param>
/// <param name="Warnings">What the user must know before using the data (more than
/// <see cref="RowAccount.WarningShare"/> of the rows dropped).</param>
public sealed record DatasetSummary(
    string Name,
    string? Description,
    int Rows,
    IReadOnlyList<FeatureSummary> Features,
    int Positives,
    double PositiveRate,
    string SensitiveName,
    IReadOnlyList<string> MinorityGroups,
    IReadOnlyList<GroupSummary> Groups,
    double MinorityShare,
    IReadOnlyList<SplitCount>? Splits,
    int? RowsRead = null,
    int? RowsDropped = null,
    IReadOnlyList<ColumnDrops>? DroppedByColumn = null,
    IReadOnlyList<string>? Warnings = null)
{
    /// <summary>Counts <paramref name="d"/>'s rows, labels, groups and missing values (rates are NaN for an empty
    /// dataset).</summary>
    public static DatasetSummary Describe(Dataset d)
    {
        int n = d.RowCount;
        var features = d.Features.Select(f => f.Kind == FeatureKind.Numeric
            ? new FeatureSummary(f.Name, f.Kind, f.Numbers!.Count(double.IsNaN), null)
            : new FeatureSummary(f.Name, f.Kind, f.Categories!.Count(c => c is null), f.Categories!.Where(c
                => c is not null).Distinct().Count())).ToArray();
        var s = d.Sensitive;
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        var positives = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string g = s.GroupOfRow[i];
            count[g] = count.GetValueOrDefault(g) + 1;
            positives[g] = positives.GetValueOrDefault(g) + d.Labels[i];
        }
        var groups = s.Groups.Select(g => new GroupSummary(g, s.MinorityGroups.Contains(g), count[g], positives[g],
            (double)positives[g] / count[g])).ToArray();
        int pos = d.Labels.Sum();
        int minority = s.Membership.MinorityCount;
        var splits = d.PredefinedSplit?.GroupBy(x => x ?? "(none)").Select(g => new SplitCount(g.Key,
            g.Count())).ToArray();
        var account = d.RowAccount;
        return new DatasetSummary(d.Name, d.Description, n, features, pos, n == 0 ? double.NaN : (double)pos / n,
            s.Name,
            s.MinorityGroups.ToArray(), groups, n == 0 ? double.NaN : (double)minority / n, splits,
            account?.Read, account?.Dropped, account?.ByColumn, account?.Warning(d.Name) is { } w ? [w] : []);
    }
}
