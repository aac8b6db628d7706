using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Collective;
using FairCollective.Data;

namespace FairCollective.Experiments.Store;

/// <summary>
/// The settings an experiment's cells share beyond its grid axes: the split, the strategy options, each learner's
/// options and each dataset's identity. A store keeps one per experiment name; a later run under that name may
/// add grid points, learners or datasets, but may not change any of these, so one table never mixes two
/// configurations. (Each cell's key covers all of them too; this record is what lets the store refuse early, with
/// the first differing setting named, instead of silently growing a second experiment beside the first.)
/// </summary>
public sealed record ExperimentSettings
{
    /// <summary>Share of rows in the test split.</summary>
    public required double TestFraction { get; init; }

    /// <summary>Share of all rows in the validation part (0 = none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>The rows post-processors are fitted on ("Validation", "Training"; empty without firm-side
    /// methods).</summary>
    public string PostProcessingFit { get; init; } = "";

    /// <summary>Bootstrap resamples and level of the stored intervals ("200 at 0.95"; "none").</summary>
    public string Bootstrap { get; init; } = "none";

    /// <summary>What the splits are stratified by.</summary>
    public Data.Splitting.Stratification Stratify { get; init; } = Data.Splitting.Stratification.LabelAndGroup;

    /// <summary>How shares become counts (collective sizes, budgets).</summary>
    public FairCollective.Collective.Rounding Rounding { get; init; }

    /// <summary>Whether two-level categoricals are one 0/1 column.</summary>
    public bool BinaryAsOneColumn { get; init; }

    /// <summary>The settings every strategy shares (tie rule, scoring space).</summary>
    public required FairCollective.Collective.Strategies.StrategySettings Strategy { get; init; }

    /// <summary>Strategy name to its own options as canonical JSON, for the strategies with options of their own
    /// (RB-prob, RB-label, RB-dist, a plug-in's).</summary>
    public IReadOnlyDictionary<string, string> StrategyOptions { get; init; } = new Dictionary<string,
        string>(StringComparer.Ordinal);

    /// <summary>Firm-side method name to its options beyond the knob as canonical JSON, for the methods with
    /// some.</summary>
    public IReadOnlyDictionary<string, string> FirmSideOptions { get; init; } = new Dictionary<string,
        string>(StringComparer.Ordinal);

    /// <summary>Plug-in assembly name to its origin (name, version, SHA-256 of the file), for the plug-ins whose
    /// components the experiment uses.</summary>
    public IReadOnlyDictionary<string, string> Plugins { get; init; } = new Dictionary<string,
        string>(StringComparer.Ordinal);

    /// <summary>Learner name to its canonical options JSON.</summary>
    public required IReadOnlyDictionary<string, string> Learners { get; init; }

    /// <summary>Dataset display name to its identity.</summary>
    public required IReadOnlyDictionary<string, DatasetIdentity> Datasets { get; init; }

    /// <summary>
    /// Dataset display name to its rows read and dropped (<see cref="RowAccount"/>), for datasets read through a
    /// dataset spec. Stored beside the identity, not compared: the rows follow from the data and the settings, which
    /// the identity's two hashes already bind. Empty in stores written before rows were accounted.
    /// </summary>
    public IReadOnlyDictionary<string, RowAccount> DatasetRows { get; init; } = new Dictionary<string,
        RowAccount>(StringComparer.Ordinal);

    /// <summary>"dataset/seed/m" (m = "all" or a number) to the SHA-256 of the randomness its cells use (seeded or
    /// imported).</summary>
    public IReadOnlyDictionary<string, string> Randomness { get; init; } = new Dictionary<string,
        string>(StringComparer.Ordinal);

    /// <summary>The first setting in which <paramref name="stored"/> and this differ, as "setting: stored X, now Y";
    /// null when compatible.</summary>
    public string? FirstDifference(ExperimentSettings stored)
    {
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (N(stored.TestFraction) != N(TestFraction)) return
            $"test_fraction is {N(stored.TestFraction)} in the store and {N(TestFraction)} now";
        if (N(stored.ValidationFraction) != N(ValidationFraction)) return
            $"validation_fraction is {N(stored.ValidationFraction)} in the store and {N(ValidationFraction)} now";
        if (stored.Bootstrap != Bootstrap) return $"bootstrap is {stored.Bootstrap} in the store and {Bootstrap} now";
        if (stored.PostProcessingFit.Length > 0 && PostProcessingFit.Length > 0
            && stored.PostProcessingFit != PostProcessingFit)
            return $"firm_side_fit is {stored.PostProcessingFit.ToLowerInvariant()} in the store and " +
                $"{PostProcessingFit.ToLowerInvariant()} now";
        if (stored.Stratify != Stratify) return $"split.stratify is {stored.Stratify} in the store and {Stratify} now";
        if (stored.Rounding != Rounding) return $"rounding is {stored.Rounding.SpecName()} in the store and " +
            $"{Rounding.SpecName()} now";
        if (stored.BinaryAsOneColumn != BinaryAsOneColumn) return $"encoding.binary is " +
            $"{(stored.BinaryAsOneColumn ? "one-column" : "two-columns")} in the store and " +
            $"{(BinaryAsOneColumn ? "one-column" : "two-columns")} now";
        if (Specs.SettingsCodec.FirstDifference(stored.Strategy, Strategy,
            "strategy") is { } strategyDifference) return strategyDifference;
        foreach (var (strategy, options) in StrategyOptions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (stored.StrategyOptions.TryGetValue(strategy, out var old) && old != options)
                return $"strategy '{strategy}' options {FirstOptionDifference(old, options)}";
        foreach (var (method, options) in FirmSideOptions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (stored.FirmSideOptions.TryGetValue(method, out var old) && old != options)
                return $"firm-side method '{method}' options {FirstOptionDifference(old, options)}";
        foreach (var (assembly, origin) in Plugins.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (stored.Plugins.TryGetValue(assembly, out var old) && old != origin)
                return $"plug-in {assembly} differs ({old} in the store, {origin} now): a rebuilt plug-in may " +
                    "compute other results";
        foreach (var (learner, options) in Learners.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (stored.Learners.TryGetValue(learner, out var old) && old != options)
                return $"learner '{learner}' options {FirstOptionDifference(old, options)}";
        foreach (var (name, identity) in Datasets.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!stored.Datasets.TryGetValue(name, out var old)) continue;
            if (old.ContentHash != identity.ContentHash)
                return $"dataset '{name}' has different data (content sha256 {Short(old.ContentHash)} in the store, " +
                    $"{Short(identity.ContentHash)} now)";
            if (old.SpecHash != identity.SpecHash)
                return $"dataset '{name}' is read with different settings (spec sha256 {Short(old.SpecHash)} in the " +
                    $"store, {Short(identity.SpecHash)} now)";
        }
        foreach (var (split, sha) in Randomness.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            if (stored.Randomness.TryGetValue(split, out var old) && old != sha)
                return $"the randomness of {split} (split, collective order, Random priorities or majority sample) " +
                    $"differs (sha256 {Short(old)} in the store, {Short(sha)} now: imported or seeded differently)";
        return null;
    }

    /// <summary>These settings with the learners and datasets of <paramref name="stored"/> that this run does not
    /// name.</summary>
    public ExperimentSettings UnionWith(ExperimentSettings stored) => this with
    {
        // A run without firm-side methods keeps the stored fitting rule of the runs that had them.
        PostProcessingFit = PostProcessingFit.Length > 0 ? PostProcessingFit : stored.PostProcessingFit,
        Learners = stored.Learners.Concat(Learners).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value,
            StringComparer.Ordinal),
        StrategyOptions = stored.StrategyOptions.Concat(StrategyOptions).GroupBy(kv => kv.Key).ToDictionary(g => g.Key,
            g => g.Last().Value, StringComparer.Ordinal),
        FirmSideOptions = stored.FirmSideOptions.Concat(FirmSideOptions).GroupBy(kv => kv.Key).ToDictionary(g => g.Key,
            g => g.Last().Value, StringComparer.Ordinal),
        Plugins = stored.Plugins.Concat(Plugins).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value,
            StringComparer.Ordinal),
        Datasets = stored.Datasets.Concat(Datasets).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value,
            StringComparer.Ordinal),
        DatasetRows = stored.DatasetRows.Concat(DatasetRows).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g
            => g.Last().Value, StringComparer.Ordinal),
        Randomness = stored.Randomness.Concat(Randomness).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g
            => g.Last().Value, StringComparer.Ordinal),
    };

    /// <summary>Compact JSON as the store keeps it: learners and datasets in ordinal key order, datasets by their two
    /// hashes.</summary>
    public string ToJson()
    {
        var o = new JsonObject
        {
            ["test_fraction"] = JsonValue.Create(TestFraction),
            ["stratify"] = Stratify.ToString(),
            ["validation_fraction"] = JsonValue.Create(ValidationFraction),
            ["bootstrap"] = Bootstrap,
            ["post_processing_fit"] = PostProcessingFit,
            ["binary_as_one_column"] = BinaryAsOneColumn,
            ["strategy"] = Specs.SettingsCodec.ToNode(Strategy, spec: false),
            ["learners"] = new JsonObject(Learners.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => KeyValuePair.Create(kv.Key, JsonNode.Parse(kv.Value)))),
            ["datasets"] = new JsonObject(Datasets.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)DatasetJson(kv.Value,
                    DatasetRows.GetValueOrDefault(kv.Key))))),
            ["randomness"] = new JsonObject(Randomness.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv
                => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
        // Written only when there are some, so a store of built-in components keeps its record as it was.
        if (StrategyOptions.Count > 0)
            o["strategy_options"] = new JsonObject(StrategyOptions.OrderBy(kv => kv.Key,
                StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, JsonNode.Parse(kv.Value))));
        if (FirmSideOptions.Count > 0)
            o["firm_side_options"] = new JsonObject(FirmSideOptions.OrderBy(kv => kv.Key,
                StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, JsonNode.Parse(kv.Value))));
        if (Rounding != FairCollective.Collective.Rounding.HalfUp) o["rounding"] = Rounding.SpecName();
        if (Plugins.Count > 0)
            o["plugins"] = new JsonObject(Plugins.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv
                => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        return o.ToJsonString();
    }

    /// <summary>Reads <see cref="ToJson"/>'s output; throws <see cref="FormatException"/> when it is not such a
    /// record.</summary>
    public static ExperimentSettings FromJson(string json)
    {
        try
        {
            var o = JsonNode.Parse(json)!.AsObject();
            var s = o["strategy"]!.AsObject();
            return new ExperimentSettings
            {
                TestFraction = o["test_fraction"]!.GetValue<double>(),
                Stratify = Enum.Parse<Data.Splitting.Stratification>(o["stratify"]!.GetValue<string>()),
                Rounding = o["rounding"] is { } rounding
                    ? FairCollective.Collective.RoundingRules.FromSpecName(rounding.GetValue<string>())
                      ?? throw new FormatException("rounding")
                    : FairCollective.Collective.Rounding.HalfUp,
                ValidationFraction = o["validation_fraction"]!.GetValue<double>(),
                Bootstrap = o["bootstrap"]!.GetValue<string>(),
                PostProcessingFit = o["post_processing_fit"]!.GetValue<string>(),
                BinaryAsOneColumn = o["binary_as_one_column"]!.GetValue<bool>(),
                Strategy = Specs.SettingsCodec.FromStored<FairCollective.Collective.Strategies.StrategySettings>(
                    JsonDocument.Parse(s.ToJsonString()).RootElement),
                Learners = o["learners"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.ToJsonString(),
                    StringComparer.Ordinal),
                Datasets = o["datasets"]!.AsObject().ToDictionary(kv => kv.Key,
                    kv => new DatasetIdentity(kv.Key, kv.Value!["content_sha256"]!.GetValue<string>(),
                        kv.Value!["spec_sha256"]!.GetValue<string>()), StringComparer.Ordinal),
                DatasetRows = o["datasets"]!.AsObject().Where(kv => kv.Value!["rows"] is not null)
                    .ToDictionary(kv => kv.Key, kv => RowsOf(kv.Value!["rows"]!.AsObject()), StringComparer.Ordinal),
                Randomness = o["randomness"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>(),
                    StringComparer.Ordinal),
                StrategyOptions = o["strategy_options"]?.AsObject().ToDictionary(kv => kv.Key, kv
                    => kv.Value!.ToJsonString(), StringComparer.Ordinal)
                                  ?? new Dictionary<string, string>(StringComparer.Ordinal),
                FirmSideOptions = o["firm_side_options"]?.AsObject().ToDictionary(kv => kv.Key, kv
                    => kv.Value!.ToJsonString(), StringComparer.Ordinal)
                                  ?? new Dictionary<string, string>(StringComparer.Ordinal),
                Plugins = o["plugins"]?.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>(),
                    StringComparer.Ordinal)
                          ?? new Dictionary<string, string>(StringComparer.Ordinal),
            };
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or
            ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new FormatException(StoredJsonShape.Describe(json, "the record", Fields), e);
        }
    }

    // A dataset as the store keeps it: its two hashes, and its rows when they were accounted.
    private static JsonObject DatasetJson(DatasetIdentity identity, RowAccount? rows)
    {
        var o = new JsonObject { ["content_sha256"] = identity.ContentHash, ["spec_sha256"] = identity.SpecHash };
        if (rows is not null)
            o["rows"] = new JsonObject
            {
                ["read"] = rows.Read,
                ["dropped"] = rows.Dropped,
                ["dropped_by_column"] = new JsonArray(rows.ByColumn.Select(c
                    => (JsonNode?)new JsonObject { ["column"] = c.Column, ["rows"] = c.Rows }).ToArray()),
            };
        return o;
    }

    private static RowAccount RowsOf(JsonObject rows) => new(rows["read"]!.GetValue<int>(),
        rows["dropped"]!.GetValue<int>(),
        rows["dropped_by_column"]!.AsArray().Select(c => new ColumnDrops(c!["column"]!.GetValue<string>(),
            c["rows"]!.GetValue<int>())).ToArray());

    /// <summary>What <see cref="ToJson"/> writes, field by field, for naming what an edited record lacks
    /// (<see cref="StoredJsonShape"/>).</summary>
    private static readonly StoredJsonShape.Field[] Fields =
    [
        new("test_fraction",
            StoredJsonShape.Kind.Number), StoredJsonShape.Field.Enum<Data.Splitting.Stratification>("stratify"),
        new("validation_fraction", StoredJsonShape.Kind.Number), new("bootstrap",
            StoredJsonShape.Kind.Text), new("post_processing_fit", StoredJsonShape.Kind.Text),
        new("binary_as_one_column", StoredJsonShape.Kind.Boolean), .. StoredJsonShape.Field.Settings("strategy",
            typeof(FairCollective.Collective.Strategies.StrategySettings)),
        new("learners", StoredJsonShape.Kind.Object), new("datasets", StoredJsonShape.Kind.Object), new("randomness",
            StoredJsonShape.Kind.Object),
        new("strategy_options", StoredJsonShape.Kind.Object, Optional: true), new("firm_side_options",
            StoredJsonShape.Kind.Object, Optional: true),
        new("plugins", StoredJsonShape.Kind.Object, Optional: true),
        new("rounding", StoredJsonShape.Kind.Text, Optional: true),
    ];

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string FirstOptionDifference(string storedJson, string nowJson)
    {
        var a = JsonNode.Parse(storedJson)!.AsObject();
        var b = JsonNode.Parse(nowJson)!.AsObject();
        foreach (var key in a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)).Order(StringComparer.Ordinal))
        {
            string x = a[key]?.ToJsonString() ?? "(unset)", y = b[key]?.ToJsonString() ?? "(unset)";
            if (x != y) return $"differ: {key} is {x} in the store and {y} now";
        }
        return "differ";
    }
}
