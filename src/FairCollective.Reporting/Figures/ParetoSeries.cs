using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using ScottPlot;

namespace FairCollective.Reporting.Figures;

/// <summary>Draws one method's trade-off: all its points faded, and its Pareto front as a staircase with
/// markers.</summary>
public static class ParetoSeries
{
    /// <summary>Draws the points of one method on <paramref name="plot"/> and returns its Pareto front (non-finite
    /// points left out).</summary>
    public static IReadOnlyList<TradeOffPoint> Draw(Plot plot, IReadOnlyList<TradeOffPoint> points, SeriesStyle style,
        string legend)
    {
        var valid = points.Where(p => double.IsFinite(p.Error) && double.IsFinite(p.EqOd)).ToArray();
        if (valid.Length == 0) return [];
        var cloud = plot.Add.ScatterPoints(valid.Select(p => p.Error).ToArray(), valid.Select(p => p.EqOd).ToArray(),
            style.Color.WithAlpha(PlotLook.FadedAlpha));
        cloud.MarkerShape = style.Marker;
        cloud.MarkerSize = PlotLook.MarkerSize * 0.7f;
        var front = ParetoFront.Of(valid);
        var line = PlotLook.Line(plot, front.Select(p => p.Error).ToArray(), front.Select(p => p.EqOd).ToArray(), style,
            legend);
        // Horizontal-then-vertical steps: between two front points the better EqOd is only reached at the higher error.
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        return front;
    }

    /// <summary>
    /// The test-row intervals of the front's points as crossed error bars (error horizontally, the metric vertically),
    /// in the series' colour; points without finite intervals on both axes are skipped.
    /// </summary>
    public static void Intervals(Plot plot, IReadOnlyList<TradeOffPoint> front, IReadOnlyList<SeedMeanPoint> points,
        ShownMetric metric, SeriesStyle style)
    {
        var bars = front.Select(f => points.FirstOrDefault(p => p.TradeOffOf(metric) == f))
            .Where(p => p is not null && p.ErrorInterval is { } e && p.UnfairnessInterval(metric) is { } u
                        && double.IsFinite(e.Low) && double.IsFinite(e.High) && double.IsFinite(u.Low)
                            && double.IsFinite(u.High))
            .Select(p => (X: p!.TradeOffOf(metric).Error, Y: p.TradeOffOf(metric).EqOd, E: p.ErrorInterval!.Value,
                U: p.UnfairnessInterval(metric)!.Value))
            .ToArray();
        if (bars.Length == 0) return;
        var e = plot.Add.ErrorBar(bars.Select(b => b.X).ToArray(), bars.Select(b => b.Y).ToArray(), bars.Select(_
            => 0.0).ToArray());
        // The intervals need not be symmetric around the seed mean: each side set on its own.
        e.YErrorNegative = bars.Select(b => Math.Max(0, b.Y - b.U.Low)).ToArray();
        e.YErrorPositive = bars.Select(b => Math.Max(0, b.U.High - b.Y)).ToArray();
        e.XErrorNegative = bars.Select(b => Math.Max(0, b.X - b.E.Low)).ToArray();
        e.XErrorPositive = bars.Select(b => Math.Max(0, b.E.High - b.X)).ToArray();
        e.Color = style.Color.WithAlpha(PlotLook.IntervalBarAlpha);
        e.LineWidth = PlotLook.IntervalBarWidth;
    }

    /// <summary>One emphasised point (the base model) with a legend entry.</summary>
    public static void Point(Plot plot, double error, double eqod, SeriesStyle style, string legend)
    {
        var m = plot.Add.Marker(error, eqod, style.Marker, PlotLook.MarkerSize * 1.8f, style.Color);
        m.LegendText = legend;
    }
}
