using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Content;

/// <summary>
/// One experiment's part of the report: its figure (null when the experiment is absent or cannot be drawn), the tables
/// behind it, and a note saying why something is missing.
/// </summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Heading">Section heading.</param>
/// <param name="Figure">The figure; null when absent or not drawable.</param>
/// <param name="Tables">Tables behind the figure.</param>
/// <param name="Note">Why something is missing; empty otherwise.</param>
public sealed record ReportSection(string Experiment, string Heading, Figure? Figure, IReadOnlyList<ReportTable> Tables, string Note = "")
{
    /// <summary>Whether the section has a figure or a table to show.</summary>
    public bool Present => Figure is not null || Tables.Count > 0;
}
