using FairCollective.Experiments.Store;

namespace FairCollective.Reporting.Figures;

/// <summary>Splits an experiment's cells into panels: one per dataset, or per (dataset, learner) when learners
/// vary.</summary>
public static class Panels
{
    /// <summary>The cells of one panel.</summary>
    /// <param name="Title">Panel title: the dataset, with the learner when learners vary.</param>
    /// <param name="Dataset">Dataset of every cell in the panel.</param>
    /// <param name="Learner">Learner (firm model) of every cell in the panel.</param>
    /// <param name="Cells">The panel's cells.</param>
    public sealed record Panel(string Title, string Dataset, string Learner, IReadOnlyList<CellRecord> Cells);

    /// <summary>One panel per (dataset, learner), ordered by dataset then learner.</summary>
    public static IReadOnlyList<Panel> ByDataset(IEnumerable<CellRecord> cells)
    {
        var list = cells.ToArray();
        bool manyLearners = list.Select(c => c.Learner).Distinct().Count() > 1;
        return list.GroupBy(c => (c.Dataset, c.Learner))
            .OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal)
            .Select(g => new Panel(manyLearners ? $"{g.Key.Dataset} ({g.Key.Learner})" : g.Key.Dataset, g.Key.Dataset,
                g.Key.Learner, g.ToArray()))
            .ToArray();
    }

    /// <summary>
    /// The collective's cells with the most majority information in the grid: all rows (m = null) when present, else
    /// the largest m; figures that do not compare m draw these.
    /// </summary>
    public static IReadOnlyList<CellRecord> MostInformed(IEnumerable<CellRecord> cells)
    {
        var collective = Experiments.Summaries.ExperimentShape.CollectiveCells(cells).ToArray();
        int? m = collective.Any(c => c.MajorityRows is null) ? null : collective.Select(c
            => c.MajorityRows).DefaultIfEmpty(null).Max();
        return collective.Where(c => c.MajorityRows == m).ToArray();
    }

    /// <summary>The cells of the experiment named <paramref name="experiment"/>.</summary>
    public static IReadOnlyList<CellRecord> OfExperiment(IEnumerable<CellRecord> cells, string experiment) =>
        cells.Where(c => c.Experiment == experiment).ToArray();
}
