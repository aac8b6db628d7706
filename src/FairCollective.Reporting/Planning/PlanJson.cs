using System.Text.Json;
using FairCollective.Planning;

namespace FairCollective.Reporting.Planning;

/// <summary>
/// The plan for machines: every forecast, the recommendation, the ranked member ids and the assumptions. Numbers that
/// are undefined (NaN) or unbounded (a size never reached) are written as null.
/// </summary>
public static class PlanJson
{
    /// <summary>Version of this file's layout, raised when a field changes meaning.</summary>
    public const int FormatVersion = 1;

    /// <summary>The JSON text of <paramref name="plan"/>; <paramref name="settings"/> records the inputs and options it
    /// was made from.</summary>
    public static string Write(Plan plan, IReadOnlyList<(string Key, string Value)> settings)
    {
        var r = plan.Recommended;
        var doc = new
        {
            format = "faircollective-plan",
            version = FormatVersion,
            settings = settings.ToDictionary(s => s.Key, s => s.Value),
            population = new
            {
                firm_users = plan.Population.FirmUsers, minority_users = plan.Population.MinorityUsers,
                evaluation_users = plan.Population.EvaluationUsers
            },
            members = plan.Members,
            pool = plan.PoolSize,
            majority_sample_rows = plan.MajoritySampleRows,
            metric = plan.Metric,
            lower_is_fairer = plan.LowerIsFairer,
            level = plan.Level,
            replicates = plan.Replicates,
            learner = plan.Learner,
            recommendation = new
            {
                strategy = r.Strategy, budget = r.BestBudget.Share, flips = r.BestBudget.Flips,
                metric = Of(r.BestBudget.Metric), error = Of(r.BestBudget.Error)
            },
            no_action = new { metric = Of(r.Budgets[0].Metric), error = Of(r.Budgets[0].Error) },
            flip_order = r.Ranking.Take(r.BestBudget.Flips).Select(m => plan.MemberIds[m]).ToArray(),
            strategies = plan.Strategies.Select(s => new
            {
                strategy = s.Strategy,
                scoring_rule = s.ScoringRule,
                best_budget = s.BestBudget.Share,
                ranking = s.Ranking.Select(m => plan.MemberIds[m]).ToArray(),
                forecasts = s.Budgets.Select(b => new
                {
                    budget = b.Share, flips = b.Flips, metric = Of(b.Metric),
                    error = Of(b.Error)
                }).ToArray(),
            }).ToArray(),
            target = plan.Target is { } t ? new
            {
                value = t.Target, reachable_now = t.ReachableNow, reach_probability_now = t.ReachProbabilityNow,
                reachable = t.Reachable,
                needed_share = Of(t.NeededShare), needed_users = t.NeededUsers, reached_replicates =
                    t.ReachedReplicates,
            } : null,
            assumptions = plan.Assumptions,
            warnings = plan.Warnings,
            dropped_members = plan.DroppedMembers.Select(d => new
            {
                id = d.Id, line = d.Line,
                missing = d.Columns
            }).ToArray(),
            seconds = plan.Seconds,
        };
        return JsonSerializer.Serialize(doc, Options);
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    private static object Of(PredictiveInterval v) => new
    {
        median = Finite(v.Median), low = Finite(v.Low),
        high = Finite(v.High), defined = v.Defined
    };

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
