using FairCollective.Experiments.Summaries;
using ScottPlot;

namespace FairCollective.Reporting.Figures;

/// <summary>Draws one method's trade-off: all its points faded, and its Pareto front as a staircase with markers.</summary>
public static class ParetoSeries
{
    /// <summary>Draws the points of one method on <paramref name="plot"/> and returns its Pareto front (non-finite points left out).</summary>
    public static IReadOnlyList<TradeOffPoint> Draw(Plot plot, IReadOnlyList<TradeOffPoint> points, SeriesStyle style, string legend)
    {
        var valid = points.Where(p => double.IsFinite(p.Error) && double.IsFinite(p.EqOd)).ToArray();
        if (valid.Length == 0) return [];
        var cloud = plot.Add.ScatterPoints(valid.Select(p => p.Error).ToArray(), valid.Select(p => p.EqOd).ToArray(), style.Color.WithAlpha(PlotLook.FadedAlpha));
        cloud.MarkerShape = style.Marker;
        cloud.MarkerSize = PlotLook.MarkerSize * 0.7f;
        var front = ParetoFront.Of(valid);
        var line = PlotLook.Line(plot, front.Select(p => p.Error).ToArray(), front.Select(p => p.EqOd).ToArray(), style, legend);
        // Horizontal-then-vertical steps: between two front points the better EqOd is only reached at the higher error.
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        return front;
    }

    /// <summary>One emphasised point (the base model) with a legend entry.</summary>
    public static void Point(Plot plot, double error, double eqod, SeriesStyle style, string legend)
    {
        var m = plot.Add.Marker(error, eqod, style.Marker, PlotLook.MarkerSize * 1.8f, style.Color);
        m.LegendText = legend;
    }
}
