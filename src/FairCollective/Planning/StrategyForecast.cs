namespace FairCollective.Planning;

/// <summary>One strategy's forecast: its ranking of the pool and the predicted firm at every budget.</summary>
/// <param name="Strategy">Strategy name.</param>
/// <param name="ScoringRule">How its scores were obtained (as specified, or the documented fallback when the sample is
/// too small).</param>
/// <param name="Ranking">Member positions (rows of the members file, 0-based) of the pool, first to flip first.</param>
/// <param name="Scores">The strategy's score of each ranked member, in ranking order.</param>
/// <param name="Budgets">The forecast at every budget, budget 0 (no action) first.</param>
/// <param name="Best">Index into <see cref="Budgets"/> of the budget with the fairest median forecast (the smallest on
/// ties).</param>
public sealed record StrategyForecast(string Strategy, string ScoringRule, IReadOnlyList<int> Ranking,
    IReadOnlyList<double> Scores,
    IReadOnlyList<BudgetForecast> Budgets, int Best)
{
    /// <summary>The budget this strategy would choose.</summary>
    public BudgetForecast BestBudget => Budgets[Best];
}
