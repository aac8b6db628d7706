namespace FairCollective.Planning;

/// <summary>What the planner predicts for the firm after the collective flips a share of its pool.</summary>
/// <param name="Share">The flip budget as a share of the pool.</param>
/// <param name="Flips">Members who flip at this budget.</param>
/// <param name="Metric">The firm's fairness metric (the plan's <see cref="PlannerOptions.Metric"/>) after the
/// action.</param>
/// <param name="Error">The firm's error rate after the action.</param>
public sealed record BudgetForecast(double Share, int Flips, PredictiveInterval Metric, PredictiveInterval Error);
