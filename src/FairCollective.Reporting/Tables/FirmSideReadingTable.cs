using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>The firm-side comparison read plainly (<see cref="FirmSideReading"/>): each method against the collective
/// at low error.</summary>
public static class FirmSideReadingTable
{
    /// <summary>The table for the firm-side cells among <paramref name="own"/>; none without firm-side and collective
    /// cells.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> own, ShownMetric metric)
    {
        var reading = FirmSideReading.Of(own, metric);
        if (reading.Count == 0) return [];
        bool onValidation = reading[0].ChosenOn == SelectionSplit.Validation;
        string rule = onValidation
            ? "Both sides choose on the validation split (error and metric there; seed means) and are read on test, " +
                "so neither choice sees the rows it is read on"
            : "Both sides choose on the test split they are read on (these cells have no validation split): " +
                "optimistic, the more so for the side with more settings (the columns 'of' count them)";
        string error = onValidation ? "validation error" : "test error";
        return
        [
            new ReportTable("Firm-side methods against the collective at low error",
                $"Per data set and method: its fairest setting whose {error} is at most the base model's + " +
                    $"{Number(FirmSideReading.LowErrorMargin)}, against the "
                + $"collective's fairest setting in that region (any strategy, α and budget). {rule}. {metric.Name} " +
                    $"and error on test, with the test-row interval of {metric.Name}; "
                + $"'fairer' or 'less fair' only when the intervals do not overlap. Post-processors fitted on the " +
                    $"{FitRows(own)}"
                + (onValidation && own.Any(c => c.Knob is not null
                    && c.Config?.PostProcessingFit == Mitigation.FirmSide.PostProcessingFit.Validation)
                    ? ", the rows that also choose their knob, which favours them." : "."),
                ["dataset", "learner", "method", "error limit", "method's setting", "of", "its error", metric.Name,
                    $"{metric.Name} test-row CI", "collective's setting", "of", "its error",
                    $"collective {metric.Name}", "collective CI", "reading"],
                reading.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Method, Number(r.ErrorLimit,
                    "0.000"), r.Best?.Label ?? "none", Count(r.MethodSettings),
                    r.Best is { } b ? Number(b.Error, "0.0000") : "n/a", r.Best is { } v ? Number(v.Value,
                        "0.0000") : "n/a", SeedStats.Format(r.Best?.Interval),
                    r.Collective.Label, Count(r.CollectiveSettings), Number(r.Collective.Error, "0.0000"),
                    Number(r.Collective.Value,
                        "0.0000"), SeedStats.Format(r.Collective.Interval), r.Reading]).ToArray()),
        ];
    }

    // Which rows the post-processors were fitted on, from the cells' own configurations.
    private static string FitRows(IEnumerable<CellRecord> cells)
    {
        var fits = cells.Where(c => c.Knob is not null && c.Config is not null).Select(c
            => c.Config!.PostProcessingFit).Distinct().ToArray();
        return fits.Length switch
        {
            0 => "training split (as recorded)",
            1
                => fits[0] == Mitigation.FirmSide.PostProcessingFit.Validation ?
                "validation split (unseen by the base model)" : "training split the base model was fitted on",
            _ => "validation or training split (the store mixes both)",
        };
    }
}
