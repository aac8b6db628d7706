namespace FairCollective.Fairness;

/// <summary>One entry of the metric registry: what a number is and which convention it follows, for printing beside
/// it.</summary>
/// <param name="Key">Stable key in results stores, exports and reports (<see cref="MetricKeys"/>).</param>
/// <param name="Name">Name as printed.</param>
/// <param name="Definition">Formula in plain words.</param>
/// <param name="MetricConvention">Sign and aggregation convention, with the library it matches.</param>
/// <param name="Metric">The by-group metric it is, or null for a metric computed elsewhere (counterfactual, expected
/// rates).</param>
public sealed record MetricDefinition(string Key, string Name, string Definition, string MetricConvention,
    FairnessMetric? Metric)
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

    /// <summary>Where a plug-in's metric came from (assembly, version, SHA-256), recorded in every cell that stores it;
    /// null when built in.</summary>
    public string? Origin { get; init; }

    /// <summary>
    /// A by-group metric to register (<see cref="MetricCatalog.Register"/>): computed by <paramref name="rule"/> from
    /// the groups' rates, stored by every cell (with its bootstrap interval) when <paramref name="stored"/>. Its slot
    /// is given when it is registered.
    /// </summary>
    /// <param name="key">Its key in stores, exports and <c>--metric</c>: lower-case letters, digits and '_'.</param>
    /// <param name="name">Its name as printed.</param>
    /// <param name="definition">Its formula in plain words.</param>
    /// <param name="convention">Its sign and aggregation convention (one of <see cref="MetricCatalog"/>'s where it
    /// follows one, so tables treat it alike: an unsigned gap is minimised, a min-over-max ratio maximised).</param>
    /// <param name="rule">How it is computed (<see cref="MetricRules"/>).</param>
    /// <param name="stored">Whether every cell stores it and its interval.</param>
    public static MetricDefinition ByGroup(string key, string name, string definition, string convention,
        MetricRule rule, bool stored = false) =>
        new(key, name, definition, convention, null)
        {
            Rule = rule, Stored = stored, BetweenGroups = rule.BetweenGroups,
            Interval = stored && !rule.IsCount,
        };
}
