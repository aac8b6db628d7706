namespace FairCollective.Reporting.Tables;

/// <summary>A table of the report: written both as HTML and as Markdown, so the two outputs cannot disagree.</summary>
/// <param name="Title">Table heading.</param>
/// <param name="Note">Conventions and units of the numbers.</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Cells as text, one list per row, as many as headers.</param>
public sealed record ReportTable(string Title, string Note, IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows);
