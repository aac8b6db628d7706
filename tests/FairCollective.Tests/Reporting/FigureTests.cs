using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Figures;
using ScottPlot;

namespace FairCollective.Tests.Reporting;

[Trait(TestKind.Name, TestKind.Unit)]
public sealed class FigureTests
{
    private static CellRecord Cell(string method, int seed, double alpha, string budget, double eqod,
        double error = 0.3, string dataset = "d") => new()
        {
            Experiment = BestByAlphaFigure.Experiment, Dataset = dataset, Learner = "logistic", Method = method, Seed =
            seed, Alpha = alpha, Budget = budget,
            Flips = method == "Base" ? 0 : 1 + budget.Length,
            Metrics = new Dictionary<string, double> { [MetricKeys.EqOd] = eqod, [MetricKeys.Error] = error },
        };

    [Fact]
    public void EveryStrategyDiffersInColourMarkerAndLinePattern()
    {
        var styles = SeriesStyle.For(["RB-prob", "RB-label", "RB-dist", "Random", "Oracle", "FARE",
            "CalibratedEqOdds"]).Values.Append(SeriesStyle.Base).ToArray();
        Assert.Equal(styles.Length, styles.Select(s => s.Marker).Distinct().Count());
        Assert.Equal(styles.Length, styles.Select(s => s.Color).Distinct().Count());
        // Five line patterns exist; the paper's four strategies and the base line must all differ.
        var paper = styles.Where(s => s.Name is "RB-prob" or "RB-label" or "RB-dist" or "Random"
            || s == SeriesStyle.Base).ToArray();
        Assert.Equal(5, paper.Select(s => s.Pattern.Name).Distinct().Count());
        Assert.Equal(["RB-prob", "RB-label", "RB-dist", "Random", "Oracle", "CalibratedEqOdds", "FARE"],
            SeriesStyle.Sorted(["FARE", "Random", "Oracle", "CalibratedEqOdds", "RB-dist", "RB-label", "RB-prob"]));
    }

    [Fact]
    public void SeriesDrawnTogetherHaveClearlyDistinctColours()
    {
        // Every firm-side method beside the collective and the base point (the firm-side figure), and the strategies
        // with as many new methods as get their own style: no two colours closer than 60 in RGB (the closest,
        // RB-label's orange and the base line's vermillion, are 67 apart and differ in marker and line pattern too).
        var firmSide = SeriesStyle.For(FairCollective.Mitigation.FirmSide.FirmSideCatalog.All.Select(m
            => m.Name).Append(ParetoFrontsFigure.Collective)).Values;
        var strategies = SeriesStyle.For(["RB-prob", "RB-label", "RB-dist", "Random", "Oracle", .. Enumerable.Range(0,
            SeriesStyle.ExtraCount).Select(i => $"new-{i}")]).Values;
        foreach (var set in new[] { firmSide, strategies })
        {
            var colours = set.Append(SeriesStyle.Base).Select(s => s.Color).ToArray();
            double closest = colours.SelectMany((a, i) => colours.Skip(i + 1).Select(b => Math.Sqrt(Math.Pow(a.R - b.R,
                2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2)))).Min();
            Assert.True(closest > 60, $"two series colours are only {closest:0} apart");
        }
        Assert.Equal(FairCollective.Mitigation.FirmSide.FirmSideCatalog.All.Count + 1, firmSide.Count());
    }

    [Fact]
    public void CollectiveSizeDrawsBestBudgetMeansAndTheBaseLine()
    {
        // Two seeds; at alpha 0.1 budget "b" has the lower mean (0.06 vs 0.10), so the curve passes through 0.06.
        CellRecord[] cells =
        [
            Cell("RB-prob", 0, 0.1, "a", 0.09), Cell("RB-prob", 1, 0.1, "a", 0.11),
            Cell("RB-prob", 0, 0.1, "b", 0.05), Cell("RB-prob", 1, 0.1, "b", 0.07),
            Cell("RB-prob", 0, 0.2, "a", 0.03), Cell("RB-prob", 1, 0.2, "a", 0.03),
            Cell("Base", 0, 0, "", 0.20), Cell("Base", 1, 0, "", 0.22),
        ];
        var figure = BestByAlphaFigure.Build(cells);
        Assert.Equal(2, figure.Panels.Count);
        var panel = figure.Panels[0];
        var line = panel.GetPlottables<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "RB-prob"
            && s.Data is not null);
        var ys = line.Data!.GetScatterPoints().Select(p => p.Y).ToArray();
        Assert.Equal(0.06, ys[0], 12);
        Assert.Equal(0.03, ys[1], 12);
        var bars = panel.GetPlottables<ScottPlot.Plottables.ErrorBar>().Single();
        Assert.Equal(Math.Sqrt(2) * 0.01, bars.YErrorPositive![0], 12); // sample std of {0.05, 0.07}
        var baseLine = panel.GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single();
        Assert.Equal(0.21, baseLine.Y, 12);
        // Beside it the error cost: the error at the budget of the best EqOd, and the base model's error.
        var cost = figure.Panels[1].GetPlottables<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "RB-prob"
            && s.Data is not null);
        Assert.Equal([0.3, 0.3], cost.Data!.GetScatterPoints().Select(p => Math.Round(p.Y, 12)));
        Assert.Equal(0.3, figure.Panels[1].GetPlottables<ScottPlot.Plottables.HorizontalLine>().Single().Y, 12);
        // One legend for the figure: each series once, the panels' own legends hidden.
        Assert.Equal(["RB-prob", "Base (no action)"], figure.Legend!.Select(i => i.LabelText));
        Assert.All(figure.Panels, p => Assert.False(p.Legend.IsVisible));
        var table = BestByAlphaFigure.Tables(cells)[0];
        Assert.Equal(["d", "logistic", "all", "RB-prob", "0.1", "b", "2", "0.0600 ± 0.0141", "n/a", "0.3000 ± 0.0000",
            "n/a", "2"], table.Rows[0]);
    }

    [Fact]
    public void StoredTestRowIntervalsAreDrawnAsABandAroundTheBestEqOd()
    {
        // Each seed's TPR and FPR gaps are both its EqOd, with intervals of half-width 0.04 (alpha 0.1) or 0.03 (alpha
        // 0.2).
        CellRecord C(int seed, double alpha, double eqod, double half) => Cell("RB-prob", seed, alpha, "a", eqod) with
        {
            Metrics = new Dictionary<string, double>
            {
                [MetricKeys.EqOd] = eqod, [MetricKeys.Error] = 0.3, [MetricKeys.EqOdLow] = eqod - half,
                [MetricKeys.EqOdHigh] = eqod + half,
                [MetricKeys.TprGapSigned] = eqod, [MetricKeys.IntervalLow(MetricKeys.TprGapSigned)] = eqod - half,
                [MetricKeys.IntervalHigh(MetricKeys.TprGapSigned)] = eqod + half,
                [MetricKeys.FprGapSigned] = eqod, [MetricKeys.IntervalLow(MetricKeys.FprGapSigned)] = eqod - half,
                [MetricKeys.IntervalHigh(MetricKeys.FprGapSigned)] = eqod + half,
                [MetricKeys.ErrorLow] = 0.28 + seed * 0.01, [MetricKeys.ErrorHigh] = 0.32 + seed * 0.01,
            },
        };
        CellRecord[] cells = [C(0, 0.1, 0.10, 0.04), C(1, 0.1, 0.12, 0.04), C(0, 0.2, 0.04, 0.03), C(1, 0.2, 0.06,
            0.03)];
        // By hand (SeedStats.TestRowInterval): EqOd = max(|A|, |B|) with A = (dTPR + dFPR) / 2, B = (dTPR - dFPR) / 2.
        // Each seed's gap SE is half / z, so A's and B's are half / (z sqrt 2), and their two-seed means' half / (2z).
        // The lower end is A's mean minus z' times that (z' Bonferroni's for two parts, B's interval holds 0); the
        // upper end is the mean EqOd plus z sqrt(2 (half / (z sqrt 2))^2) / 2 = half / 2. Error, a smooth metric: 0.3 ±
        // 0.04 sqrt(2) / 4 at both.
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1,
            0.975), zParts = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - 0.05 / 4);
        double r2 = Math.Sqrt(2) / 4;
        var rows = ResultsSummary.BestByAlpha(cells);
        Assert.Equal(0.11 - zParts * 0.04 / (2 * z), rows[0].EqOdInterval!.Value.Low, 12);
        Assert.Equal(0.11 + 0.02, rows[0].EqOdInterval!.Value.High, 12);
        Assert.Equal(0.05 + 0.015, rows[1].EqOdInterval!.Value.High, 12);
        Assert.Equal(0.3 - 0.04 * r2, rows[0].ErrorInterval!.Value.Low, 12);
        var figure = BestByAlphaFigure.Build(cells);
        foreach (var (panel, bottom, top) in new[] { (figure.Panels[0], 0.05 - zParts * 0.03 / (2 * z), 0.13),
            (figure.Panels[1], 0.3 - 0.04 * r2, 0.3 + 0.04 * r2) })
        {
            var limits = Assert.Single(panel.GetPlottables<ScottPlot.Plottables.FillY>()).GetAxisLimits();
            Assert.Equal(bottom, limits.Bottom, 12);
            Assert.Equal(top, limits.Top, 12);
        }
        // Without stored intervals there is no band, only the seed-spread bars.
        Assert.Empty(BestByAlphaFigure.Build(cells.Select(c => Cell("RB-prob", c.Seed, c.Alpha, "a",
            c.Metrics[MetricKeys.EqOd])).ToArray())
            .Panels[0].GetPlottables<ScottPlot.Plottables.FillY>());
    }

    [Fact]
    public void ATestRowIntervalNeverLeavesTheMetricsRange()
    {
        // Two seeds of a TPR 0.99 stored with [0.97, 1.0]: mean ± sqrt(2) 0.015 / 2 would reach 1.0106; a rate cannot
        // pass 1.
        CellRecord Tpr(int seed) => Cell("RB-prob", seed, 0.1, "a", 0.01) with
        {
            Metrics = new Dictionary<string, double>
            {
                [MetricKeys.MinorityTruePositiveRate] = 0.99,
                [MetricKeys.IntervalLow(MetricKeys.MinorityTruePositiveRate)] = 0.97,
                [MetricKeys.IntervalHigh(MetricKeys.MinorityTruePositiveRate)] = 1.0,
            },
        };
        var (low, high) = SeedStats.TestRowInterval([Tpr(0), Tpr(1)], MetricKeys.MinorityTruePositiveRate)!.Value;
        Assert.Equal(0.99 - Math.Sqrt(2) * 0.015 / 2, low, 12);
        Assert.Equal(1, high);
        // One seed: its own interval.
        Assert.Equal((0.97, 1.0), SeedStats.TestRowInterval([Tpr(0)], MetricKeys.MinorityTruePositiveRate));
        Assert.Equal((-1.0, 1.0), MetricCatalog.Range(MetricKeys.TprGapSigned));
        Assert.Equal((0.0, double.PositiveInfinity), MetricCatalog.Range(MetricKeys.DisparateImpact));
        Assert.Null(MetricCatalog.Range(MetricKeys.CounterfactualSuccess));
    }

    [Fact]
    public void OnePanelPerDatasetInNameOrder()
    {
        CellRecord[] cells = [Cell("RB-prob", 0, 0.1, "a", 0.1, dataset: "compas"), Cell("RB-prob", 0, 0.1, "a", 0.1,
            dataset: "acs")];
        var figure = BestByAlphaFigure.Build(cells);
        Assert.Equal(4, figure.Panels.Count);
        Assert.Equal(2, figure.Columns);
        Assert.Equal(["acs", "acs: its error cost", "compas", "compas: its error cost"], figure.Panels.Select(p
            => p.Axes.Title.Label.Text));
        Assert.Equal("Collective size — best EqOd and its error cost against α on acs and compas", figure.Title);
    }

    [Fact]
    public void ParetoFrontPointsCarryTheirTestRowIntervalsOnBothAxes()
    {
        // One seed: the seed mean's interval is the cell's own (SeedStats.TestRowInterval): EqOd 0.05 in [0.02, 0.09],
        // error 0.31 in [0.28, 0.35].
        CellRecord F(string method, double? knob, double eqod, double error, double eLow, double eHigh, double rLow,
            double rHigh) =>
            Cell(method, 0, 0.2, "a", eqod, error) with
            {
                Experiment = ParetoFrontsFigure.Experiment,
                Knob = knob,
                Metrics = new Dictionary<string, double>
                {
                    [MetricKeys.EqOd] = eqod, [MetricKeys.Error] = error, [MetricKeys.EqOdLow] = eLow,
                    [MetricKeys.EqOdHigh] = eHigh,
                    [MetricKeys.ErrorLow] = rLow, [MetricKeys.ErrorHigh] = rHigh,
                },
            };
        CellRecord[] cells = [F("RB-label", null, 0.05, 0.31, 0.02, 0.09, 0.28, 0.35), F("FARE", 0.5, 0.01, 0.40, 0.0,
            0.03, 0.37, 0.43)];
        var bars = ParetoFrontsFigure.Build(cells).Panels[0].GetPlottables<ScottPlot.Plottables.ErrorBar>().ToArray();
        Assert.Equal(2, bars.Length); // one per series' front
        var collective = bars.Single(b => b.Xs.Single() == 0.31);
        Assert.Equal(0.03, collective.YErrorNegative!.Single(), 12);
        Assert.Equal(0.04, collective.YErrorPositive!.Single(), 12);
        Assert.Equal(0.03, collective.XErrorNegative!.Single(), 12);
        Assert.Equal(0.04, collective.XErrorPositive!.Single(), 12);
        Assert.Equal("[0.0200, 0.0900]", ParetoFrontsFigure.Tables(cells).Single(t
            => t.Title.StartsWith("Collective action", StringComparison.Ordinal)).Rows[0][7]);
    }

    [Fact]
    public void FirmSideCollectiveFrontIsTakenOverAllStrategies()
    {
        CellRecord F(string method, double? knob, double alpha, string budget, double eqod, double error) =>
            Cell(method, 0, alpha, budget, eqod, error) with
            {
                Experiment = ParetoFrontsFigure.Experiment,
                Knob = knob
            };
        CellRecord[] cells =
        [
            F("RB-prob", null, 0.1, "a", 0.10, 0.30), F("RB-label", null, 0.2, "a", 0.05, 0.31), F("Random", null, 0.2,
                "a", 0.08, 0.32),
            F("FARE", 0.5, 0, "", 0.02, 0.40), F("FARE", 1.0, 0, "", 0.01, 0.45), F("Base", null, 0, "", 0.2, 0.29),
        ];
        var tables = ParetoFrontsFigure.Tables(cells);
        var front = tables.Single(t => t.Title.StartsWith("Collective action", StringComparison.Ordinal));
        Assert.Equal(["RB-prob", "RB-label"], front.Rows.Select(r
            => r[2])); // Random's point is dominated by RB-label's
        var firm = tables.Single(t => t.Title == "Firm-side methods");
        Assert.Equal(2, firm.Rows.Count);
    }

    [Fact]
    public void ToyFigureRefusesDataItCannotDraw()
    {
        var ok = SyntheticResults.Toy();
        Assert.Equal(2, ToyFigure.Build(ok).Panels.Count);
        Assert.Throws<UserInputException>(() => ToyFigure.Build(ok with { Points = [] }));
        Assert.Throws<UserInputException>(() => ToyFigure.Build(ok with { After = new LinearBoundary(0, 0, 1) }));
        Assert.Throws<UserInputException>(() => ToyFigure.Build(ok with
        {
            Points = [new ToyPoint(double.NaN, 0, false,
            0, false)]
        }));
    }

    [Fact]
    public void ToyBoundaryIsDrawnWhereTheModelChangesItsMind()
    {
        // Boundary x1 + 2 x2 - 1 = 0: both drawn end points must satisfy it.
        var toy = SyntheticResults.Toy() with { Before = new LinearBoundary(1, 2, -1) };
        var scatter = ToyFigure.Build(toy).Panels[0];
        var line = scatter.GetPlottables<ScottPlot.Plottables.LinePlot>().Single(l
            => l.LegendText == "boundary before");
        foreach (var p in new[] { line.Start, line.End }) Assert.Equal(0, p.X + 2 * p.Y - 1, 9);
    }

    [Fact]
    public void PngAndSvgHaveTheFigureSize()
    {
        var figure = ToyFigure.Build(SyntheticResults.Toy());
        var png = FigureWriter.Png(figure);
        // PNG IHDR: width and height big-endian at bytes 16 and 20.
        int W(int o) => (png[o] << 24) | (png[o + 1] << 16) | (png[o + 2] << 8) | png[o + 3];
        Assert.Equal((int)(figure.Width * FigureWriter.PngScale), W(16));
        Assert.Equal((int)(figure.Height * FigureWriter.PngScale), W(20));
        var svg = FigureWriter.Svg(figure);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains($"width=\"{figure.Width}\"", svg, StringComparison.Ordinal);
    }
}

/// <summary>The experiment registry and the figure registry name the same experiments.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class ExperimentRegistryTests
{
    [Fact]
    public void EveryPaperExperimentHasItsFigureAndNothingElseDoes()
    {
        // An experiment may have several figure kinds first drawn for it (countermeasures: surviving gain and
        // detection).
        var drawn = FairCollective.Reporting.Figures.ExperimentFigures.All.Select(f => f.Experiment).Distinct()
            .Append(FairCollective.Reporting.Figures.ToyFigure.Experiment).Order(StringComparer.Ordinal);
        Assert.Equal(FairCollective.Experiments.Reproduction.PaperExperiments.Names.Order(StringComparer.Ordinal),
            drawn);
        foreach (var name in FairCollective.Experiments.Reproduction.PaperExperiments.Names)
        {
            Assert.DoesNotContain("'", FairCollective.Experiments.Reproduction.PaperExperiments.Heading(name));
            Assert.NotNull(FairCollective.Experiments.Reproduction.PaperExperiments.Create(name, quick: true));
        }
    }
}
