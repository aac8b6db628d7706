using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Content;

/// <summary>
/// One experiment's part of the report: its figure (null when the experiment is absent or cannot be drawn), the tables
/// behind it, and a note saying why something is missing.
/// </summary>
public sealed record ReportSection(string Experiment, string Heading, Figure? Figure, IReadOnlyList<ReportTable> Tables, string Note = "")
{
    public bool Present => Figure is not null || Tables.Count > 0;
}
