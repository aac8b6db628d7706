using FairCollective.Experiments.Reproduction;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting;

/// <summary>
/// The report's experiment sections: the paper's experiments in the paper's order, then every other experiment by name.
/// Each experiment gets every figure its grid supports, decided from its cells by <see cref="ExperimentShape"/>.
/// </summary>
public static class ReportSections
{
    /// <summary>
    /// The toy section, the paper's experiments in order, then other experiments by name. When the report holds a paper
    /// experiment (or nothing at all), each absent paper experiment gets an empty section (listed as not in the
    /// report); a report of only other experiments does not mention the paper's.
    /// </summary>
    public static IReadOnlyList<ReportSection> Of(ReportInput input)
    {
        var present = input.Cells.Select(c => c.Experiment).ToHashSet(StringComparer.Ordinal);
        bool paperReport = present.Count == 0 || input.Toy is not null || present.Any(PaperExperiments.InPaper);
        var sections = new List<ReportSection>();
        if (paperReport) sections.Add(Toy(input, present.Contains(ToyFigure.Experiment)));
        // The paper's experiments in the order of the figure kinds first drawn for them (as the report always listed
        // them).
        foreach (var name in ExperimentFigures.All.Select(k => k.Experiment).Distinct())
        {
            if (present.Contains(name)) sections.Add(ByShape(input.Cells, name, input.SelectionOf(name)));
            else if (paperReport && PaperExperiments.InPaper(name))
                sections.Add(new ReportSection(name, PaperExperiments.Heading(name), [], [],
                    $"The results store holds no cells of the '{name}' experiment."));
        }
        foreach (var other in present.Where(e => !PaperExperiments.Names.Contains(e)).Order(StringComparer.Ordinal))
            sections.Add(ByShape(input.Cells, other, input.SelectionOf(other)));
        return sections;
    }

    /// <summary>
    /// The experiments among <paramref name="cells"/> in the order the report shows them (the console prints them in
    /// the same order): the toy, the paper's experiments in the paper's order, then every other experiment by name.
    /// </summary>
    public static IReadOnlyList<string> Order(IEnumerable<CellRecord> cells)
    {
        var present = cells.Select(c => c.Experiment).ToHashSet(StringComparer.Ordinal);
        return new[] { ToyFigure.Experiment }.Concat(ExperimentFigures.All.Select(k
            => k.Experiment)).Distinct().Where(present.Contains)
            .Concat(present.Where(e => !PaperExperiments.Names.Contains(e)).Order(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>
    /// The section of one experiment: a figure per kind its grid supports and its tables
    /// (<see cref="ExperimentTables"/>, the same the console prints), under <paramref name="selection"/> (default: the
    /// paper's rule on EqOd).
    /// </summary>
    public static ReportSection ByShape(IReadOnlyList<CellRecord> cells, string experiment,
        BudgetSelection? selection = null)
    {
        selection ??= BudgetSelection.Paper;
        var shape = ExperimentShape.Of(experiment, cells);
        var kinds = ExperimentFigures.For(shape);
        string note = kinds.Length == 0 ? "The grid has no axis to draw (one α, one budget, one m, no firm-side " +
            "method); its seed means are tabulated." : "";
        return new ReportSection(experiment, PaperExperiments.Heading(experiment), kinds.Select(k => k.Build(cells,
            experiment, selection)).ToArray(),
            ExperimentTables.Of(cells, experiment, selection), note, selection.Shown);
    }

    private static ReportSection Toy(ReportInput input, bool hasCells)
    {
        string heading = PaperExperiments.Heading(ToyFigure.Experiment);
        // With stored cells, the tables the console prints too (the toy's points and its cells); else the given points
        // alone.
        var tables = hasCells ? ExperimentTables.Of(input.Cells, ToyFigure.Experiment,
            input.SelectionOf(ToyFigure.Experiment), input.Toy) : ToyFigure.Tables(input.Toy, []);
        if (input.Toy is not null) return new ReportSection(ToyFigure.Experiment, heading, [ToyFigure.Build(input.Toy)],
            tables);
        return new ReportSection(ToyFigure.Experiment, heading, [], tables, hasCells
            ? "The toy figure needs the 2-D points and boundaries, which the results store does not hold; only the " +
                "stored cells are tabulated."
            : "No toy data was given and the results store holds no 'toy' cells.");
    }
}
