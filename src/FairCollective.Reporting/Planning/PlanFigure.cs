using FairCollective.Planning;
using FairCollective.Reporting.Figures;

namespace FairCollective.Reporting.Planning;

/// <summary>
/// The plan's figure: the predicted firm fairness metric and error against the flip budget, one line per strategy
/// (median over the replicates) with its predictive interval as a band, the firm without action and any target as
/// reference lines, and the recommended budget marked.
/// </summary>
public static class PlanFigure
{
    /// <summary>File stem of the figure.</summary>
    public const string Name = "plan-forecast";

    /// <summary>The figure of <paramref name="plan"/>.</summary>
    public static Figure Build(Plan plan)
    {
        var styles = SeriesStyle.For(plan.Strategies.Select(s => s.Strategy));
        var metricPanel = PlotLook.NewPanel($"Predicted {plan.MetricName}", "share of the pool that flips",
            $"{plan.MetricName} (0–1, {(plan.LowerIsFairer ? "lower" : "higher")} is fairer)");
        var errorPanel = PlotLook.NewPanel("Predicted error", "share of the pool that flips", "error rate (0–1)");
        foreach (var s in plan.Strategies)
        {
            var style = styles[s.Strategy];
            double[] xs = s.Budgets.Select(b => b.Share).ToArray();
            Draw(metricPanel, xs, s.Budgets.Select(b => b.Metric).ToArray(), style);
            Draw(errorPanel, xs, s.Budgets.Select(b => b.Error).ToArray(), style);
        }
        var none = plan.Recommended.Budgets[0];
        PlotLook.HorizontalReference(metricPanel, none.Metric.Median, SeriesStyle.Base, SeriesStyle.Base.Name);
        PlotLook.HorizontalReference(errorPanel, none.Error.Median, SeriesStyle.Base, SeriesStyle.Base.Name);
        if (plan.Target is { } target)
        {
            var line = metricPanel.Add.HorizontalLine(target.Target, 1.5f, ScottPlot.Colors.Black,
                ScottPlot.LinePattern.Dotted);
            line.LegendText = "target";
        }
        var chosen = plan.Recommended.BestBudget;
        var mark = metricPanel.Add.VerticalLine(chosen.Share, 1.5f, styles[plan.Recommended.Strategy].Color,
            ScottPlot.LinePattern.Dashed);
        mark.LegendText = $"recommended: {plan.Recommended.Strategy}, {chosen.Flips} flips";
        metricPanel.Axes.SetLimitsY(0, double.NaN);
        errorPanel.Axes.SetLimitsY(0, double.NaN);
        return new Figure(Name, $"Predicted firm after the collective's action ({plan.Members} members)",
            $"Median over {plan.Replicates} replicates of the surrogate firm (lines) and the {Percent(plan.Level)} " +
                "predictive interval (bands) against the share of the pool "
            + $"({plan.PoolSize} members with the unfavourable label) that flips, for each strategy; dash-dot: the " +
                "firm without action; dashed: the recommended budget"
            + (plan.Target is null ? "." : "; dotted: the target."),
            [metricPanel, errorPanel], 2).WithSharedLegend();
    }

    private static void Draw(ScottPlot.Plot plot, double[] xs, PredictiveInterval[] values, SeriesStyle style)
    {
        PlotLook.IntervalBandWhereFinite(plot, xs, values.Select(v => ((double, double)?)(v.Low, v.High)).ToArray(),
            style);
        PlotLook.Line(plot, xs, values.Select(v => v.Median).ToArray(), style);
    }

    private static string Percent(double level) => (level * 100).ToString("0.#",
        System.Globalization.CultureInfo.InvariantCulture) + "%";
}
