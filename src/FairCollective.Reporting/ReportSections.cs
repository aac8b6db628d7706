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
    /// experiment (or nothing at all), each absent paper experiment gets an empty section (listed as not in the report);
    /// a report of only other experiments does not mention the paper's.
    /// </summary>
    public static IReadOnlyList<ReportSection> Of(ReportInput input)
    {
        var present = input.Cells.Select(c => c.Experiment).ToHashSet(StringComparer.Ordinal);
        bool paperReport = present.Count == 0 || input.Toy is not null || present.Any(PaperExperiments.InPaper);
        var sections = new List<ReportSection>();
        if (paperReport) sections.Add(Toy(input, present.Contains(ToyFigure.Experiment)));
        // The paper's experiments in the order of the figure kinds first drawn for them (as the report always listed them).
        foreach (var name in ExperimentFigures.All.Select(k => k.Experiment).Distinct())
        {
            if (present.Contains(name)) sections.Add(ByShape(input.Cells, name, input.MetricOf(name)));
            else if (paperReport && PaperExperiments.InPaper(name))
                sections.Add(new ReportSection(name, PaperExperiments.Heading(name), [], [], $"The results store holds no cells of the '{name}' experiment."));
        }
        foreach (var other in present.Where(e => !PaperExperiments.Names.Contains(e)).Order(StringComparer.Ordinal))
            sections.Add(ByShape(input.Cells, other, input.MetricOf(other)));
        return sections;
    }

    /// <summary>The section of one experiment: a figure per kind its grid supports, the base model and the tables behind the figures, showing <paramref name="metric"/> (default EqOd).</summary>
    public static ReportSection ByShape(IReadOnlyList<CellRecord> cells, string experiment, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var shape = ExperimentShape.Of(experiment, cells);
        var kinds = shape.Kinds.Select(ExperimentFigures.Of).ToArray();
        string heading = PaperExperiments.Heading(experiment);
        if (kinds.Length == 0)
            return new ReportSection(experiment, heading, [], [Generic(cells, experiment, metric)],
                "The grid has no axis to draw (one α, one budget, one m, no firm-side method); its seed means are tabulated.", metric);
        var own = Panels.OfExperiment(cells, experiment);
        return new ReportSection(experiment, heading, kinds.Select(k => k.Build(cells, experiment, metric)).ToArray(),
            [BaseLine.Table(own, metric), .. ByGroupTable.Of(own, BudgetSelection.PaperFor(metric)), .. kinds.SelectMany(k => k.Tables(cells, experiment, metric))], Metric: metric);
    }

    private static ReportSection Toy(ReportInput input, bool hasCells)
    {
        string heading = PaperExperiments.Heading(ToyFigure.Experiment);
        var tables = ToyFigure.Tables(input.Toy, input.Cells);
        if (input.Toy is not null) return new ReportSection(ToyFigure.Experiment, heading, [ToyFigure.Build(input.Toy)], tables);
        return new ReportSection(ToyFigure.Experiment, heading, [], tables, hasCells
            ? "The toy figure needs the 2-D points and boundaries, which the results store does not hold; only the stored cells are tabulated."
            : "No toy data was given and the results store holds no 'toy' cells.");
    }

    private static ReportTable Generic(IReadOnlyList<CellRecord> cells, string experiment, ShownMetric metric) =>
        new($"Seed means of '{experiment}'", "Mean ± sample standard deviation over seeds.",
            ["dataset", "learner", "m", "method", "α", "budget", "knob", "mean flips", metric.Name, "error"],
            SeedMeanPoint.Of(Panels.OfExperiment(cells, experiment), metric)
                .Select(p => (IReadOnlyList<string>)[p.Dataset, p.Learner, Rows(p.MajorityRows), p.Method, Number(p.Alpha), p.Budget,
                    p.Knob is { } k ? Number(k) : "", Number(p.MeanFlips, "0.#"), MeanStd(p.EqOd), MeanStd(p.Error)])
                .ToArray());
}
