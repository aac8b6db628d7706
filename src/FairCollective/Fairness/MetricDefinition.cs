namespace FairCollective.Fairness;

/// <summary>One entry of the metric registry: what a number is and which convention it follows, for printing beside
/// it.</summary>
/// <param name="Key">Stable key in results stores, exports and reports (<see cref="MetricKeys"/>).</param>
/// <param name="Name">Name as printed.</param>
/// <param name="Definition">Formula in plain words.</param>
/// <param name="MetricConvention">Sign and aggregation convention, with the library it matches.</param>
/// <param name="Metric">The by-group metric it is, or null for a metric computed elsewhere (counterfactual, expected
/// rates).</param>
public sealed record MetricDefinition(string Key, string Name, string Definition, string MetricConvention, FairnessMetric? Metric);
