using FairCollective.Experiments;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using static FairCollective.Reporting.Tables.TableFormat;
using FairCollective.Reporting.Tables;

namespace FairCollective.Reporting.Figures;

/// <summary>The firm's model without collective action ("Base" cells): the reference every figure draws.</summary>
public static class BaseLine
{
    public static IEnumerable<CellRecord> Cells(IEnumerable<CellRecord> cells) => cells.Where(c => c.Method == ResultsSummary.BaseMethod);

    public static SeedStats EqOd(IEnumerable<CellRecord> cells) => PerSeed(cells, MetricNames.EqOd);

    public static SeedStats Error(IEnumerable<CellRecord> cells) => PerSeed(cells, MetricNames.Error);

    /// <summary>
    /// Averaged per seed first: an experiment may store the base cell once per alpha, and counting those copies as
    /// separate seeds would shrink the spread.
    /// </summary>
    private static SeedStats PerSeed(IEnumerable<CellRecord> cells, string metric) =>
        SeedStats.Of(Cells(cells).GroupBy(c => c.Seed).Select(g => SeedMeanPoint.Stats(g, metric).Mean));

    public static ReportTable Table(IEnumerable<CellRecord> cells) =>
        new("Base model (no collective action)", "Mean ± sample standard deviation over seeds.",
            ["dataset", "learner", "seeds", "EqOd", "error"],
            Cells(cells).GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key.Dataset, g.Key.Learner, Count(g.Select(c => c.Seed).Distinct().Count()), MeanStd(EqOd(g)), MeanStd(Error(g))])
                .ToArray());
}
