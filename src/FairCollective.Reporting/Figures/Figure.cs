using ScottPlot;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// One figure of the report: one or more panels (ScottPlot plots) laid out on a grid of <see cref="Columns"/> columns,
/// each panel <see cref="PanelWidth"/> x <see cref="PanelHeight"/> pixels at scale 1.
/// </summary>
/// <param name="Name">File stem of the figure's files and its key in the report.</param>
/// <param name="Title">Heading shown above the figure.</param>
/// <param name="Caption">What the figure shows, in words (units and conventions included).</param>
/// <param name="Panels">The panels, laid out row by row.</param>
/// <param name="Columns">Panels per row, at least 1.</param>
/// <param name="PanelWidth">Width of each panel in pixels at scale 1.</param>
/// <param name="PanelHeight">Height of each panel in pixels at scale 1.</param>
/// <param name="Legend">One legend for the whole figure, drawn below the panels (whose own legends are hidden); null =
/// each panel keeps its own.</param>
public sealed record Figure(string Name, string Title, string Caption, IReadOnlyList<Plot> Panels, int Columns,
    int PanelWidth = Figure.DefaultPanelWidth, int PanelHeight = Figure.DefaultPanelHeight, IReadOnlyList<LegendItem>?
        Legend = null)
{
    /// <summary>Panel size at which fonts of <see cref="PlotLook"/> read well on a page and in a browser at
    /// 100%.</summary>
    public const int DefaultPanelWidth = 520;
    /// <summary>Default panel height in pixels at scale 1.</summary>
    public const int DefaultPanelHeight = 400;

    /// <summary>Panels per row when a figure has one panel per dataset.</summary>
    public const int MaxColumns = 2;

    /// <summary>Rows of panels in the grid.</summary>
    public int Rows => (Panels.Count + Columns - 1) / Columns;
    /// <summary>Width of the whole figure in pixels at scale 1.</summary>
    public int Width => Columns * PanelWidth;
    /// <summary>Height of the panels' grid in pixels at scale 1.</summary>
    public int PanelsHeight => Rows * PanelHeight;
    /// <summary>Height of the shared legend's strip below the panels in pixels at scale 1 (0 without a shared
    /// legend).</summary>
    public int LegendHeight => Legend is null ? 0 : SharedLegend.Height(Legend, Width);
    /// <summary>Height of the whole figure in pixels at scale 1: the panels and the shared legend below them.</summary>
    public int Height => PanelsHeight + LegendHeight;

    /// <summary>A figure with one panel per entry, at most <see cref="MaxColumns"/> a row.</summary>
    public static Figure Grid(string name, string title, string caption, IReadOnlyList<Plot> panels) =>
        new(name, title, caption, panels, Math.Min(MaxColumns, Math.Max(1, panels.Count)));

    /// <summary>
    /// The figure with one legend for all its panels: every entry of every panel once (by label, first drawn first),
    /// below the grid; the panels' own legends are hidden. Series of the same name must be styled alike across panels.
    /// </summary>
    public Figure WithSharedLegend() => this with { Legend = SharedLegend.Collect(Panels) };
}
