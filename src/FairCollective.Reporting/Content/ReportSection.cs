using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Content;

/// <summary>
/// One experiment's part of the report: its figures (every kind its grid supports; none when the experiment is absent
/// or its grid has nothing to draw), the tables behind them, and a note saying why something is missing.
/// </summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="Heading">Section heading.</param>
/// <param name="Figures">The figures, in display order; empty when absent or not drawable.</param>
/// <param name="Tables">Tables behind the figures.</param>
/// <param name="Note">Why something is missing; empty otherwise.</param>
/// <param name="Metric">The fairness metric the section shows (null: EqOd).</param>
public sealed record ReportSection(string Experiment, string Heading, IReadOnlyList<Figure> Figures,
    IReadOnlyList<ReportTable> Tables, string Note = "",
    Fairness.ShownMetric? Metric = null)
{
    /// <summary>Whether the section has a figure or a table to show.</summary>
    public bool Present => Figures.Count > 0 || Tables.Count > 0;
}
