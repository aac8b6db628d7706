using System.Globalization;
using FairCollective.Planning;
using FairCollective.Reporting.Tables;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Planning;

/// <summary>The plan's tables, shared by its HTML page and the command's console output.</summary>
public static class PlanTables
{
    /// <summary>Most ranked members the page lists (the CSV has them all).</summary>
    public const int RankingRowsShown = 100;

    /// <summary>A forecast as "median [low, high]".</summary>
    public static string Interval(PredictiveInterval v) =>
        v.Defined == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture,
            $"{v.Median:0.0000} [{v.Low:0.0000}, {v.High:0.0000}]");

    /// <summary>The recommendation beside the firm without action.</summary>
    public static ReportTable Recommendation(Plan plan)
    {
        var r = plan.Recommended;
        var none = r.Budgets[0];
        return new ReportTable("Recommendation",
            $"Median and {Level(plan)} predictive interval over {plan.Replicates} replicates. The recommended " +
                "strategy and budget have the fairest median forecast.",
            ["", "strategy", "flip budget (share of pool)", "flips", plan.MetricName, "error"],
            [
                ["no action", "-", "0", "0", Interval(none.Metric), Interval(none.Error)],
                ["recommended", r.Strategy, Number(r.BestBudget.Share), Count(r.BestBudget.Flips),
                    Interval(r.BestBudget.Metric), Interval(r.BestBudget.Error)],
            ]);
    }

    /// <summary>Every strategy's forecast at every budget.</summary>
    public static ReportTable Forecasts(Plan plan) => new("Forecast by strategy and budget",
        $"Median [{Level(plan)} predictive interval] of the firm's {plan.MetricName} and error after the first flips " +
            "of each strategy's ranking.",
        ["strategy", "budget", "flips", plan.MetricName, "error", "best"],
        plan.Strategies.SelectMany(s => s.Budgets.Select((b, i) => (IReadOnlyList<string>)
            [s.Strategy, Number(b.Share), Count(b.Flips), Interval(b.Metric), Interval(b.Error),
                i == s.Best ? "best" : ""])).ToArray());

    /// <summary>The size a target needs; null without a target.</summary>
    public static ReportTable? Target(Plan plan)
    {
        if (plan.Target is not { } t) return null;
        string needed = !t.Reachable ? "not reachable with this strategy (on the size grid)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{t.NeededShare.Median:0.###} of the minority [{End(t.NeededShare.Low)}, " +
                $"{End(t.NeededShare.High)}], about {t.NeededUsers} users");
        return new
            ReportTable($"Target: {plan.MetricName} {(plan.LowerIsFairer ? "<=" : ">=")} {Number(t.Target, "0.####")}",
            $"With {plan.Recommended.Strategy} at its fairest budget. The size interval is over the size search's " +
                "replicates; an end of 'beyond' means that share of replicates never reached the target on the grid.",
            ["question", "answer"],
            [
                ["reached by this collective at the recommended budget?",
                    $"{(t.ReachableNow ? "yes" : "no")} (in {Percent(t.ReachProbabilityNow)} of replicates)"],
                ["collective size needed", needed],
                ["replicates that reached it at some size", Percent(t.ReachedReplicates)],
            ]);
    }

    /// <summary>The recommended strategy's ranking: the first <paramref name="rows"/> members (all when
    /// null).</summary>
    public static ReportTable Ranking(Plan plan, int? rows = RankingRowsShown)
    {
        var r = plan.Recommended;
        int flips = r.BestBudget.Flips, shown = Math.Min(rows ?? int.MaxValue, r.Ranking.Count);
        return new ReportTable($"Who flips: {r.Strategy}'s ranking of the pool",
            $"The first {flips} members relabel 0 -> 1. " + (shown < r.Ranking.Count
                ? $"The first {shown} of {r.Ranking.Count} are listed; ranking.csv has them all."
                : ""),
            ["rank", "member id", "score", "flips"],
            Enumerable.Range(0, shown).Select(i => (IReadOnlyList<string>)
                [Count(i + 1), plan.MemberIds[r.Ranking[i]], Number(r.Scores[i], "0.####"),
                    i < flips ? "yes" : "no"]).ToArray());
    }

    private static string End(double v) => double.IsPositiveInfinity(v) ? "beyond" : v.ToString("0.###",
        CultureInfo.InvariantCulture);
    /// <summary>A share as a percentage ("n/a" when undefined).</summary>
    internal static string Percent(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.#",
        CultureInfo.InvariantCulture) + "%";
    private static string Level(Plan plan) => Percent(plan.Level);
}
