using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>The firm-side comparison read plainly (<see cref="FirmSideReading"/>): each method against the collective at low error.</summary>
public static class FirmSideReadingTable
{
    /// <summary>The table for the firm-side cells among <paramref name="own"/>; none without firm-side and collective cells.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> own, ShownMetric metric)
    {
        var reading = FirmSideReading.Of(own, metric);
        if (reading.Count == 0) return [];
        return
        [
            new ReportTable("Firm-side methods against the collective at low error",
                $"Per data set and method: its fairest setting whose test error is at most the base model's + {Number(FirmSideReading.LowErrorMargin)} (seed means), against the "
                + $"collective's fairest setting in that region (any strategy, α and budget); {metric.Name} with its test-row interval. 'fairer' or 'less fair' only when the intervals do not overlap. "
                + $"Post-processors fitted on the {FitRows(own)}.",
                ["dataset", "learner", "method", "error limit", "method's setting", "its error", metric.Name, $"{metric.Name} test-row CI", "collective's setting", "its error", $"collective {metric.Name}", "collective CI", "reading"],
                reading.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Method, Number(r.ErrorLimit, "0.000"), r.Best?.Label ?? "none", r.Best is { } b ? Number(b.Error, "0.0000") : "n/a",
                    r.Best is { } v ? Number(v.Value, "0.0000") : "n/a", SeedStats.Format(r.Best?.Interval), r.Collective.Label, Number(r.Collective.Error, "0.0000"),
                    Number(r.Collective.Value, "0.0000"), SeedStats.Format(r.Collective.Interval), r.Reading]).ToArray()),
        ];
    }

    // Which rows the post-processors were fitted on, from the cells' own configurations.
    private static string FitRows(IEnumerable<CellRecord> cells)
    {
        var fits = cells.Where(c => c.Knob is not null && c.Config is not null).Select(c => c.Config!.PostProcessingFit).Distinct().ToArray();
        return fits.Length switch
        {
            0 => "training split (as recorded)",
            1 => fits[0] == Mitigation.FirmSide.PostProcessingFit.Validation ? "validation split (unseen by the base model)" : "training split the base model was fitted on",
            _ => "validation or training split (the store mixes both)",
        };
    }
}
