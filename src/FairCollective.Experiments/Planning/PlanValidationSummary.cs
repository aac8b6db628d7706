using FairCollective.Experiments.Summaries;

namespace FairCollective.Experiments.Planning;

/// <summary>The validation's measures over a group of cases (one data set and majority sample, or all of
/// them).</summary>
/// <param name="Dataset">Data set, or "all".</param>
/// <param name="MajorityRows">Majority rows known (null = all, 0 = none), or null with <paramref name="AnyMajority"/>
/// for every sample.</param>
/// <param name="AnyMajority">Whether the group pools every majority sample.</param>
/// <param name="Cases">Cases in the group.</param>
/// <param name="Coverage">Cases whose achieved EqOd lay in the planner's interval at its budget (with its exact
/// interval).</param>
/// <param name="BudgetCoverage">The share over every budget of every case (budgets of one case are not independent: no
/// interval).</param>
/// <param name="ErrorCoverage">Cases whose achieved error lay in its interval.</param>
/// <param name="Useful">Cases whose budget was within 0.02 EqOd of the best budget in hindsight.</param>
/// <param name="MedianGap">Median gap to the best budget in hindsight.</param>
/// <param name="SaidReachable">Cases where the planner said the target is reached.</param>
/// <param name="ReachedWhenSaid">Of those, the cases where the real firm reached it (no trials when none was
/// said).</param>
/// <param name="MedianAbsoluteError">Median |predicted − achieved| EqOd at the planner's budget.</param>
/// <param name="MedianWidth">Median width of the EqOd predictive interval at the planner's budget.</param>
/// <param name="MedianSeconds">Median seconds per plan.</param>
public sealed record PlanValidationSummary(string Dataset, int? MajorityRows, bool AnyMajority, int Cases,
    Proportion Coverage, double BudgetCoverage,
    Proportion ErrorCoverage, Proportion Useful, double MedianGap, int SaidReachable, Proportion ReachedWhenSaid, double
        MedianAbsoluteError, double MedianWidth,
    double MedianSeconds)
{
    /// <summary>One summary per (data set, majority sample), then per majority sample over all data sets, then all
    /// cases.</summary>
    public static IReadOnlyList<PlanValidationSummary> Of(IReadOnlyList<PlanValidationCase> cases)
    {
        var rows = new List<PlanValidationSummary>();
        var samples = cases.Select(c => c.MajorityRows).Distinct().OrderBy(Order).ToArray();
        foreach (var dataset in cases.Select(c => c.Dataset).Distinct())
            foreach (var m in samples)
                if (cases.Where(c => c.Dataset == dataset && c.MajorityRows == m).ToArray() is { Length: > 0 } group)
                    rows.Add(Summarise(dataset, m, false, group));
        foreach (var m in samples) rows.Add(Summarise("all", m, false, cases.Where(c
            => c.MajorityRows == m).ToArray()));
        rows.Add(Summarise("all", null, true, cases.ToArray()));
        return rows;
    }

    /// <summary>Sort key of a majority sample: numbers ascending, then all, with none (0) first.</summary>
    public static int Order(int? m) => m ?? int.MaxValue;

    private static PlanValidationSummary Summarise(string dataset, int? m, bool any, PlanValidationCase[] group)
    {
        var said = group.Where(c => c.SaidReachable).ToArray();
        return new PlanValidationSummary(dataset, m, any, group.Length,
            Proportion.Of(group, c => c.Covered),
            (double)group.Sum(c => c.BudgetsCovered) / Math.Max(1, group.Sum(c => c.BudgetsCompared)),
            Proportion.Of(group, c => c.ErrorCovered),
            Proportion.Of(group, c => c.Useful),
            Median(group.Select(c => c.Gap)),
            said.Length,
            Proportion.Of(said, c => c.Reached),
            Median(group.Select(c => Math.Abs(c.PredictedEqOd - c.AchievedEqOd))),
            Median(group.Select(c => c.PredictedEqOdHigh - c.PredictedEqOdLow)),
            Median(group.Select(c => c.PlanSeconds)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length /
            2]) / 2;
    }
}
