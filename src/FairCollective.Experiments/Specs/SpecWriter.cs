using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// Writes an experiment spec in the spec language itself (JSON, which is YAML), every key that
/// <see cref="SpecParser"/> reads and nothing else: the spec recorded with each run and shown in the report is a valid
/// spec that <c>run</c> re-runs to identical results (tested by a round trip). Defaults are written out too, so a
/// recorded spec means the same thing whatever a later version's defaults are.
/// </summary>
public static class SpecWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary><paramref name="spec"/> as spec text (JSON); indented for people when
    /// <paramref name="indented"/>.</summary>
    public static string Write(ExperimentSpec spec, bool indented = false)
    {
        var o = new JsonObject
        {
            ["name"] = spec.Name,
            ["datasets"] = new JsonArray(spec.Datasets.Select(Dataset).ToArray()),
            ["learners"] = Array(spec.Learners.Select(l => JsonValue.Create(l))),
            ["strategies"] = Array(spec.Strategies.Select(s => JsonValue.Create(s))),
        };
        var alphas = spec.Sizes.Where(z => z.Fraction is not null).Select(z => z.Fraction!.Value).ToArray();
        var members = spec.Sizes.Where(z => z.Count is not null).Select(z => z.Count!.Value).ToArray();
        if (alphas.Length > 0) o["alphas"] = Numbers(alphas);
        if (members.Length > 0) o["members"] = Array(members.Select(m => JsonValue.Create(m)));
        var budgets = new JsonObject();
        var fractions = spec.Budgets.Where(b => b.Fraction is not null).Select(b => b.Fraction!.Value).ToArray();
        var counts = spec.Budgets.Where(b => b.Count is not null).Select(b => b.Count!.Value).ToArray();
        if (fractions.Length > 0) budgets["fractions"] = Numbers(fractions);
        if (counts.Length > 0) budgets["counts"] = Array(counts.Select(c => JsonValue.Create(c)));
        if (spec.Budgets.Any(b => b.IsIdeal)) budgets["ideal"] = true;
        o["budgets"] = budgets;
        o["majority_rows"] = Array(spec.MajorityRows.Select(m
            => m is { } v ? JsonValue.Create(v) : (JsonNode)JsonValue.Create("all")));
        o["seeds"] = Array(spec.Seeds.Select(s => JsonValue.Create(s)));
        o["test_fraction"] = Number(spec.TestFraction);
        o["validation_fraction"] = Number(spec.ValidationFraction);
        o["bootstrap"] = new JsonObject
        {
            ["resamples"] = spec.BootstrapResamples,
            ["level"] = Number(spec.BootstrapLevel)
        };
        o["split"] = new JsonObject
        {
            ["stratify"] = spec.Stratify == Data.Splitting.Stratification.Label ? "label" :
            "label-group"
        };
        o["encoding"] = new JsonObject { ["binary"] = spec.BinaryAsOneColumn ? "one-column" : "two-columns" };
        o["metric"] = spec.Metric;
        // Written when not the default, so the recorded spec of a run that did not set it stays as it was.
        if (spec.Rounding != Collective.Rounding.HalfUp) o["rounding"] = spec.Rounding.SpecName();
        if (spec.PostProcessingFit is { } fit) o["firm_side_fit"] = fit ==
            Mitigation.FirmSide.PostProcessingFit.Validation ? "validation" : "training";
        o["strategy"] = SettingsCodec.ToNode(spec.Strategy, spec: true);
        if (spec.StrategyOptions.Count > 0)
            o["strategy"]!["options"] = new JsonObject(spec.StrategyOptions.OrderBy(kv => kv.Key,
                StringComparer.Ordinal)
                .Select(kv => KeyValuePair.Create(kv.Key, JsonNode.Parse(kv.Value))));
        if (spec.StrategyOptionsByMajorityRows.Count > 0)
            o["strategy"]!["options_by_majority_rows"] = new JsonObject(spec.StrategyOptionsByMajorityRows
                .OrderBy(kv => kv.Key).Select(kv => KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture),
                    (JsonNode?)new JsonObject(kv.Value.OrderBy(o => o.Key, StringComparer.Ordinal)
                        .Select(o => KeyValuePair.Create(o.Key, JsonNode.Parse(o.Value)))))));
        if (spec.Plugins.Count > 0) o["plugins"] = Array(spec.Plugins.Select(p => JsonValue.Create(p)));
        var learner = new JsonObject { ["c"] = Number(spec.Learner.C) };
        foreach (var (name, options) in spec.Learner.Options.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            learner[name] = new JsonObject(options.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv
                => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));
        o["learner"] = learner;
        if (spec.Randomness is not null)
            o["randomness"] = spec.PriorityOrder == PriorityOrder.LowestFirst
                ? new JsonObject { ["folder"] = spec.Randomness, ["priorities"] = "lowest-first" }
                : spec.Randomness;
        if (spec.FirmSide.Count > 0)
            o["firm_side"] = new JsonObject(spec.FirmSide.Select(f => KeyValuePair.Create(f.Method,
                // The short form (knob values alone) for a method at its default options.
                f.OptionsJson is { } own && own != Mitigation.FirmSide.FirmSideCatalog.OptionsJson(f.Method, [])
                    ? new JsonObject { ["knobs"] = Numbers(f.Knobs), ["options"] = JsonNode.Parse(own) }
                    : (JsonNode?)Numbers(f.Knobs))));
        // Written only where the spec has them, as lists of {defence: options}: one defence may appear with several
        // options.
        if (spec.Defences is not [{ IsNone: true }])
            o["defences"] = Array(spec.Defences.Select(d
                => (JsonNode)new JsonObject { [d.Name] = JsonNode.Parse(d.OptionsJson) }));
        if (spec.Plausibility is not [0.0]) o["plausible"] = Numbers(spec.Plausibility);
        return indented ? o.ToJsonString(Indented) : o.ToJsonString();
    }

    private static JsonNode Dataset(DatasetChoice d)
    {
        if (d.SpecPath is null && d.EmbeddingsPath is null) return JsonValue.Create(d.NameOrPath);
        var o = new JsonObject { ["path"] = d.NameOrPath };
        if (d.SpecPath is not null) o["spec"] = d.SpecPath;
        if (d.EmbeddingsPath is not null) o["embeddings"] = d.EmbeddingsPath;
        return o;
    }

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());

    private static JsonArray Numbers(IEnumerable<double> values) => Array(values.Select(Number));

    // Round-trip text, so a recorded 0.0125 reads back as exactly 0.0125.
    private static JsonNode Number(double value) => JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture))!;
}
