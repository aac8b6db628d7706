using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>FARE's certificate beside what was measured: the bound on the demographic-parity gap, and the gap and EqOd
/// on test.</summary>
public static class FareCertificateTable
{
    /// <summary>One row per (dataset, learner, knob) of cells that store the certificate; none when no cell
    /// does.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> cells)
    {
        var fare = cells.Where(c => c.Metrics.ContainsKey(MetricKeys.FareDemographicParityBound)).ToArray();
        if (fare.Length == 0) return [];
        return
        [
            new ReportTable("FARE's certificate and the measured gaps",
                "The certificate bounds, with 95% confidence, the population demographic-parity gap of any " +
                    "classifier on FARE's leaves (from the training rows "
                + "and held-out rows the tree never saw); beside it the firm's measured demographic-parity gap and " +
                    "EqOd on the test split (seed means ± sample "
                + "standard deviation; test-row intervals). EqOd is not what the certificate bounds.",
                ["dataset", "learner", "knob", "certified DP bound", "measured DP gap", "DP test-row CI", "EqOd",
                    "EqOd test-row CI"],
                fare.GroupBy(c => (c.Dataset, c.Learner, c.Knob)).OrderBy(g => g.Key.Dataset,
                    StringComparer.Ordinal).ThenBy(g => g.Key.Learner, StringComparer.Ordinal).ThenBy(g => g.Key.Knob)
                    .Select(g => (IReadOnlyList<string>)[g.Key.Dataset, g.Key.Learner, Number(g.Key.Knob ?? double.NaN),
                        MeanStd(SeedStats.Of(g, MetricKeys.FareDemographicParityBound)),
                        MeanStd(SeedStats.Of(g,
                            MetricKeys.DemographicParity)), SeedStats.Format(SeedStats.TestRowInterval(g,
                            MetricKeys.DemographicParity)),
                        MeanStd(SeedStats.Of(g, MetricKeys.EqOd)), SeedStats.Format(SeedStats.TestRowInterval(g,
                            MetricKeys.EqOd))]).ToArray()),
        ];
    }
}
