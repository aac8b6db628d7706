using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;

namespace FairCollective.Experiments.Store;

/// <summary>
/// Everything that determines one grid cell's result, and nothing else. The cell's key, the JSON stored with it and
/// every label shown for it are derived from this one record, so they cannot drift apart: two cells share a key
/// exactly when every setting below is equal (doubles compared bit for bit through their round-trip text).
/// </summary>
public sealed record CellConfig
{
    /// <summary>Method of the unchanged firm.</summary>
    public const string BaseMethod = "Base";

    /// <summary>The experiment's name.</summary>
    public required string Experiment { get; init; }

    /// <summary>The dataset's display name and its data and settings hashes.</summary>
    public required DatasetIdentity Dataset { get; init; }

    /// <summary>Learner name ("logistic", "mlp", "gbt").</summary>
    public required string Learner { get; init; }

    /// <summary>Every learner option that can change a fit, as canonical JSON (sorted keys; threads and the seed
    /// excluded: the seed is <see cref="Seed"/>).</summary>
    public required string LearnerOptionsJson { get; init; }

    /// <summary>Share of rows in the test split.</summary>
    public required double TestFraction { get; init; }

    /// <summary>Share of all rows in the validation part (0 = none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Bootstrap resamples of the test rows behind the stored intervals (0 = none).</summary>
    public int BootstrapResamples { get; init; }

    /// <summary>Level of the stored bootstrap intervals.</summary>
    public double BootstrapLevel { get; init; } = Fairness.BootstrapOptions.DefaultLevel;

    /// <summary>What the split is stratified by.</summary>
    public Data.Splitting.Stratification Stratify { get; init; } = Data.Splitting.Stratification.LabelAndGroup;

    /// <summary>Whether two-level categoricals are one 0/1 column.</summary>
    public bool BinaryAsOneColumn { get; init; }

    /// <summary>The seed of the split, the collective's order, the majority sample, tie-breaking and the
    /// learner.</summary>
    public required int Seed { get; init; }

    /// <summary>SHA-256 of the randomness the cell used (split, collective order, Random priorities, known-majority
    /// sample; <c>Randomness.Sha256</c>).</summary>
    public required string RandomnessSha256 { get; init; }

    /// <summary>"Base", a strategy name, or a firm-side method name.</summary>
    public required string Method { get; init; }

    /// <summary>Collective cells only: m, the known majority rows (null = all).</summary>
    public int? MajorityRows { get; init; }

    /// <summary>Collective cells only: the collective size as the spec gave it.</summary>
    public CollectiveSize? Size { get; init; }

    /// <summary>Collective cells only: the flip budget as the spec gave it.</summary>
    public FlipBudget? Budget { get; init; }

    /// <summary>Collective cells only: the strategy options.</summary>
    public StrategySettings? Strategy { get; init; }

    /// <summary>Collective cells of a strategy with options of its own: them, as canonical JSON (keys sorted, defaults
    /// included); null for the rest (then not written, so their keys stay).</summary>
    public string? StrategyOptionsJson { get; init; }

    /// <summary>The plug-ins whose components the cell uses (strategy, learner, defence), by origin (assembly, version,
    /// SHA-256) joined by "; ", in order; null when none (then not written).</summary>
    public string? Plugins { get; init; }

    /// <summary>The firm's defence against flipped labels, with its options; none by default (and then not written, so
    /// cells without one keep their keys).</summary>
    public Mitigation.Defences.DefenceChoice Defence { get; init; } = Mitigation.Defences.DefenceChoice.None;

    /// <summary>Collective cells only: the plausible-flips threshold (0 = the whole pool; written only when above
    /// 0).</summary>
    public double Plausible { get; init; }

    /// <summary>Collective cells with a plausible-flips threshold: the learner of the majority model it reads
    /// (RB-prob's); written only when <see cref="Plausible"/> is above 0.</summary>
    public string PlausibleModel { get; init; } = new RbProbOptions().Model;

    /// <summary>Firm-side cells only: the method's knob.</summary>
    public double? Knob { get; init; }

    /// <summary>Firm-side cells of a method with options beyond its knob: them, as canonical JSON (keys sorted,
    /// defaults included); null for the rest (then not written).</summary>
    public string? FirmSideOptionsJson { get; init; }

    /// <summary>Firm-side cells only: the rows post-processors were fitted on.</summary>
    public Mitigation.FirmSide.PostProcessingFit PostProcessingFit { get; init; }

    /// <summary>True for a cell where a collective relabels (it has a size, budget and strategy options).</summary>
    public bool IsCollective => Size is not null;

    /// <summary>The canonical JSON of this configuration: fixed key order, round-trip numbers, no whitespace.</summary>
    public string ToJson() => Encoding.UTF8.GetString(Utf8Json().WrittenSpan);

    /// <summary><see cref="ToJson"/> as UTF-8 bytes, the form its key hashes.</summary>
    private ArrayBufferWriter<byte> Utf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var j = new Utf8JsonWriter(buffer))
        {
            j.WriteStartObject();
            j.WriteString("experiment", Experiment);
            j.WriteStartObject("dataset");
            j.WriteString("name", Dataset.Name);
            j.WriteString("content_sha256", Dataset.ContentHash);
            j.WriteString("spec_sha256", Dataset.SpecHash);
            j.WriteEndObject();
            j.WriteStartObject("learner");
            j.WriteString("name", Learner);
            j.WritePropertyName("options");
            j.WriteRawValue(LearnerOptionsJson);
            j.WriteEndObject();
            if (!Defence.IsNone)
            {
                j.WriteStartObject("defence");
                j.WriteString("name", Defence.Name);
                j.WritePropertyName("options");
                j.WriteRawValue(Defence.OptionsJson);
                j.WriteEndObject();
            }
            j.WriteStartObject("split");
            WriteNumber(j, "test_fraction", TestFraction);
            WriteNumber(j, "validation_fraction", ValidationFraction);
            j.WriteString("stratify", Stratify.ToString());
            j.WriteEndObject();
            j.WriteStartObject("bootstrap");
            j.WriteNumber("resamples", BootstrapResamples);
            WriteNumber(j, "level", BootstrapLevel);
            j.WriteEndObject();
            j.WriteStartObject("encoding");
            j.WriteBoolean("binary_as_one_column", BinaryAsOneColumn);
            j.WriteEndObject();
            j.WriteNumber("seed", Seed);
            j.WriteString("randomness_sha256", RandomnessSha256);
            j.WriteString("method", Method);
            if (IsCollective)
            {
                j.WriteStartObject("collective");
                if (MajorityRows is { } m) j.WriteNumber("majority_rows", m);
                else j.WriteString("majority_rows",
                    "all");
                var size = Size!.Value;
                if (size.Fraction is { } a) WriteNumber(j, "alpha", a);
                else j.WriteNumber("members",
                    size.Count!.Value);
                var budget = Budget!.Value;
                if (budget.IsIdeal) j.WriteBoolean("budget_ideal", true);
                else if (budget.Fraction is { } f) WriteNumber(j, "budget_share_of_pool", f);
                else j.WriteNumber("budget_flips", budget.Count!.Value);
                // Keyed where it changes a count (a share rounded half to even); the default is not written, so every
                // key computed before the option existed stays the same.
                var rounding = size.Fraction is not null ? size.Rounding
                    : budget.Fraction is not null ? budget.Rounding : Rounding.HalfUp;
                if (rounding != Rounding.HalfUp) j.WriteString("rounding", rounding.SpecName());
                var s = Strategy!;
                j.WriteStartObject("strategy");
                Specs.SettingsCodec.WriteStored(j, s);
                if (StrategyOptionsJson is { } own)
                {
                    j.WritePropertyName("options");
                    j.WriteRawValue(own);
                }
                j.WriteEndObject();
                if (Plausible > 0)
                {
                    WriteNumber(j, "plausible_min", Plausible);
                    j.WriteString("plausible_model", PlausibleModel);
                }
                j.WriteEndObject();
            }
            if (Plugins is { } plugins) j.WriteString("plugins", plugins);
            if (Knob is { } knob)
            {
                j.WriteStartObject("firm_side");
                WriteNumber(j, "knob", knob);
                j.WriteString("post_processing_fit", PostProcessingFit.ToString());
                if (FirmSideOptionsJson is { } options)
                {
                    j.WritePropertyName("options");
                    j.WriteRawValue(options);
                }
                j.WriteEndObject();
            }
            j.WriteEndObject();
        }
        return buffer;
    }

    /// <summary>The cell's identity: SHA-256 of <see cref="ToJson"/>, in hex.</summary>
    public string Key() => KeyOfUtf8(Utf8Json().WrittenSpan);

    /// <summary>The key of a configuration already written by <see cref="ToJson"/> (saves writing it twice).</summary>
    public static string KeyOf(string json) => KeyOfUtf8(Encoding.UTF8.GetBytes(json));

    private static string KeyOfUtf8(ReadOnlySpan<byte> json)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The budget as tables show it: "0.0125 of pool", "40 flips", or "none" outside collective cells (exact
    /// values, never rounded).</summary>
    public string BudgetText => Budget is { } b ? b.ToString() : "none";

    /// <summary>A short human description for messages: experiment, dataset, learner, seed, method and the grid
    /// point.</summary>
    public string Describe()
    {
        var parts = new List<string> { Experiment, Dataset.Name, Learner,
            $"seed {Seed.ToString(CultureInfo.InvariantCulture)}", Method };
        if (!Defence.IsNone) parts.Add($"defence {Defence.Name} {Defence.OptionsJson}");
        if (IsCollective)
        {
            if (Plausible > 0)
                parts.Add($"plausible >= {Plausible.ToString("R", CultureInfo.InvariantCulture)} by {PlausibleModel}");
            parts.Add(MajorityRows is { } m ? $"m = {m.ToString(CultureInfo.InvariantCulture)}" : "m = all");
            parts.Add(Size!.Value.ToString());
            parts.Add(BudgetText);
        }
        if (Knob is { } k) parts.Add($"knob {k.ToString("R", CultureInfo.InvariantCulture)}");
        return string.Join(" / ", parts);
    }

    /// <summary>Reads <see cref="ToJson"/>'s output back; throws <see cref="FormatException"/> naming what is
    /// wrong.</summary>
    public static CellConfig FromJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var d = r.GetProperty("dataset");
            var l = r.GetProperty("learner");
            var config = new CellConfig
            {
                Experiment = r.GetProperty("experiment").GetString()!,
                Dataset = new DatasetIdentity(d.GetProperty("name").GetString()!,
                    d.GetProperty("content_sha256").GetString()!, d.GetProperty("spec_sha256").GetString()!),
                Learner = l.GetProperty("name").GetString()!,
                LearnerOptionsJson = l.GetProperty("options").GetRawText(),
                TestFraction = r.GetProperty("split").GetProperty("test_fraction").GetDouble(),
                Stratify = Enum.Parse<Data.Splitting.Stratification>(r.GetProperty("split").GetProperty("stratify")
                    .GetString()!),
                ValidationFraction = r.GetProperty("split").GetProperty("validation_fraction").GetDouble(),
                BinaryAsOneColumn = r.GetProperty("encoding").GetProperty("binary_as_one_column").GetBoolean(),
                BootstrapResamples = r.GetProperty("bootstrap").GetProperty("resamples").GetInt32(),
                BootstrapLevel = r.GetProperty("bootstrap").GetProperty("level").GetDouble(),
                Seed = r.GetProperty("seed").GetInt32(),
                RandomnessSha256 = r.GetProperty("randomness_sha256").GetString()!,
                Method = r.GetProperty("method").GetString()!,
                Plugins = r.TryGetProperty("plugins", out var pl) ? pl.GetString() : null,
                Defence = r.TryGetProperty("defence", out var df)
                    ? new Mitigation.Defences.DefenceChoice(df.GetProperty("name").GetString()!,
                        df.GetProperty("options").GetRawText())
                    : Mitigation.Defences.DefenceChoice.None,
            };
            if (r.TryGetProperty("collective", out var c))
            {
                var mr = c.GetProperty("majority_rows");
                var s = c.GetProperty("strategy");
                var rounding = c.TryGetProperty("rounding", out var ro)
                    ? RoundingRules.FromSpecName(ro.GetString()!) ?? throw new FormatException("rounding")
                    : Rounding.HalfUp;
                config = config with
                {
                    MajorityRows = mr.ValueKind == JsonValueKind.String
                        && mr.GetString() == "all" ? null : mr.GetInt32(),
                    Size = c.TryGetProperty("alpha",
                        out var a) ? CollectiveSize.Share(a.GetDouble()) with { Rounding = rounding } :
                        CollectiveSize.Members(c.GetProperty("members").GetInt32()),
                    Budget = c.TryGetProperty("budget_ideal", out _) ? FlipBudget.Ideal
                        : c.TryGetProperty("budget_share_of_pool",
                            out var f) ? FlipBudget.ShareOfPool(f.GetDouble()) with { Rounding = rounding } :
                            FlipBudget.Flips(c.GetProperty("budget_flips").GetInt32()),
                    Plausible = c.TryGetProperty("plausible_min", out var pm) ? pm.GetDouble() : 0,
                    PlausibleModel = c.TryGetProperty("plausible_model",
                        out var pmo) ? pmo.GetString()! : new RbProbOptions().Model,
                    Strategy = Specs.SettingsCodec.FromStored<StrategySettings>(s),
                    StrategyOptionsJson = s.TryGetProperty("options", out var own) ? own.GetRawText() : null,
                };
            }
            if (r.TryGetProperty("firm_side", out var fs))
                config = config with
                {
                    Knob = fs.GetProperty("knob").GetDouble(),
                    PostProcessingFit =
                        Enum.Parse<Mitigation.FirmSide.PostProcessingFit>(fs.GetProperty("post_processing_fit")
                        .GetString()!),
                    FirmSideOptionsJson = fs.TryGetProperty("options", out var fo) ? fo.GetRawText() : null,
                };
            return config;
        }
        catch (Common.UserInputException e)
        {
            throw new FormatException($"its configuration holds an impossible value ({e.Message.Split('\n')[0]})", e);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or
            ArgumentException or FormatException)
        {
            throw new FormatException(StoredJsonShape.Describe(json, "its configuration", Fields), e);
        }
    }

    /// <summary>What <see cref="ToJson"/> writes, field by field, for naming what an edited configuration lacks
    /// (<see cref="StoredJsonShape"/>).</summary>
    private static readonly StoredJsonShape.Field[] Fields =
    [
        new("experiment", StoredJsonShape.Kind.Text), new("dataset", StoredJsonShape.Kind.Object), new("dataset.name",
            StoredJsonShape.Kind.Text),
        new("dataset.content_sha256", StoredJsonShape.Kind.Text), new("dataset.spec_sha256", StoredJsonShape.Kind.Text),
        new("learner", StoredJsonShape.Kind.Object), new("learner.name",
            StoredJsonShape.Kind.Text), new("learner.options", StoredJsonShape.Kind.Object),
        new("defence", StoredJsonShape.Kind.Object, Optional: true), new("defence.name",
            StoredJsonShape.Kind.Text), new("defence.options", StoredJsonShape.Kind.Object),
        new("split", StoredJsonShape.Kind.Object), new("split.test_fraction",
            StoredJsonShape.Kind.Number), new("split.validation_fraction", StoredJsonShape.Kind.Number),
        StoredJsonShape.Field.Enum<Data.Splitting.Stratification>("split.stratify"),
        new("bootstrap", StoredJsonShape.Kind.Object), new("bootstrap.resamples",
            StoredJsonShape.Kind.Whole), new("bootstrap.level", StoredJsonShape.Kind.Number),
        new("encoding", StoredJsonShape.Kind.Object), new("encoding.binary_as_one_column",
            StoredJsonShape.Kind.Boolean),
        new("seed", StoredJsonShape.Kind.Whole), new("randomness_sha256", StoredJsonShape.Kind.Text), new("method",
            StoredJsonShape.Kind.Text),
        new("collective", StoredJsonShape.Kind.Object,
            Optional: true), .. StoredJsonShape.Field.Settings("collective.strategy", typeof(StrategySettings)),
        new("collective.strategy.options", StoredJsonShape.Kind.Object, Optional: true),
        new("collective.plausible_min", StoredJsonShape.Kind.Number, Optional: true),
        new("collective.plausible_model", StoredJsonShape.Kind.Text, Optional: true),
        new("plugins", StoredJsonShape.Kind.Text, Optional: true),
        new("firm_side", StoredJsonShape.Kind.Object, Optional: true), new("firm_side.knob",
            StoredJsonShape.Kind.Number),
        StoredJsonShape.Field.Enum<Mitigation.FirmSide.PostProcessingFit>("firm_side.post_processing_fit"),
        new("firm_side.options", StoredJsonShape.Kind.Object, Optional: true),
    ];

    // Round-trip text, so 0.0125 and 0.013 (or 0.1 + 0.2 and 0.3) never share a key.
    private static void WriteNumber(Utf8JsonWriter j, string name, double value)
    {
        j.WritePropertyName(name);
        j.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
