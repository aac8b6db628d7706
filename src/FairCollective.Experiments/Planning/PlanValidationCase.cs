namespace FairCollective.Experiments.Planning;

/// <summary>
/// One validation case: the planner given only what a collective of size alpha with m known majority rows would know,
/// and the real firm on the real data after the planner's chosen flips.
/// </summary>
public sealed record PlanValidationCase
{
    /// <summary>Data set name.</summary>
    public required string Dataset { get; init; }
    /// <summary>Seed of the split and the collective.</summary>
    public required int Seed { get; init; }
    /// <summary>Collective size, share of the minority's training rows.</summary>
    public required double Alpha { get; init; }
    /// <summary>Majority rows known: a number, null = all, 0 = none (fallback).</summary>
    public required int? MajorityRows { get; init; }
    /// <summary>Members of the collective.</summary>
    public required int Members { get; init; }
    /// <summary>Members with label 0.</summary>
    public required int Pool { get; init; }
    /// <summary>The strategy the planner recommended.</summary>
    public required string Strategy { get; init; }
    /// <summary>The planner's budget (share of the pool).</summary>
    public required double Budget { get; init; }
    /// <summary>Flips at that budget.</summary>
    public required int Flips { get; init; }
    /// <summary>Predicted EqOd at the planner's budget: median.</summary>
    public required double PredictedEqOd { get; init; }
    /// <summary>Lower end of its predictive interval.</summary>
    public required double PredictedEqOdLow { get; init; }
    /// <summary>Upper end of its predictive interval.</summary>
    public required double PredictedEqOdHigh { get; init; }
    /// <summary>The real firm's EqOd on the real test split after the planner's flips.</summary>
    public required double AchievedEqOd { get; init; }
    /// <summary>Predicted error: median.</summary>
    public required double PredictedError { get; init; }
    /// <summary>Lower end of the error's interval.</summary>
    public required double PredictedErrorLow { get; init; }
    /// <summary>Upper end of the error's interval.</summary>
    public required double PredictedErrorHigh { get; init; }
    /// <summary>The real firm's error after the planner's flips.</summary>
    public required double AchievedError { get; init; }
    /// <summary>The real firm's EqOd without action.</summary>
    public required double AchievedBaseEqOd { get; init; }
    /// <summary>The budget (same strategy, same ranking) with the lowest achieved EqOd, in hindsight.</summary>
    public required double BestBudget { get; init; }
    /// <summary>The achieved EqOd at <see cref="BestBudget"/>.</summary>
    public required double BestEqOd { get; init; }
    /// <summary>Budgets whose achieved EqOd lay in the plan's interval for that budget.</summary>
    public required int BudgetsCovered { get; init; }
    /// <summary>Budgets compared.</summary>
    public required int BudgetsCompared { get; init; }
    /// <summary>The target asked: EqOd at most this (the planner's predicted no-action EqOd, reduced).</summary>
    public required double Target { get; init; }
    /// <summary>Whether the planner said this collective reaches the target at its budget.</summary>
    public required bool SaidReachable { get; init; }
    /// <summary>Seconds the plan took.</summary>
    public required double PlanSeconds { get; init; }

    /// <summary>Whether the achieved EqOd lies in the predictive interval.</summary>
    public bool Covered => AchievedEqOd >= PredictedEqOdLow && AchievedEqOd <= PredictedEqOdHigh;

    /// <summary>Whether the achieved error lies in its predictive interval.</summary>
    public bool ErrorCovered => AchievedError >= PredictedErrorLow && AchievedError <= PredictedErrorHigh;

    /// <summary>Achieved EqOd at the planner's budget minus the best achieved over budgets (0 = the best
    /// budget).</summary>
    public double Gap => AchievedEqOd - BestEqOd;

    /// <summary>Whether the planner's budget was within <see cref="PlanValidationOptions.UsefulWithin"/> of the best in
    /// hindsight.</summary>
    public bool Useful => Gap <= PlanValidationOptions.UsefulWithin;

    /// <summary>Whether the target was reached by the real firm.</summary>
    public bool Reached => AchievedEqOd <= Target;
}
