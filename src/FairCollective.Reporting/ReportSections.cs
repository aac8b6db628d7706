using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting;

/// <summary>The report's experiment sections in the paper's order, then any experiment the report has no figure for.</summary>
public static class ReportSections
{
    /// <summary>The toy section, the paper's experiments in order (a note where the store has none), then other experiments by name.</summary>
    public static IReadOnlyList<ReportSection> Of(ReportInput input)
    {
        var present = input.Cells.Select(c => c.Experiment).ToHashSet(StringComparer.Ordinal);
        var sections = new List<ReportSection> { Toy(input, present.Contains(ToyFigure.Experiment)) };
        foreach (var k in ExperimentFigures.All)
        {
            string heading = PaperExperiments.Heading(k.Experiment);
            sections.Add(present.Contains(k.Experiment)
                ? new ReportSection(k.Experiment, heading, k.Build(input.Cells), k.Tables(input.Cells))
                : new ReportSection(k.Experiment, heading, null, [], $"The results store holds no cells of the '{k.Experiment}' experiment."));
        }
        foreach (var other in present.Where(e => e != ToyFigure.Experiment && ExperimentFigures.All.All(k => k.Experiment != e)).Order(StringComparer.Ordinal))
            sections.Add(new ReportSection(other, PaperExperiments.Heading(other), null, [Generic(input.Cells, other)],
                "The report has no figure for this experiment; its seed means are tabulated."));
        return sections;
    }

    private static ReportSection Toy(ReportInput input, bool hasCells)
    {
        string heading = PaperExperiments.Heading(ToyFigure.Experiment);
        var tables = ToyFigure.Tables(input.Toy, input.Cells);
        if (input.Toy is not null) return new ReportSection(ToyFigure.Experiment, heading, ToyFigure.Build(input.Toy), tables);
        return new ReportSection(ToyFigure.Experiment, heading, null, tables, hasCells
            ? "The toy figure needs the 2-D points and boundaries, which the results store does not hold; only the stored cells are tabulated."
            : "No toy data was given and the results store holds no 'toy' cells.");
    }

    private static ReportTable Generic(IReadOnlyList<CellRecord> cells, string experiment) =>
        new($"Seed means of '{experiment}'", "Mean ± sample standard deviation over seeds.",
            ["dataset", "learner", "m", "method", "α", "budget", "knob", "mean flips", "EqOd", "error"],
            SeedMeanPoint.Of(Panels.OfExperiment(cells, experiment))
                .Select(p => (IReadOnlyList<string>)[p.Dataset, p.Learner, Rows(p.MajorityRows), p.Method, Number(p.Alpha), p.Budget,
                    p.Knob is { } k ? Number(k) : "", Number(p.MeanFlips, "0.#"), MeanStd(p.EqOd), MeanStd(p.Error)])
                .ToArray());
}
