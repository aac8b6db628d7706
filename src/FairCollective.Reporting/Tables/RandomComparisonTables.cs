using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;

using FairCollective.Fairness;

namespace FairCollective.Reporting.Tables;

/// <summary>The report's tables of strategies against Random: paired verdicts and flips to halve the base model's
/// distance from parity (empty where Random did not run).</summary>
public static class RandomComparisonTables
{
    /// <summary>The two tables for <paramref name="cells"/>, or none when no strategy ran beside Random.</summary>
    /// <param name="cells">The cells.</param>
    /// <param name="metric">The fairness metric compared (default EqOd).</param>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var paired = RandomComparison.Against(cells, RandomComparison.DefaultLevel, metric);
        if (paired.Count == 0) return [];
        string level = (RandomComparison.DefaultLevel * 100).ToString("0", CultureInfo.InvariantCulture);
        return
        [
            new ReportTable("Strategies against Random",
                $"Paired by seed: each seed's {metric.Name} averaged over the budgets both ran, strategy minus " +
                $"Random; mean and {level}% Student t interval over seeds. 'yes' when the interval lies " +
                $"{(metric.Direction > 0 ? "below" : "above")} 0 ({metric.Fairer}), 'no' on the other side, else not " +
                "resolved.",
                ["dataset", "learner", "m", "α", "verdict"],
                paired.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, TableFormat.Rows(r.MajorityRows),
                    TableFormat.Number(r.Alpha), r.Line(RandomComparison.DefaultLevel)]).ToArray()),
            new ReportTable($"Flips to halve the base {metric.UnfairnessName}",
                $"Per seed the smallest flip count whose {metric.UnfairnessName} is at most half that seed's base " +
                $"value; mean and {level}% t interval over the seeds that reach it.",
                ["dataset", "learner", "m", "strategy", "α", "seeds reaching", "flips", "interval"],
                RandomComparison.Halving(cells, RandomComparison.DefaultLevel, metric).Select(r
                    => (IReadOnlyList<string>)[r.Dataset, r.Learner, TableFormat.Rows(r.MajorityRows), r.Strategy,
                    TableFormat.Number(r.Alpha),
                    $"{r.Reached} of {r.Seeds}", double.IsNaN(r.Flips) ? "n/a" : TableFormat.Number(r.Flips, "0.#"),
                    double.IsNaN(r.Low) ? "n/a" :
                        $"[{TableFormat.Number(r.Low, "0.#")}, {TableFormat.Number(r.High, "0.#")}]"]).ToArray()),
        ];
    }
}
