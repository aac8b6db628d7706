using FairCollective.Fairness;
using FairCollective.Reporting.Figures;

namespace FairCollective.Tests.Reporting;

/// <summary>Figure file names say which metric they draw; long axis labels are set on two lines instead of being
/// clipped.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public sealed class FigureNamingTests
{
    [Fact]
    public void AFigureOfAnotherMetricThanEqOdIsNamedAfterIt()
    {
        var dp = ShownMetric.Of(MetricKeys.DemographicParity);
        // EqOd keeps the names every earlier report used.
        Assert.Equal("collective-size", FigureNaming.FileName("collective-size", "collective-size",
            BestByAlphaFigure.Slug));
        Assert.Equal("my-study-eqod-by-alpha", FigureNaming.FileName("my-study", "collective-size",
            BestByAlphaFigure.Slug, ShownMetric.EqOd));
        // Another metric: never 'eqod' in the name, never the same name as the EqOd figure.
        Assert.Equal("collective-size-dem_parity", FigureNaming.FileName("collective-size", "collective-size",
            BestByAlphaFigure.Slug, dp));
        Assert.Equal("my-study-dem_parity-by-alpha", FigureNaming.FileName("my-study", "collective-size",
            BestByAlphaFigure.Slug, dp));
        Assert.Equal("my-study-pareto-fronts-dem_parity", FigureNaming.FileName("my-study", "firm-side",
            ParetoFrontsFigure.Slug, dp));
    }

    [Fact]
    public void ALongAxisLabelIsBrokenNearItsMiddle()
    {
        Assert.Equal("test error rate (0–1)", AxisLabels.Fit(AxisLabels.Error));
        var label = AxisLabels.Best(ShownMetric.Of(MetricKeys.DemographicParity));
        Assert.Equal("best DemographicParityDifference over budgets (0–1, lower is fairer)", label);
        var lines = AxisLabels.Fit(label).Split('\n');
        Assert.Equal(["best DemographicParityDifference", "over budgets (0–1, lower is fairer)"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= AxisLabels.MaxLineLength));
    }

    [Fact]
    public void ALongPanelTitleIsSetOnLinesThatFitThePanel()
    {
        Assert.Equal("compas (logistic): its error cost", PlotLook.FitTitle("compas (logistic): its error cost"));
        const string title = "compas (nearest-centroid+centroid-margin(margin=1)): its error cost";
        var lines = PlotLook.FitTitle(title).Split('\n');
        Assert.Equal(["compas (nearest-centroid+centroid-margin", "(margin=1)): its error cost"], lines);
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(PlotLook.FontName);
        using var font = new SkiaSharp.SKFont(typeface, PlotLook.TitleSize);
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= PlotLook.MaxTitleWidth,
            $"'{l}' is {font.MeasureText(l)} px wide"));
        Assert.True(font.MeasureText(title) > PlotLook.MaxTitleWidth);
        // A name with no break inside keeps its own line rather than being cut.
        var unbroken = PlotLook.FitTitle("dataset " + new string('x', 80));
        Assert.Equal(["dataset", new string('x', 80)], unbroken.Split('\n'));
    }
}
