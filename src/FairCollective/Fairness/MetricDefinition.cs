namespace FairCollective.Fairness;

/// <summary>One entry of the metric registry: what a number is and which convention it follows, for printing beside
/// it.</summary>
/// <param name="Key">Stable key in results stores, exports and reports (<see cref="MetricKeys"/>).</param>
/// <param name="Name">Name as printed.</param>
/// <param name="Definition">Formula in plain words.</param>
/// <param name="MetricConvention">Sign and aggregation convention, with the library it matches.</param>
/// <param name="Metric">The by-group metric it is, or null for a metric computed elsewhere (counterfactual, expected
/// rates).</param>
public sealed record MetricDefinition(string Key, string Name, string Definition, string MetricConvention, FairnessMetric? Metric)
{
    /// <summary>How a by-group metric is computed from the groups' rates (<see cref="MetricRules"/>); null for a metric
    /// computed elsewhere.</summary>
    public MetricRule? Rule { get; init; }

    /// <summary>Whether it compares every group (fairlearn's between-groups metrics), not the pooled minority and
    /// majority.</summary>
    public bool BetweenGroups { get; init; }

    /// <summary>Whether every cell of an experiment stores it.</summary>
    public bool Stored { get; init; }

    /// <summary>Whether a stored cell also stores its bootstrap interval over the test rows (every stored metric but
    /// the counts).</summary>
    public bool Interval { get; init; }
}
