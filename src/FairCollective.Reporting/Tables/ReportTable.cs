namespace FairCollective.Reporting.Tables;

/// <summary>A table of the report: written both as HTML and as Markdown, so the two outputs cannot disagree.</summary>
public sealed record ReportTable(string Title, string Note, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
