using System.Text;
using FairCollective.Common;
using ScottPlot;
using SkiaSharp;

namespace FairCollective.Reporting.Figures;

/// <summary>Renders a figure (all its panels on one grid) to PNG and SVG.</summary>
public static class FigureWriter
{
    /// <summary>PNG pixels per layout pixel: 2 gives print-quality rasters (about 200 dpi at the report's
    /// size).</summary>
    public const float PngScale = 2;

    /// <summary>
    /// One figure is drawn at a time in a process. The plotting libraries keep process-wide caches (typefaces, fonts)
    /// that are not safe to use from two threads at once: a test run drawing several reports in parallel died once in
    /// native Skia code (a segmentation fault in libSkiaSharp), and the warm-up can overlap a short run's report.
    /// Drawing is a small part of any run, so taking turns costs little.
    /// </summary>
    private static readonly Lock OneAtATime = new();

    /// <summary>
    /// Draws a small throwaway plot to PNG in memory, so the plotting libraries' one-time set-up (native Skia,
    /// typefaces, the PNG encoder, their code's first run) is done before the first figure is needed. A run that will
    /// write a report calls it on a spare core while it loads its data. Not SVG: Skia numbers an SVG's clip paths from
    /// a process-wide counter, so a throwaway SVG drawn at an unknown moment would change the report's SVG bytes. Best
    /// effort: a failure here is left for the real figure to report.
    /// </summary>
    public static void WarmUp()
    {
        try
        {
            using var turn = OneAtATime.EnterScope();
            var plot = new Plot();
            plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 0, 1 });
            plot.Title("warm-up");
            using var surface = SKSurface.Create(new SKImageInfo(64, 48));
            if (surface is null) return;
            plot.Render(surface.Canvas, 64, 48);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        }
        catch (Exception)
        {
            // Nothing depends on the warm-up; the report's own figures say what is wrong.
        }
    }

    /// <summary>Figure as PNG bytes, <see cref="PngScale"/> times the layout size.</summary>
    public static byte[] Png(Figure figure)
    {
        int w = (int)(figure.Width * PngScale), h = (int)(figure.Height * PngScale);
        using var turn = OneAtATime.EnterScope();
        using var surface = SKSurface.Create(new SKImageInfo(w, h))
            ?? throw new InvalidOperationException($"cannot allocate a {w} x {h} surface");
        surface.Canvas.Clear(SKColors.White);
        Render(figure, surface.Canvas, w, h, PngScale);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Figure as a standalone SVG document at the layout size.</summary>
    public static string Svg(Figure figure)
    {
        using var stream = new MemoryStream();
        using var turn = OneAtATime.EnterScope();
        using (new NativeStderrSilencer())
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, figure.Width, figure.Height), stream))
            Render(figure, canvas, figure.Width, figure.Height, 1);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes &lt;name&gt;.png and &lt;name&gt;.svg into the directory (created when missing), each atomically (see
    /// <see cref="AtomicFile"/>); returns both paths and the PNG bytes (which the HTML report embeds).
    /// </summary>
    /// <exception cref="UserInputException">A file cannot be written; the message names it.</exception>
    public static (string Png, string Svg, byte[] PngBytes) Save(Figure figure, string directory)
    {
        var png = Path.Combine(directory, figure.Name + ".png");
        var svg = Path.Combine(directory, figure.Name + ".svg");
        var pngBytes = Png(figure);
        AtomicFile.WriteAllBytes(png, pngBytes);
        AtomicFile.WriteAllText(svg, Svg(figure));
        return (png, svg, pngBytes);
    }

    /// <summary>
    /// Each panel is rendered into its own grid cell, translated and clipped on the canvas (ScottPlot's Multiplot drew
    /// only one panel onto a caller's canvas here).
    /// </summary>
    private static void Render(Figure figure, SKCanvas canvas, int width, int height, float scale)
    {
        if (figure.Panels.Count == 0) throw new InvalidOperationException($"figure '{figure.Name}' has no panels");
        float legendHeight = figure.LegendHeight * scale;
        float pw = (float)width / figure.Columns, ph = (height - legendHeight) / figure.Rows;
        for (int i = 0; i < figure.Panels.Count; i++)
            RenderAt(figure.Panels[i], canvas, i % figure.Columns * pw, i / figure.Columns * ph, pw, ph, scale);
        // The shared legend spans the whole width below the panels.
        if (figure.Legend is { Count: > 0 } items) RenderAt(SharedLegend.Plot(items), canvas, 0, height - legendHeight,
            width, legendHeight, scale);
    }

    private static void RenderAt(Plot plot, SKCanvas canvas, float x, float y, float w, float h, float scale)
    {
        plot.ScaleFactor = scale;
        canvas.Save();
        canvas.Translate(x, y);
        // A plot clears its canvas before drawing; the clip keeps it from wiping the panels drawn before it.
        canvas.ClipRect(new SKRect(0, 0, w, h));
        plot.Render(canvas, (int)w, (int)h);
        canvas.Restore();
    }
}
