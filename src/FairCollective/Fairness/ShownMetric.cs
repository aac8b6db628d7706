using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// The fairness metric that tables, figures, the best-budget rule and the comparison against Random show: EqOd by
/// default, or any stored metric with a fairer direction, chosen by <c>--metric</c> or the spec's <c>metric</c> key.
/// Gaps (unsigned differences, 0 = parity) are minimised; min/max ratios (1 = parity) are maximised. Signed gaps and
/// the minority-over-majority ratio have no fairer direction and are refused.
/// </summary>
public sealed record ShownMetric
{
    private ShownMetric(string key) => Key = key;

    /// <summary>The paper's headline metric, the default everywhere.</summary>
    public static ShownMetric EqOd { get; } = new(MetricKeys.EqOd);

    /// <summary>The stored key (<see cref="MetricKeys"/>).</summary>
    public string Key { get; }

    /// <summary>
    /// The metric stored under <paramref name="key"/>; a key with no fairer direction is a user error whose message
    /// starts with <paramref name="culprit"/> (the option or spec key it came from) and lists the keys that work.
    /// </summary>
    public static ShownMetric Of(string key, string culprit = "metric")
    {
        if (key == MetricKeys.EqOd) return EqOd;
        if (MetricCatalog.Gaps.Contains(key) || MetricCatalog.Ratios.Contains(key)) return new ShownMetric(key);
        if (MetricCatalog.Find(key) is null)
            throw new UserInputException($"{culprit}: '{key}' is no metric this process knows (a plug-in's metric is " +
                $"known once its plug-in is loaded; gaps: {string.Join(", ", MetricCatalog.Gaps)}; min/max ratios: " +
                $"{string.Join(", ", MetricCatalog.Ratios)})");
        throw new UserInputException($"{culprit}: '{key}' is neither a gap (lower is fairer: " +
            $"{string.Join(", ", MetricCatalog.Gaps)}) nor a min/max ratio (higher is fairer: " +
            $"{string.Join(", ", MetricCatalog.Ratios)})");
    }

    /// <summary>Name in headers and captions: "EqOd" for the paper's metric, else the registry's name.</summary>
    public string Name => Key == MetricKeys.EqOd ? "EqOd" : MetricCatalog.Find(Key)!.Name;

    /// <summary>+1 when lower values are fairer (gaps), -1 when higher are (min/max ratios).</summary>
    public int Direction => MetricCatalog.Ratios.Contains(Key) ? -1 : 1;

    /// <summary>"lower is fairer" or "higher is fairer".</summary>
    public string Fairer => Direction > 0 ? "lower is fairer" : "higher is fairer";

    /// <summary>Axis label of the metric itself, with its range and direction.</summary>
    public string Axis => $"{Name} (0–1, {Fairer})";

    /// <summary>
    /// Distance from parity, where lower is always fairer: the gap itself, or 1 - ratio. Pareto fronts (against error,
    /// both minimised) and "flips to halve" use it so that one rule serves gaps and ratios alike.
    /// </summary>
    public double Unfairness(double value) => Direction > 0 ? value : 1 - value;

    /// <summary>Name of <see cref="Unfairness"/>: the metric's name for a gap, "1 − name" for a ratio.</summary>
    public string UnfairnessName => Direction > 0 ? Name : $"1 − {Name}";

    /// <summary>Axis label of <see cref="Unfairness"/>.</summary>
    public string UnfairnessAxis => Direction > 0 ? Axis : $"1 − {Name} (distance from parity, 0–1, lower is fairer)";

    /// <summary>"definition; convention" from the metric registry, printed beside every table that shows the
    /// metric.</summary>
    public string Describe() => MetricCatalog.Describe(Key);

    /// <inheritdoc/>
    public override string ToString() => Key;
}
