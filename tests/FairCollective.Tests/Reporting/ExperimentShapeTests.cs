using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Figures;

namespace FairCollective.Tests.Reporting;

/// <summary>The one shape rule: figure kinds read from the cells, never from the experiment's name.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public sealed class ExperimentShapeTests
{
    [Fact]
    public void EachPaperGridGetsItsKindsAndARenamedGridTheSame()
    {
        var cells = SyntheticResults.Cells();
        var kinds = ExperimentShape.All(cells).ToDictionary(s => s.Experiment, s => ExperimentFigures.KindsOf(s));
        // Several alphas with several budgets each: best by α, and the budget sweep as a small multiple.
        Assert.Equal([FigureKind.BestByAlpha, FigureKind.MetricByFlips], kinds["collective-size"]);
        Assert.Equal([FigureKind.MetricByFlips], kinds["flip-efficiency"]);
        Assert.Equal([FigureKind.KnownRowsFronts], kinds["limited-info"]);
        Assert.Equal([FigureKind.ParetoFronts], kinds["firm-side"]);
        Assert.Equal([FigureKind.BestByAlpha, FigureKind.MetricByFlips, FigureKind.CounterfactualSuccess],
            kinds["synthetic"]);
        Assert.Empty(kinds["toy"]); // base cells only: no axis
        // The same cells under another name have the same shape.
        var renamed = cells.Where(c => c.Experiment == "flip-efficiency").Select(c
            => c with { Experiment = "my-study" }).ToArray();
        Assert.Equal([FigureKind.MetricByFlips], ExperimentFigures.KindsOf(ExperimentShape.Of("my-study", renamed)));
        // Two alphas of collective-size's grid: an alpha sweep that is also drawn budget by budget.
        var two = cells.Where(c => c.Experiment == "collective-size" && c.Alpha is 0.1 or 0.2).ToArray();
        var shape = ExperimentShape.Of("collective-size", two);
        Assert.Equal((2, 4), (shape.Alphas, shape.MaxBudgets));
        Assert.Equal([FigureKind.BestByAlpha, FigureKind.MetricByFlips], ExperimentFigures.KindsOf(shape));
    }

    [Fact]
    public void ABudgetSweepOverManyAlphasIsDrawnAtFourEvenlySpacedOnes()
    {
        CellRecord Cell(double alpha, int flips) => new()
        {
            Experiment = "e", Dataset = "d", Learner = "logistic", Method = "RB-prob", Seed = 0, Alpha = alpha, Flips =
                flips,
            Metrics = new Dictionary<string, double>(),
        };
        // The paper's grid: alpha 0 flips nothing; of 0.05 to 0.4 the smallest, the largest and two between, by rank.
        var alphas = Enumerable.Range(0, 9).Select(i => i * 0.05).ToArray();
        var cells = alphas.Select(a => Cell(a, a == 0 ? 0 : 10)).ToArray();
        Assert.Equal([0.05, 0.15, 0.3, 0.4], ExperimentShape.DrawnAlphas(cells).Select(a => Math.Round(a, 10)));
        // Few alphas: every one that flips.
        Assert.Equal([0.1, 0.2], ExperimentShape.DrawnAlphas([Cell(0, 0), Cell(0.1, 3), Cell(0.2, 5)]));
        Assert.Empty(ExperimentShape.DrawnAlphas([Cell(0, 0)]));
    }
}
