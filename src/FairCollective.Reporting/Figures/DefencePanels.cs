using FairCollective.Experiments.Summaries;

namespace FairCollective.Reporting.Figures;

/// <summary>The panels of the countermeasure figures: one per (dataset, learner) of the defended settings, and a panel
/// saying so when there are none.</summary>
internal static class DefencePanels
{
    /// <summary>The rows of each panel with its title (the dataset, with the learner when learners vary), ordered by
    /// dataset then learner.</summary>
    public static IEnumerable<(string Title, CountermeasureRow[] Rows)> Of(IReadOnlyList<CountermeasureRow> rows)
    {
        bool manyLearners = rows.Select(r => r.Learner).Distinct().Count() > 1;
        return rows.GroupBy(r => (r.Dataset, r.Learner)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g
            => g.Key.Learner, StringComparer.Ordinal)
            .Select(g => (manyLearners ? $"{g.Key.Dataset} ({g.Key.Learner})" : g.Key.Dataset, g.ToArray()));
    }

    /// <summary>The one panel of a figure without defended settings.</summary>
    public static ScottPlot.Plot Empty(string xLabel, string yLabel)
    {
        var empty = PlotLook.NewPanel("no defended collective cells", xLabel, yLabel);
        PlotLook.NoData(empty, "no cells");
        return empty;
    }
}
