using System.Globalization;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>The countermeasures tables (<see cref="CountermeasureSummary"/>): a reading per defence, every defended setting, and each defence alone.</summary>
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
            var mine = rows.Where(r => r.Dataset == a.Dataset && r.Learner == a.Learner && r.Defence == a.Defence && r.MajorityRows is null).ToArray();
            var whole = mine.Where(r => r.Plausible == 0).ToArray();
            var plausible = mine.Where(r => r.Plausible == topThreshold && topThreshold > 0).ToArray();
            double kept = CountermeasureSummary.Pooled(whole), recall = Mean(whole, r => r.Recall), flagged = Mean(whole, r => r.FalseFlagsMinority);
            double keptPlausible = CountermeasureSummary.Pooled(plausible), recallPlausible = Mean(plausible, r => r.Recall);
            return (IReadOnlyList<string>)[a.Dataset, a.Learner, a.Defence, Percent(recall), Number(Mean(whole, r => r.Precision), "0.000"), Percent(flagged),
                Percent(Mean(whole, r => r.FalseFlagsMajority)), Signed(Mean(whole, r => r.Gain)), Percent(kept),
                topThreshold > 0 ? Percent(recallPlausible) : "n/a", topThreshold > 0 ? Signed(Mean(plausible, r => r.Gain)) : "n/a", topThreshold > 0 ? Percent(keptPlausible) : "n/a",
                Signed(a.UnfairnessChange.Mean), Signed(a.ErrorChange.Mean), Read(kept, recall, flagged, a, metric)];
        }).ToArray();
        string plausibleNote = topThreshold > 0 ? $"'plausible' columns: the collective flipping only members whose RB-prob score is at least {Number(topThreshold)}. " : "";
        return
        [
            new ReportTable("Defences against the collective, read plainly",
                $"Per data set and defence, over every strategy and α of the grid (seed means; every majority row known): the share of flips caught (recall), precision, the share of honest minority "
                + $"and of majority rows flagged, the collective's mean {metric.Name} gain against the defended firm (its {metric.UnfairnessName} without the collective minus with it), and the share of the gain kept "
                + "(summed gain against the defended firm over summed gain against the undefended one, over settings with a clear undefended gain). "
                + plausibleNote + $"'alone': the defence's own effect with no collective ({metric.UnfairnessName} and error with it minus without; positive = worse).",
                ["dataset", "learner", "defence", "flips caught", "precision", "honest minority flagged", "majority flagged", "gain", "gain kept",
                 "flips caught (plausible)", "gain (plausible)", "gain kept (plausible)", $"alone: Δ{metric.UnfairnessName}", "alone: Δerror", "reading"], reading),
            new ReportTable("Every defended setting",
                $"Mean ± sample standard deviation over seeds. Gain: the firm's {metric.UnfairnessName} without the collective minus with it, against the defended firm and against the firm "
                + $"without a defence; kept = their ratio of means (n/a where the undefended gain is below {Number(CountermeasureSummary.MinimumGain)}).",
                ["dataset", "learner", "defence", "strategy", "plausible ≥", "m", "α", "budget", "mean flips", metric.Name, "error", "gain", "undefended gain", "kept",
                 "recall", "precision", "honest minority flagged", "majority flagged"],
                rows.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Defence, r.Strategy, Number(r.Plausible), Rows(r.MajorityRows), Number(r.Alpha), r.Budget,
                    Number(r.MeanFlips, "0.#"), MeanStd(r.Metric), MeanStd(r.Error), MeanStd(r.Gain), MeanStd(r.UndefendedGain), Number(r.Survival, "0.00"),
                    MeanStd(r.Recall), MeanStd(r.Precision), MeanStd(r.FalseFlagsMinority), MeanStd(r.FalseFlagsMajority)]).ToArray()),
            new ReportTable("Each defence alone (no collective)",
                $"The firm's base model with the defence against without it, seed by seed: {metric.UnfairnessName} and error differences (positive = worse with the defence), and the rows it flags.",
                ["dataset", "learner", "defence", $"Δ{metric.UnfairnessName}", "Δerror", "minority flagged", "majority flagged"],
                alone.Select(a => (IReadOnlyList<string>)[a.Dataset, a.Learner, a.Defence, MeanStd(a.UnfairnessChange), MeanStd(a.ErrorChange), MeanStd(a.FalseFlagsMinority), MeanStd(a.FalseFlagsMajority)]).ToArray()),
        ];
    }

    private static double Mean(IEnumerable<CountermeasureRow> rows, Func<CountermeasureRow, SeedStats> of)
    {
        var values = rows.Select(of).Where(s => s.Count > 0).Select(s => s.Mean).ToArray();
        return values.Length == 0 ? double.NaN : values.Average();
    }

    private static string Percent(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0%", CultureInfo.InvariantCulture);

    private static string Signed(double v) => double.IsNaN(v) ? "n/a" : v.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    /// <summary>One sentence: how much of the gain survived, how the flags split between flips and honest rows, and what the defence did alone.</summary>
    private static string Read(double kept, double recall, double honest, DefenceAloneRow alone, ShownMetric metric)
    {
        string survival = double.IsNaN(kept) ? "the collective had no clear gain to keep" : kept > 1.1 ? $"the collective kept all of its gain and more ({Percent(kept)})"
            : kept >= 0.75 ? $"the collective kept most of its gain ({Percent(kept)})"
            : kept < 0 ? $"the defence turned the gain into a loss ({Percent(kept)})"
            : kept <= 0.25 ? $"the defence removed most of the gain (kept {Percent(kept)})" : $"the collective kept part of its gain ({Percent(kept)})";
        string detection = double.IsNaN(recall) || double.IsNaN(honest) ? "" : recall > honest + 0.05
            ? $"; it finds flips ({Percent(recall)}) more often than it flags honest members ({Percent(honest)})"
            : $"; it flags flips ({Percent(recall)}) no more often than honest members ({Percent(honest)})";
        double change = alone.UnfairnessChange.Mean;
        string own = double.IsNaN(change) ? "" : Math.Abs(change) < 0.005 ? $"; alone it leaves {metric.Name} about as it is"
            : change > 0 ? $"; alone it makes the firm less fair ({Signed(change)})" : $"; alone it makes the firm fairer ({Signed(change)})";
        return survival + detection + own;
    }
}
