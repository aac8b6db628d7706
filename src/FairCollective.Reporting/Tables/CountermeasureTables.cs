using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>The countermeasures tables (<see cref="CountermeasureSummary"/>): a reading per defence, every defended
/// setting, and each defence alone.</summary>
public static class CountermeasureTables
{
    /// <summary>The tables of the defended cells among <paramref name="own"/>; none without defended cells.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> own, ShownMetric metric)
    {
        var rows = CountermeasureSummary.Rows(own, metric);
        var alone = CountermeasureSummary.Alone(own, metric);
        if (rows.Count == 0 && alone.Count == 0) return [];
        double topThreshold = rows.Select(r => r.Plausible).DefaultIfEmpty(0).Max();
        var reading = alone.Select(a =>
        {
            var mine = rows.Where(r => r.Dataset == a.Dataset && r.Learner == a.Learner && r.Defence == a.Defence
                && r.MajorityRows is null).ToArray();
            var whole = mine.Where(r => r.Plausible == 0).ToArray();
            var plausible = mine.Where(r => r.Plausible == topThreshold && topThreshold > 0).ToArray();
            var kept = CountermeasureSummary.Kept(whole);
            double recall = Mean(whole, r => r.Recall), flagged = Mean(whole, r => r.FalseFlagsMinority);
            var keptPlausible = CountermeasureSummary.Kept(plausible);
            double recallPlausible = Mean(plausible, r => r.Recall);
            return (IReadOnlyList<string>)[a.Dataset, a.Learner, a.Defence, Percent(recall), Number(Mean(whole, r
                => r.Precision), "0.000"), Percent(flagged),
                Percent(Mean(whole, r => r.FalseFlagsMajority)), Signed(Mean(whole, r => r.Gain)), Kept(kept),
                topThreshold > 0 ? Percent(recallPlausible) : "n/a", topThreshold > 0 ? Signed(Mean(plausible, r
                    => r.Gain)) : "n/a", topThreshold > 0 ? Kept(keptPlausible) : "n/a",
                MeanStd(a.UnfairnessChange), MeanStd(a.ErrorChange), Read(kept, recall, flagged, a, metric)];
        }).ToArray();
        string plausibleNote = topThreshold > 0 ? $"'plausible' columns: the collective flipping only members whose " +
            $"RB-prob score is at least {Number(topThreshold)}. " : "";
        return
        [
            new ReportTable("Defences against the collective, read plainly",
                $"Per data set and defence, over every strategy and α of the grid (seed means; every majority row " +
                    "known): the share of flips caught (recall), precision, the share of honest minority "
                + $"and of majority rows flagged, the collective's mean {metric.Name} gain against the defended firm " +
                    $"(its {metric.UnfairnessName} without the collective minus with it), and the share of the gain " +
                    "kept "
                + $"(summed gain against the defended firm over summed gain against the undefended one, over " +
                    $"settings with a clear undefended gain; {Level}% t interval over seeds of that ratio). "
                + plausibleNote + $"'alone': the defence's own effect with no collective ({metric.UnfairnessName} " +
                    "and error with it minus without, mean ± std over seeds; positive = worse). "
                + "A reading says 'kept all' or 'lost part' only where the interval of the share lies on that side " +
                    "of 100%.",
                ["dataset", "learner", "defence", "flips caught", "precision", "honest minority flagged",
                    "majority flagged", "gain", "gain kept",
                 "flips caught (plausible)", "gain (plausible)", "gain kept (plausible)",
                     $"alone: Δ{metric.UnfairnessName}", "alone: Δerror", "reading"], reading),
            new ReportTable("Every defended setting",
                $"Mean ± sample standard deviation over seeds. Gain: the firm's {metric.UnfairnessName} without the " +
                    "collective minus with it, against the defended firm and against the firm "
                + $"without a defence; kept = their ratio of means with its {Level}% t interval over seeds (n/a " +
                    $"where the undefended gain is below {Number(CountermeasureSummary.MinimumGain)}).",
                ["dataset", "learner", "defence", "strategy", "plausible ≥", "m", "α", "budget", "mean flips",
                    metric.Name, "error", "gain", "undefended gain", "kept",
                 "recall", "precision", "honest minority flagged", "majority flagged"],
                rows.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Defence, r.Strategy,
                    Number(r.Plausible), Rows(r.MajorityRows), Number(r.Alpha), r.Budget,
                    Number(r.MeanFlips,
                        "0.#"), MeanStd(r.Metric), MeanStd(r.Error), MeanStd(r.Gain), MeanStd(r.UndefendedGain),
                        Kept(r.Kept),
                    MeanStd(r.Recall), MeanStd(r.Precision), MeanStd(r.FalseFlagsMinority),
                        MeanStd(r.FalseFlagsMajority)]).ToArray()),
            new ReportTable("Each defence alone (no collective)",
                $"The firm's base model with the defence against without it, seed by seed: {metric.UnfairnessName} " +
                    "and error differences (positive = worse with the defence), and the rows it flags.",
                ["dataset", "learner", "defence", $"Δ{metric.UnfairnessName}", "Δerror", "minority flagged",
                    "majority flagged"],
                alone.Select(a => (IReadOnlyList<string>)[a.Dataset, a.Learner, a.Defence, MeanStd(a.UnfairnessChange),
                    MeanStd(a.ErrorChange), MeanStd(a.FalseFlagsMinority), MeanStd(a.FalseFlagsMajority)]).ToArray()),
        ];
    }

    private static double Mean(IEnumerable<CountermeasureRow> rows, Func<CountermeasureRow, SeedStats> of)
    {
        var values = rows.Select(of).Where(s => s.Count > 0).Select(s => s.Mean).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }

    private static string Percent(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0%", CultureInfo.InvariantCulture);

    private static string Signed(double v) => double.IsNaN(v) ? "n/a" : v.ToString("+0.000;−0.000;0.000",
        CultureInfo.InvariantCulture);

    private static readonly string Level = (RandomComparison.DefaultLevel * 100).ToString("0",
        CultureInfo.InvariantCulture);

    /// <summary>"85% [67%, 106%]": the share kept with its interval over seeds; the share alone below two seeds; "n/a"
    /// without a clear gain.</summary>
    private static string Kept(GainKept k)
        => double.IsNaN(k.Share) ? "n/a" : double.IsNaN(k.Low) ? Percent(k.Share) :
        $"{Percent(k.Share)} [{Percent(k.Low)}, {Percent(k.High)}]";

    /// <summary>
    /// One sentence, from the intervals: whether the defence took part of the collective's gain (the share's interval
    /// below 100%), left all of it (above) or is not resolved, why a share above 100% can happen (the defence alone
    /// made the firm less fair, and the collective's flips repaired that too), how the flags split between flips and
    /// honest rows, and what the defence did alone.
    /// </summary>
    private static string Read(GainKept kept, double recall, double honest, DefenceAloneRow alone, ShownMetric metric)
    {
        double change = alone.UnfairnessChange.Mean;
        string range = $"kept {Kept(kept)}";
        string survival = double.IsNaN(kept.Share) ? "the collective had no clear gain to keep"
            : double.IsNaN(kept.Low) ? $"the collective {range} of its gain (one seed: no interval)"
            : kept.High < 0 ? $"the defence turned the gain into a loss ({range})"
            : kept.High < 1 ? (kept.Low <= 0 ? $"the defence took part or all of the gain ({range})" :
                $"the defence took part of the gain ({range})")
            : kept.Low > 1 ? $"the collective kept all of its gain and more ({range})"
                + (change > 0 ? $", because the defence alone makes the firm less fair ({Signed(change)}) and the " +
                    "flips repair that too" : "")
            : $"no loss of gain is resolved ({range})";
        string detection = double.IsNaN(recall) || double.IsNaN(honest) ? "" : recall > honest + 0.05
            ? $"; it finds flips ({Percent(recall)}) more often than it flags honest members ({Percent(honest)})"
            : $"; it flags flips ({Percent(recall)}) no more often than honest members ({Percent(honest)})";
        string own = double.IsNaN(change) ? "" : Math.Abs(change) < 0.005 ?
            $"; alone it leaves {metric.Name} about as it is"
            : change > 0 ? $"; alone it makes the firm less fair ({Signed(change)})" :
                $"; alone it makes the firm fairer ({Signed(change)})";
        return survival + detection + own;
    }
}
