using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>Where the full-covariance steering solver stopped, per data set: so a reader sees each problem was solved,
/// not capped.</summary>
public static class SteeringSolverTable
{
    /// <summary>One row per (dataset, learner) of cells that store the solver's gradient norm; none when no cell
    /// does.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> cells)
    {
        var solved = cells.Where(c => c.Metrics.ContainsKey(MetricKeys.SteeringGradientNorm)).ToArray();
        if (solved.Length == 0) return [];
        return
        [
            new ReportTable("Full-covariance steering: where its solver stopped",
                $"The convex EF-Affirmative problem with full (shrunk) covariances, solved by Newton steps; a cell " +
                    "is solved when its gradient norm is at "
                + $"most the tolerance ({Mitigation.Steering.SteeringOptions.DefaultGradientTolerance:G2} by " +
                    "default) before the step cap.",
                ["dataset", "learner", "cells", "largest gradient norm", "Newton steps"],
                solved.GroupBy(c => (c.Dataset, c.Learner)).OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g
                    => g.Key.Learner, StringComparer.Ordinal)
                    .Select(g =>
                    {
                        var steps = g.Select(c => c.Metrics[MetricKeys.SteeringIterations]).ToArray();
                        return (IReadOnlyList<string>)[g.Key.Dataset, g.Key.Learner, Count(g.Count()),
                            g.Max(c => c.Metrics[MetricKeys.SteeringGradientNorm]).ToString("0.0E+0",
                                CultureInfo.InvariantCulture),
                            steps.Min() == steps.Max() ? Number(steps.Min()) :
                                $"{Number(steps.Min())}-{Number(steps.Max())}"];
                    }).ToArray()),
        ];
    }
}
