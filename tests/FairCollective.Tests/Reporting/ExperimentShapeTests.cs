using FairCollective.Experiments.Summaries;

namespace FairCollective.Tests.Reporting;

/// <summary>The one shape rule: figure kinds read from the cells, never from the experiment's name.</summary>
public sealed class ExperimentShapeTests
{
    [Fact]
    public void EachPaperGridGetsItsKindsAndARenamedGridTheSame()
    {
        var cells = SyntheticResults.Cells();
        var kinds = ExperimentShape.All(cells).ToDictionary(s => s.Experiment, s => s.Kinds);
        Assert.Equal([FigureKind.BestEqOdByAlpha], kinds["collective-size"]);
        Assert.Equal([FigureKind.EqOdByFlips], kinds["flip-efficiency"]);
        Assert.Equal([FigureKind.LimitedInformation], kinds["limited-info"]);
        Assert.Equal([FigureKind.ParetoFronts], kinds["firm-side"]);
        Assert.Equal([FigureKind.BestEqOdByAlpha, FigureKind.CounterfactualSuccess], kinds["synthetic"]);
        Assert.Empty(kinds["toy"]); // base cells only: no axis
        // The same cells under another name have the same shape.
        var renamed = cells.Where(c => c.Experiment == "flip-efficiency").Select(c => c with { Experiment = "my-study" }).ToArray();
        Assert.Equal([FigureKind.EqOdByFlips], ExperimentShape.Of("my-study", renamed).Kinds);
        // Two alphas of collective-size's grid: an alpha sweep that is also drawn budget by budget.
        var two = cells.Where(c => c.Experiment == "collective-size" && c.Alpha is 0.1 or 0.2).ToArray();
        var shape = ExperimentShape.Of("collective-size", two);
        Assert.Equal((2, 4), (shape.Alphas, shape.MaxBudgets));
        Assert.Equal([FigureKind.BestEqOdByAlpha, FigureKind.EqOdByFlips], shape.Kinds);
    }
}
