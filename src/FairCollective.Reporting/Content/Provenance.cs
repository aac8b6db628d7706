using System.Reflection;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Content;

/// <summary>The configuration and timing tables: what produced the results, with which versions, and how long it
/// took.</summary>
public static class Provenance
{
    /// <summary>Per experiment: datasets, learners, methods, seeds and cell count in the store.</summary>
    public static ReportTable Configuration(ReportInput input) =>
        new("Experiments in the store", "What the results store holds, per experiment.",
            ["experiment", "datasets", "learners", "methods", "seeds", "cells"],
            input.Cells.GroupBy(c => c.Experiment).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, Join(g.Select(c => c.Dataset)), Join(g.Select(c
                    => c.Learner)),
                    string.Join(", ", Figures.SeriesStyle.Sorted(g.Select(c => c.Method))),
                    string.Join(", ", g.Select(c => c.Seed).Distinct().Order().Select(Count)), Count(g.Count())])
                .ToArray());

    /// <summary>
    /// Per experiment and dataset read through a dataset spec: the rows read, dropped for a missing value (and in which
    /// columns; a row counts under each column it misses) and kept. Null when the store holds no such dataset.
    /// </summary>
    public static ReportTable? Datasets(ReportInput input) => input.DatasetRows is { Count: > 0 } rows
        ? new("Rows of the datasets",
            "Rows read from each file read through a dataset spec, dropped by its missing policy (per column: the " +
            "dropped rows it was missing on; a row counts under each column it misses) and kept. Presets and " +
            "generated data: docs/datasets.md.",
            ["experiment", "dataset", "rows read", "rows dropped", "rows kept", "dropped for a missing value in"],
            rows.OrderBy(kv => kv.Key.Experiment, StringComparer.Ordinal).ThenBy(kv => kv.Key.Dataset,
                StringComparer.Ordinal)
                .Select(kv => (IReadOnlyList<string>)[kv.Key.Experiment, kv.Key.Dataset, Count(kv.Value.Read),
                    Count(kv.Value.Dropped) + (kv.Value.Dropped > 0 ?
                        $" ({Number(100 * kv.Value.DroppedShare, "0.0")}%)" : ""), Count(kv.Value.Kept),
                    string.Join(", ", kv.Value.ByColumn.Select(c => $"{c.Column} ({Count(c.Rows)})"))])
                .ToArray())
        : null;

    /// <summary>Versions of the report writer, the engine assembly, ScottPlot and .NET.</summary>
    public static ReportTable Versions() =>
        new("Versions of the report writer", "The engine's own versions are in each run's environment JSON below.",
            ["component", "version"],
        [
            ["FairCollective.Reporting", Version(typeof(Provenance).Assembly)],
            ["FairCollective", Version(typeof(FairCollective.Fairness.MetricKeys).Assembly)],
            ["ScottPlot", Version(typeof(ScottPlot.Plot).Assembly)],
            [".NET", Environment.Version.ToString()],
        ]);

    /// <summary>Every recorded run: id, experiment and start time (UTC).</summary>
    public static ReportTable Runs(ReportInput input) =>
        new("Runs", "Every run recorded in the results store, oldest first (UTC).", ["run", "experiment",
            "started (UTC)"],
            input.Runs.Select(r => (IReadOnlyList<string>)[r.RunId, r.Experiment, r.StartedUtc]).ToArray());

    /// <summary>Per experiment: wall-clock seconds per cell (total, mean, median, 90th percentile, max).</summary>
    public static ReportTable Timings(ReportInput input) =>
        new("Seconds per cell",
            "Wall-clock seconds per cell (firm fit and evaluation), per experiment; the total is summed over cells, " +
            "not elapsed time.",
            ["experiment", "cells", "total s", "mean s", "median s", "90th pct s", "max s"],
            input.Cells.GroupBy(c => c.Experiment).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var s = g.Select(c => c.Seconds).Order().ToArray();
                    return (IReadOnlyList<string>)[g.Key, Count(s.Length), Number(s.Sum(), "0.00"),
                        Number(SeedStats.Of(s).Mean, "0.000"),
                        Number(Quantile(s, 0.5), "0.000"), Number(Quantile(s, 0.9), "0.000"), Number(s[^1], "0.000")];
                })
                .ToArray());

    /// <summary>Linear-interpolation quantile of sorted values (numpy's default), NaN for none.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        double pos = q * (sorted.Count - 1);
        int lo = (int)Math.Floor(pos), hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static string Join(IEnumerable<string> values) => string.Join(", ",
        values.Distinct().Order(StringComparer.Ordinal));

    private static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? a.GetName().Version?.ToString() ?? "unknown";
}
