using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Figures;

/// <summary>The firm's model without collective action ("Base" cells): the reference every figure draws.</summary>
public static class BaseLine
{
    /// <summary>The base (no-action) cells among <paramref name="cells"/>.</summary>
    public static IEnumerable<CellRecord> Cells(IEnumerable<CellRecord> cells) => cells.Where(c
        => c.Method == ResultsSummary.BaseMethod);

    /// <summary>The base model's value of <paramref name="metric"/>: mean and spread over seeds (each seed's copies
    /// averaged first).</summary>
    public static SeedStats Of(IEnumerable<CellRecord> cells, ShownMetric metric) => PerSeed(cells, metric.Key);

    /// <summary>The base model's test error: mean and spread over seeds (each seed's copies averaged first).</summary>
    public static SeedStats Error(IEnumerable<CellRecord> cells) => PerSeed(cells, MetricKeys.Error);

    // Copies of a seed's base cell are averaged before the seeds (SeedStats' one rule).
    private static SeedStats PerSeed(IEnumerable<CellRecord> cells, string metric) => SeedStats.Of(Cells(cells),
        metric);

    /// <summary>One row per (dataset, learner): seeds, the shown metric (default EqOd) and error of the base model,
    /// mean ± sample standard deviation, and their test-row intervals where stored.</summary>
    public static ReportTable Table(IEnumerable<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        return new("Base model (no collective action)",
            "Mean ± sample standard deviation over seeds; the test-row interval combines each seed's bootstrap " +
            "interval over its test rows (n/a where not stored).",
            ["dataset", "learner", "seeds", metric.Name, $"{metric.Name} test-row CI", "error", "error test-row CI"],
            Cells(cells).GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset,
                StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key.Dataset, g.Key.Learner, Count(g.Select(c
                    => c.Seed).Distinct().Count()), MeanStd(Of(g, metric)),
                    SeedStats.Format(SeedStats.TestRowInterval(g,
                        metric.Key)), MeanStd(Error(g)), SeedStats.Format(SeedStats.TestRowInterval(g,
                        MetricKeys.Error))])
                .ToArray());
    }
}
