using System.Text.Json.Nodes;

namespace FairCollective.Learning.Catalog;

/// <summary>
/// The learner options an experiment sets, per learner: option name to value, applied by <see cref="LearnerCatalog"/>
/// onto that learner's own options record (any of its public options, by name, case-insensitive). Options not
/// given keep the record's named defaults. <see cref="C"/> is the common shorthand for logistic regression's C.
/// </summary>
public sealed record LearnerSettings
{
    /// <summary>Option overrides per learner name (<see cref="LearnerCatalog.Names"/>): option name to a JSON
    /// value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonNode?>> Options { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, JsonNode?>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Inverse L2 strength of the logistic-regression firm (scikit-learn's C); shorthand for the logistic
    /// option "C".</summary>
    public double C { get; init; } = Logistic.LogisticRegressionOptions.DefaultC;

    /// <summary>Equal when C and every override are equal (by value, option names compared
    /// case-insensitively).</summary>
    public bool Equals(LearnerSettings? other) => other is not null && C.Equals(other.C)
        && Canonical() == other.Canonical();

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(C, Canonical());

    // The overrides as sorted text: learner, then option, then the JSON value.
    private string Canonical() => string.Join(";", Options.OrderBy(kv => kv.Key.ToLowerInvariant(),
        StringComparer.Ordinal)
        .SelectMany(kv => kv.Value.OrderBy(o => o.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(o
                => $"{kv.Key.ToLowerInvariant()}.{o.Key.ToLowerInvariant()}={o.Value?.ToJsonString() ?? "null"}")));

    /// <summary>These settings with <paramref name="option"/> of <paramref name="learner"/> set to
    /// <paramref name="value"/>.</summary>
    public LearnerSettings With(string learner, string option, JsonNode? value)
    {
        var all = new Dictionary<string, IReadOnlyDictionary<string, JsonNode?>>(Options,
            StringComparer.OrdinalIgnoreCase);
        var one = new Dictionary<string, JsonNode?>(all.GetValueOrDefault(learner) ?? new Dictionary<string,
            JsonNode?>(), StringComparer.OrdinalIgnoreCase)
        {
            [option] = value,
        };
        all[learner] = one;
        return this with { Options = all };
    }
}
