using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>Which rows choose the "best" flip budget at an alpha.</summary>
public enum SelectionSplit
{
    /// <summary>The test rows that are also reported: the paper's rule, optimistic (the choice sees the numbers it
    /// reports).</summary>
    Test,

    /// <summary>A validation split carved from the training rows (<c>validation_fraction</c>); the chosen budget is
    /// reported on test.</summary>
    Validation,
}

/// <summary>How "best over budgets" combines seeds.</summary>
public enum BestDefinition
{
    /// <summary>One budget for all seeds: the one with the lowest seed-mean EqOd (the tables' default).</summary>
    MinOfSeedMeans,

    /// <summary>Each seed its own budget, the lowest EqOd of that seed, then the mean over seeds (the paper's
    /// pipeline).</summary>
    MeanOfSeedMins,
}

/// <summary>A rule for "best EqOd at alpha": which split chooses the budget, and how seeds combine.</summary>
/// <param name="Split">The rows that choose.</param>
/// <param name="Best">How seeds combine.</param>
/// <param name="Metric">The stored fairness metric that is minimised and reported (a <see cref="MetricKeys"/> key;
/// default EqOd).</param>
public sealed record BudgetSelection(SelectionSplit Split = SelectionSplit.Test,
    BestDefinition Best = BestDefinition.MinOfSeedMeans, string Metric = MetricKeys.EqOd)
{
    /// <summary>The paper's rule: chosen on test, one budget for all seeds.</summary>
    public static BudgetSelection Paper { get; } = new();

    /// <summary>The paper's rule for <paramref name="metric"/>: chosen on test, one budget for all seeds.</summary>
    public static BudgetSelection PaperFor(ShownMetric metric)
        => metric == ShownMetric.EqOd ? Paper : new(Metric: metric.Key);

    /// <summary>The rule in words, printed beside every table that uses it.</summary>
    public string Describe() =>
        (Split == SelectionSplit.Test
            ? "budget chosen on the test split (the paper's rule; optimistic)"
            : "budget chosen on the validation split, reported on test")
        + (Best == BestDefinition.MinOfSeedMeans ? (Direction > 0 ? "; one budget for all seeds: the lowest seed mean" :
            "; one budget for all seeds: the highest seed mean") :
            "; each seed's own budget, then the mean over seeds");

    /// <summary>+1 when lower values of <see cref="Metric"/> are fairer (gaps), -1 when higher are (min/max
    /// ratios).</summary>
    public int Direction => Shown.Direction;

    /// <summary>The chosen metric with its name and direction; a metric without a fairer direction is refused
    /// (<see cref="ShownMetric.Of"/>).</summary>
    public ShownMetric Shown => ShownMetric.Of(Metric);

    /// <summary>The key of the metric that chooses: EqOd on test, or on validation.</summary>
    public string ChoosingKey => Split == SelectionSplit.Test ? Metric : MetricKeys.OnValidation(Metric);

    /// <summary>
    /// Refuses a metric with no fairer direction: only gaps (minimised) and min/max ratios (maximised) can choose a
    /// budget. <paramref name="culprit"/> names where the metric came from in the message (an option or a key).
    /// </summary>
    public void CheckMetric(string culprit = "metric") => ShownMetric.Of(Metric, culprit);

    /// <summary>Refuses the rule on cells that cannot answer it: a metric they do not store, or a validation split they
    /// lack.</summary>
    public void CheckAvailable(IEnumerable<CellRecord> cells)
    {
        CheckMetric();
        var all = cells.ToArray();
        if (all.Length > 0 && !all.Any(c => c.Metrics.ContainsKey(Metric)))
        {
            var stored = all.SelectMany(c => c.Metrics.Keys).Distinct()
                .Where(k => MetricCatalog.Find(k)?.Metric is not null).Order(StringComparer.Ordinal);
            throw new UserInputException(
                $"these results do not store the metric '{Metric}' (stored: {string.Join(", ", stored)})");
        }
        if (Split == SelectionSplit.Validation && !all.Any(c => c.Metrics.ContainsKey(ChoosingKey)))
            throw new UserInputException("these results have no validation split to choose budgets on: run the spec " +
                "with validation_fraction > 0 (docs/experiment-spec.md)");
    }
}
