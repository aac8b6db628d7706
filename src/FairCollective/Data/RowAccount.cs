using System.Globalization;

namespace FairCollective.Data;

/// <summary>
/// What loading a file through a dataset spec did with its rows: how many it read, how many the missing policy
/// dropped (<c>missing.policy: drop-row</c>, the default), and why: per column, the rows a missing value in that
/// column dropped. A row missing several columns is one dropped row, counted under each of those columns, so the
/// per-column counts may add up to more than <see cref="Dropped"/>. Rows follow from the file's bytes and the spec,
/// which the dataset's identity hashes, so the account is shown and stored beside the identity, never part of a key.
/// </summary>
/// <param name="Read">Data rows read from the file (the header and blank lines are not rows).</param>
/// <param name="Dropped">Rows left out for a missing value in a column the dataset uses.</param>
/// <param name="ByColumn">Per column with a missing value on a dropped row: the rows it dropped; most first, then in
/// the file's order.</param>
public sealed record RowAccount(int Read, int Dropped, IReadOnlyList<ColumnDrops> ByColumn)
{
    /// <summary>
    /// Share of the rows read above which the drop is a warning (10%): beyond it the rows kept may differ from the
    /// population the file describes (rows missing a value are rarely missing at random), which the user must see
    /// where the results are read: <c>datasets describe</c>, <c>run</c>'s console and the report's warnings.
    /// </summary>
    public const double WarningShare = 0.10;

    /// <summary>
    /// Every dropped row: its line in the file, its id (the id column's value, else its row number from 0, as the ids
    /// of kept rows) and the columns missing on it. Kept in memory for those who list them (a collective's plan names
    /// the members it could not rank); the store keeps only the counts.
    /// </summary>
    public IReadOnlyList<DroppedRow> Rows { get; init; } = [];

    /// <summary>Rows the dataset holds.</summary>
    public int Kept => Read - Dropped;

    /// <summary>Share of the rows read that were dropped; 0 when none were read.</summary>
    public double DroppedShare => Read == 0 ? 0 : (double)Dropped / Read;

    /// <summary>Whether more than <see cref="WarningShare"/> of the rows read were dropped.</summary>
    public bool AboveWarningShare => DroppedShare > WarningShare;

    /// <summary>"7,425 rows read, 3,438 dropped (46.3%) for a missing value (income: 3,002, hours: 1,198), 3,987
    /// kept".</summary>
    public string Describe() => Dropped == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Read:N0} rows read, none dropped")
        : string.Create(CultureInfo.InvariantCulture,
            $"{Read:N0} rows read, {Dropped:N0} dropped ({DroppedShare:0.0%}) for a missing value ({Columns()}), " +
            $"{Kept:N0} kept");

    /// <summary>The warning for dataset <paramref name="dataset"/> when more than <see cref="WarningShare"/> of its
    /// rows were dropped; else null.</summary>
    public string? Warning(string dataset) => AboveWarningShare
        ? string.Create(CultureInfo.InvariantCulture,
            $"dataset '{dataset}': {Dropped:N0} of {Read:N0} rows ({DroppedShare:0.0%}) were dropped for a missing " +
                $"value ({Columns()}), more than {WarningShare:0%}; the rows kept may not represent the file's " +
                $"population (missing.policy: keep keeps rows with missing feature values; docs/dataset-spec.md)")
        : null;

    private string Columns() => string.Join(", ", ByColumn.Select(c => string.Create(CultureInfo.InvariantCulture,
        $"{c.Column}: {c.Rows:N0}")));
}

/// <summary>One row the missing policy dropped (<see cref="RowAccount.Rows"/>).</summary>
/// <param name="Line">Its line in the file (the header is line 1).</param>
/// <param name="Id">Its id: the id column's value (empty where that is missing), else its row number from 0.</param>
/// <param name="Columns">The columns missing on it, in the file's order.</param>
public sealed record DroppedRow(int Line, string Id, IReadOnlyList<string> Columns);

/// <summary>The rows a missing value in one column dropped (<see cref="RowAccount"/>).</summary>
/// <param name="Column">The column's name (a derived column by its own name).</param>
/// <param name="Rows">Dropped rows on which this column was missing.</param>
public sealed record ColumnDrops(string Column, int Rows);
