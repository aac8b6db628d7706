using ScottPlot;

namespace FairCollective.Reporting.Figures;

/// <summary>The shared look of every panel: font sizes that read at the report's display size, legend below the
/// data.</summary>
public static class PlotLook
{
    /// <summary>Font size of panel titles.</summary>
    public const float TitleSize = 18;
    /// <summary>Font size of axis labels.</summary>
    public const float AxisLabelSize = 17;
    /// <summary>Font size of tick labels.</summary>
    public const float TickLabelSize = 15;
    /// <summary>Font size of legend entries.</summary>
    public const float LegendFontSize = 15;

    /// <summary>Length of the line sample in a legend entry: long enough to show a dash or dot pattern.</summary>
    public const float LegendSymbolWidth = 44;
    /// <summary>Width of series lines.</summary>
    public const float LineWidth = 2;
    /// <summary>Size of series markers.</summary>
    public const float MarkerSize = 9;

    /// <summary>Opacity of the points behind a Pareto front and of seed-spread bands.</summary>
    public const double FadedAlpha = 0.3;

    /// <summary>Opacity of the interval bars on Pareto front points: light, so a front of many points stays
    /// readable.</summary>
    public const double IntervalBarAlpha = 0.45;
    /// <summary>Width of the interval bars on Pareto front points.</summary>
    public const float IntervalBarWidth = 1;

    /// <summary>Opacity of interval bands around a line.</summary>
    public const double BandAlpha = 0.15;

    /// <summary>A sans-serif face that is on Debian/Ubuntu machines and CI images; ScottPlot's own sans face
    /// otherwise.</summary>
    public static string FontName { get; } =
        SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains(PreferredFont,
            StringComparer.Ordinal) ? PreferredFont : Fonts.Sans;

    /// <summary>The font face used when installed.</summary>
    public const string PreferredFont = "DejaVu Sans";

    /// <summary>Widest a line of a panel title may be, in pixels at scale 1: the panel's width less a margin each
    /// side.</summary>
    public const float MaxTitleWidth = Figure.DefaultPanelWidth - 30;

    /// <summary>An empty panel with the shared fonts, the given title (on as many lines as it needs to fit the panel,
    /// <see cref="FitTitle"/>) and axis labels.</summary>
    public static Plot NewPanel(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(FitTitle(title), TitleSize);
        plot.XLabel(xLabel, AxisLabelSize);
        plot.YLabel(AxisLabels.Fit(yLabel), AxisLabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickLabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickLabelSize;
        return plot;
    }

    /// <summary>
    /// <paramref name="title"/> broken into lines no wider than <see cref="MaxTitleWidth"/> as drawn (measured in the
    /// panels' font), so a long dataset, learner or defence name never runs into the next panel: lines break after a
    /// space or a '+' and before a '(' (a token wider than a line keeps its own line).
    /// </summary>
    public static string FitTitle(string title)
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(FontName);
        using var font = new SkiaSharp.SKFont(typeface, TitleSize);
        if (font.MeasureText(title) <= MaxTitleWidth) return title;
        var pieces = new List<string>();
        int start = 0;
        for (int i = 0; i < title.Length; i++)
            if (title[i] is ' ' or '+' || (title[i] == '(' && i > start))
            {
                int end = title[i] == '(' ? i : i + 1;
                pieces.Add(title[start..end]);
                start = end;
            }
        pieces.Add(title[start..]);
        var lines = new List<string>();
        string line = "";
        foreach (var piece in pieces)
        {
            if (line.Length > 0 && font.MeasureText((line + piece).TrimEnd()) > MaxTitleWidth)
            {
                lines.Add(line.TrimEnd());
                line = "";
            }
            line += piece;
        }
        lines.Add(line.TrimEnd());
        return string.Join('\n', lines);
    }

    /// <summary>Legend right of the data area, one entry a row: for figures with many series.</summary>
    public static void LegendRight(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = LegendFontSize;
        plot.Legend.Orientation = Orientation.Vertical;
        plot.Legend.SymbolWidth = LegendSymbolWidth;
    }

    /// <summary>Legend below the data area (never covering points), items side by side.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = LegendFontSize;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.SymbolWidth = LegendSymbolWidth;
    }

    /// <summary>A line with markers in the series' style.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, SeriesStyle style,
        string? legend = null)
    {
        var s = plot.Add.Scatter(xs, ys, style.Color);
        s.LineWidth = LineWidth;
        s.LinePattern = style.Pattern;
        s.MarkerShape = style.Marker;
        s.MarkerSize = MarkerSize;
        s.LegendText = legend ?? style.Name;
        return s;
    }

    /// <summary>Vertical error bars of +/- one seed standard deviation, in the series' colour, without a legend
    /// entry.</summary>
    public static void ErrorBars(Plot plot, double[] xs, double[] ys, double[] std, SeriesStyle style)
    {
        var e = plot.Add.ErrorBar(xs, ys, std.Select(v => double.IsFinite(v) ? v : 0).ToArray());
        e.Color = style.Color;
        e.LineWidth = 1.5f;
    }

    /// <summary>A translucent band between <paramref name="lows"/> and <paramref name="highs"/> (an interval per point;
    /// no legend entry).</summary>
    public static void IntervalBand(Plot plot, double[] xs, double[] lows, double[] highs, SeriesStyle style)
    {
        var band = plot.Add.FillY(xs, lows, highs);
        band.FillColor = style.Color.WithAlpha(BandAlpha);
        band.LineWidth = 0;
    }

    /// <summary>An <see cref="IntervalBand"/> only when the line has two points and every one a finite interval: a band
    /// with holes would read as a narrow one.</summary>
    public static void IntervalBandWhereFinite(Plot plot, double[] xs, (double Low, double High)?[] intervals,
        SeriesStyle style)
    {
        if (xs.Length > 1 && intervals.All(i => i is { } v && double.IsFinite(v.Low) && double.IsFinite(v.High)))
            IntervalBand(plot, xs, intervals.Select(i => i!.Value.Low).ToArray(), intervals.Select(i
                => i!.Value.High).ToArray(), style);
    }

    /// <summary>A horizontal reference line (the base model) with a legend entry.</summary>
    public static void HorizontalReference(Plot plot, double y, SeriesStyle style, string legend)
    {
        var line = plot.Add.HorizontalLine(y, LineWidth, style.Color, style.Pattern);
        line.LegendText = legend;
    }

    /// <summary>A message in an empty panel, so a reader sees why it is blank rather than an empty frame.</summary>
    public static void NoData(Plot plot, string message)
    {
        var t = plot.Add.Text(message, 0.5, 0.5);
        t.LabelFontSize = AxisLabelSize;
        t.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(0, 1, 0, 1);
    }
}
