using ScottPlot;
using SkiaSharp;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// One legend for a multi-panel figure, drawn in a strip below the panels: entries side by side in aligned columns,
/// wrapped to the figure's width. Its height is measured from the entries' text, so no entry is cut off.
/// </summary>
public static class SharedLegend
{
    /// <summary>Pixels (scale 1) above and below the entries, and around the legend's box.</summary>
    private const int Margin = 14;
    /// <summary>Pixels (scale 1) between the symbol and the text, and around each entry.</summary>
    private const int ItemPadding = 6;
    /// <summary>Height (scale 1) of one row of entries, as a multiple of the font size.</summary>
    private const float RowHeightFactor = 1.75f;

    /// <summary>Every legend entry of <paramref name="panels"/>, each label once in the order first drawn; hides the
    /// panels' own legends.</summary>
    public static IReadOnlyList<LegendItem> Collect(IEnumerable<Plot> panels)
    {
        var items = new List<LegendItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plot in panels)
        {
            foreach (var item in plot.GetPlottables().Where(p => p.IsVisible).SelectMany(p
                => p.LegendItems).Concat(plot.Legend.ManualItems))
                if (!string.IsNullOrEmpty(item.LabelText) && seen.Add(item.LabelText)) items.Add(item);
            plot.HideLegend();
        }
        return items;
    }

    /// <summary>Entries per row when the legend is <paramref name="width"/> pixels wide (scale 1).</summary>
    public static int Columns(IReadOnlyList<LegendItem> items, int width) =>
        items.Count == 0 ? 1 : Math.Clamp((int)((width - 2 * Margin - 2 * ItemPadding) / ItemWidth(items)), 1,
            items.Count);

    /// <summary>Height in pixels (scale 1) of the legend's strip at <paramref name="width"/>: rows of entries and
    /// margins.</summary>
    public static int Height(IReadOnlyList<LegendItem> items, int width)
    {
        if (items.Count == 0) return 0;
        int columns = Columns(items, width), rows = (items.Count + columns - 1) / columns;
        return (int)Math.Ceiling(2 * Margin + 2 * ItemPadding + rows * PlotLook.LegendFontSize * RowHeightFactor);
    }

    /// <summary>A frameless plot holding only the legend, to be rendered into the strip.</summary>
    public static Plot Plot(IReadOnlyList<LegendItem> items)
    {
        var plot = new Plot();
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.MiddleCenter;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = PlotLook.LegendFontSize;
        plot.Legend.FontName = PlotLook.FontName;
        plot.Legend.SymbolWidth = PlotLook.LegendSymbolWidth;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        return plot;
    }

    /// <summary>
    /// The legend's typeface, looked up once and never disposed. Skia's font manager hands out shared typefaces, and
    /// SkiaSharp one managed object per native one: disposing "ours" after measuring could free a typeface another
    /// thread (or the plotting library's cache) is drawing with, which is how a figure can die in native code.
    /// </summary>
    private static readonly SKTypeface Typeface = SKTypeface.FromFamilyName(PlotLook.FontName) ?? SKTypeface.Default;

    /// <summary>Width (scale 1) of the widest entry: symbol, padding and the longest label, measured in the legend's
    /// font.</summary>
    private static float ItemWidth(IReadOnlyList<LegendItem> items)
    {
        using var font = new SKFont(Typeface, PlotLook.LegendFontSize);
        float text = items.Max(i => font.MeasureText(i.LabelText));
        return PlotLook.LegendSymbolWidth + text + 4 * ItemPadding;
    }
}
