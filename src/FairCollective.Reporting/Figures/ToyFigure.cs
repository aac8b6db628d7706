using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Reporting.Tables;
using ScottPlot;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>
/// Figure 1 of the paper: the 2-D toy data (group by marker shape, label by fill, flipped points ringed) with the
/// logistic-regression boundary before (dashed) and after (solid) the collective acts, and bars of error and EqOd
/// before and after.
/// </summary>
public static class ToyFigure
{
    /// <summary>Name of the experiment the toy figure belongs to.</summary>
    public const string Experiment = Experiments.Reproduction.PaperExperiments.Toy;
    /// <summary>File stem of the figure's PNG and SVG.</summary>
    public const string FileName = "toy";

    /// <summary>Share of the data range added around the points so markers do not touch the frame.</summary>
    public const double Margin = 0.08;

    /// <summary>Taller than the default panel: the scatter's legend below has seven entries.</summary>
    public const int PanelHeight = 460;

    private static readonly Color Positive = Color.FromHex("#0072B2");
    private static readonly Color Negative = Color.FromHex("#E69F00");
    private static readonly Color FlipRing = Color.FromHex("#D55E00");
    private static readonly Color BeforeColor = Color.FromHex("#7F7F7F");
    private static readonly Color AfterColor = Color.FromHex("#000000");

    /// <summary>The two-panel toy figure: the data with both boundaries, and error and EqOd before and after.</summary>
    /// <exception cref="FairCollective.Common.UserInputException">The data cannot be drawn (see
    /// <see cref="ToyFigureData.Validate"/>).</exception>
    public static Figure Build(ToyFigureData data)
    {
        data.Validate();
        return new Figure(FileName, "Toy example: the decision boundary before and after the collective acts",
            "Left: 2-D synthetic training data (circles: majority, triangles: minority; filled: label 1, open: label " +
                "0; ringed: "
            + "minority members the collective relabelled 0 → 1) with the logistic-regression boundary before " +
                "(dashed) and after (solid). "
            + "Right: error and EqOd before and after, measured on the same points the firm was trained on: the " +
                "evaluation of the paper's "
            + "published figure (which reports 6 flips taking EqOd 0.13 → 0.03 at error 0.15 → 0.15). The toy " +
                "experiment's cells below are measured on a held-out test split instead.", [Scatter(data),
                Bars(data)], Columns: 2, PanelHeight: PanelHeight);
    }

    private static Plot Scatter(ToyFigureData d)
    {
        var plot =
            PlotLook.NewPanel($"Data and the minority's boundary ({d.Points.Count(p => p.Flipped)} labels flipped)",
            AxisLabels.Feature1, AxisLabels.Feature2);
        foreach (var (minority, label, shape, legend) in new[]
                 {
                     (false, 1, MarkerShape.FilledCircle, "majority, y = 1"), (false, 0, MarkerShape.OpenCircle,
                         "majority, y = 0"),
                     (true, 1, MarkerShape.FilledTriangleUp, "minority, y = 1"), (true, 0, MarkerShape.OpenTriangleUp,
                         "minority, y = 0"),
                 })
        {
            var pts = d.Points.Where(p => p.IsMinority == minority && p.Label == label).ToArray();
            if (pts.Length == 0) continue;
            var s = plot.Add.ScatterPoints(pts.Select(p => p.X1).ToArray(), pts.Select(p => p.X2).ToArray(),
                label == 1 ? Positive : Negative);
            s.MarkerShape = shape;
            s.MarkerSize = PlotLook.MarkerSize;
            s.LegendText = legend;
        }
        var flipped = d.Points.Where(p => p.Flipped).ToArray();
        if (flipped.Length > 0)
        {
            var ring = plot.Add.ScatterPoints(flipped.Select(p => p.X1).ToArray(), flipped.Select(p => p.X2).ToArray(),
                FlipRing);
            ring.MarkerShape = MarkerShape.OpenCircle;
            ring.MarkerSize = PlotLook.MarkerSize * 2.2f;
            ring.MarkerLineWidth = 2;
            ring.LegendText = "flipped 0 → 1";
        }
        var limits = Limits(d.Points);
        AddBoundary(plot, d.Before, limits, BeforeColor, LinePattern.Dashed, "boundary before");
        AddBoundary(plot, d.After, limits, AfterColor, LinePattern.Solid, "boundary after");
        plot.Axes.SetLimits(limits);
        PlotLook.LegendBelow(plot);
        return plot;
    }

    private static AxisLimits Limits(IReadOnlyList<ToyPoint> points)
    {
        double x0 = points.Min(p => p.X1), x1 = points.Max(p => p.X1), y0 = points.Min(p => p.X2), y1 = points.Max(p
            => p.X2);
        double mx = Math.Max(x1 - x0, 1e-9) * Margin, my = Math.Max(y1 - y0, 1e-9) * Margin;
        return new AxisLimits(x0 - mx, x1 + mx, y0 - my, y1 + my);
    }

    /// <summary>The boundary clipped to the visible area: solved for x2 unless it is (nearly) vertical, then for
    /// x1.</summary>
    private static void AddBoundary(Plot plot, LinearBoundary b, AxisLimits box, Color color, LinePattern pattern,
        string legend)
    {
        var line = Math.Abs(b.W2) >= Math.Abs(b.W1)
            ? plot.Add.Line(box.Left, -(b.W1 * box.Left + b.B) / b.W2, box.Right, -(b.W1 * box.Right + b.B) / b.W2)
            : plot.Add.Line(-(b.W2 * box.Bottom + b.B) / b.W1, box.Bottom, -(b.W2 * box.Top + b.B) / b.W1, box.Top);
        line.LineColor = color;
        line.LineWidth = PlotLook.LineWidth + 1;
        line.LinePattern = pattern;
        line.LegendText = legend;
    }

    private static Plot Bars(ToyFigureData d)
    {
        var plot = PlotLook.NewPanel("Error and EqOd on these points", "", "value (0–1)");
        var bars = new List<Bar>();
        foreach (var (i, name, before, after) in new[] { (0, "error", d.ErrorBefore, d.ErrorAfter), (1, "EqOd",
            d.EqOdBefore, d.EqOdAfter) })
        {
            // Before: light fill with hatching; after: dark solid fill -- distinguishable in greyscale.
            bars.Add(new Bar
            {
                Position = i * 3, Value = before, FillColor = BeforeColor.Lighten(0.5),
                FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = BeforeColor, Label = Number(before,
                "0.00"), LineColor = AfterColor, LineWidth = 1
            });
            bars.Add(new Bar
            {
                Position = i * 3 + 1, Value = after, FillColor = AfterColor.Lighten(0.25),
                Label = Number(after, "0.00"), LineColor = AfterColor, LineWidth = 1
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = PlotLook.LegendFontSize;
        plot.Axes.Bottom.SetTicks([0.5, 3.5], ["error", "EqOd"]);
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "before", FillColor = BeforeColor.Lighten(0.5),
            FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = BeforeColor, OutlineColor = AfterColor
        });
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "after", FillColor = AfterColor.Lighten(0.25),
            OutlineColor = AfterColor
        });
        double top = Math.Max(Math.Max(d.ErrorBefore, d.ErrorAfter), Math.Max(d.EqOdBefore, d.EqOdAfter));
        plot.Axes.SetLimits(-1, 5, 0, Math.Max(top * 1.25, 0.05));
        PlotLook.LegendBelow(plot);
        return plot;
    }

    /// <summary>The numbers behind the bars, and the toy experiment's stored cells when there are any.</summary>
    public static IReadOnlyList<ReportTable> Tables(ToyFigureData? data, IReadOnlyList<CellRecord> cells)
    {
        var tables = new List<ReportTable>();
        if (data is not null)
            tables.Add(new ReportTable("Toy example: before and after",
                "Error and EqOd of the logistic-regression firm on the points it was trained on (all of them; the " +
                "figure's evaluation, as published).",
                ["quantity", "before", "after"],
            [
                ["error", Number(data.ErrorBefore, "0.0000"), Number(data.ErrorAfter, "0.0000")],
                ["EqOd", Number(data.EqOdBefore, "0.0000"), Number(data.EqOdAfter, "0.0000")],
                ["points (minority)", Count(data.Points.Count) + " (" + Count(data.Points.Count(p
                    => p.IsMinority)) + ")", ""],
                ["flips", "", Count(data.Points.Count(p => p.Flipped))],
                ["boundary (w1, w2, b)", Boundary(data.Before), Boundary(data.After)],
            ]));
        var own = Panels.OfExperiment(cells, Experiment);
        if (own.Count > 0)
            tables.Add(new ReportTable("Toy experiment cells",
                "Measured on a held-out test split " +
                $"({Number(Experiments.Specs.SpecDefaults.TestFraction * 100, "0")}% of the points; the firm trains " +
                "on the rest), so these numbers differ from the figure's, which are read on the training points. " +
                "Seed means ± sample standard deviation over seeds.",
                ["dataset", "method", "α", "budget", "mean flips", "EqOd", "error"],
                SeedMeanPoint.Of(own).Select(p => (IReadOnlyList<string>)[p.Dataset, p.Method, Number(p.Alpha),
                    p.Budget, Number(p.MeanFlips, "0.#"), MeanStd(p.EqOd), MeanStd(p.Error)]).ToArray()));
        return tables;
    }

    private static string Boundary(LinearBoundary b) =>
        string.Create(CultureInfo.InvariantCulture, $"({b.W1:0.###}, {b.W2:0.###}, {b.B:0.###})");
}
