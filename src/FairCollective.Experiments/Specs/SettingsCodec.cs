using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Common;
using YamlDotNet.RepresentationModel;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// The one code path between a settings record (public init properties of whole numbers, numbers, text or enums, such
/// as <see cref="Collective.Strategies.StrategySettings"/>) and its every written form: spec parsing and writing, the
/// cell key and the stored settings, their reading back, and the message naming the first difference. A property added
/// to the record is in all of them with no other code; its key is the property's snake_case name ("rb_prob_model"), in
/// declaration order. Stored forms write enums by member name ("SeededRandom"), specs by
/// <see cref="SpecNameAttribute"/> or the name in kebab case ("seeded-random").
/// </summary>
internal static class SettingsCodec
{
    /// <summary>The record's settings, in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> Fields(Type record) => FieldsOf.GetOrAdd(record, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0).OrderBy(p
                => p.MetadataToken).ToArray());

    // Read once per type: every cell's key is written through here.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> FieldsOf = new();

    /// <summary>A setting's key in every written form.</summary>
    public static string Key(PropertyInfo field) => JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name);

    /// <summary>Writes the record's settings as properties of the current JSON object, in the stored form.</summary>
    public static void WriteStored(Utf8JsonWriter j, object record)
    {
        foreach (var field in Fields(record.GetType()))
        {
            switch (field.GetValue(record))
            {
                case int i: j.WriteNumber(Key(field), i); break;
                case double d:
                    j.WritePropertyName(Key(field));
                    j.WriteRawValue(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case bool b: j.WriteBoolean(Key(field), b); break;
                case Enum e: j.WriteString(Key(field), e.ToString()); break;
                case string s: j.WriteString(Key(field), s); break;
                case var other:
                    throw new InvalidOperationException($"{record.GetType().Name}.{field.Name}: a " +
                    $"setting of type {other?.GetType().Name ?? "null"} has no written form");
            }
        }
    }

    /// <summary>The record's settings in the stored form (enums by member name) or the spec form (enums as specs write
    /// them).</summary>
    public static JsonObject ToNode(object record, bool spec)
    {
        var o = new JsonObject();
        foreach (var field in Fields(record.GetType()))
            o[Key(field)] = field.GetValue(record) switch
            {
                int i => JsonValue.Create(i),
                double d => JsonValue.Create(d),
                bool b => JsonValue.Create(b),
                Enum e => JsonValue.Create(spec ? SpecName(e) : e.ToString()),
                string s => JsonValue.Create(s),
                var other => throw new InvalidOperationException($"{record.GetType().Name}.{field.Name}: a setting " +
                    $"of type {other?.GetType().Name ?? "null"} has no written form"),
            };
        return o;
    }

    /// <summary>Reads the stored form back; every setting must be present (a missing one throws, for the caller to
    /// name).</summary>
    public static T FromStored<T>(JsonElement e) where T : new()
    {
        object record = new T();
        foreach (var field in Fields(typeof(T)))
        {
            var value = e.GetProperty(Key(field));
            var type = field.PropertyType;
            field.SetValue(record, type == typeof(int) ? value.GetInt32()
                : type == typeof(double) ? value.GetDouble()
                : type == typeof(bool) ? value.GetBoolean()
                : type.IsEnum ? Enum.Parse(type, value.GetString()!)
                : value.GetString()!);
        }
        return (T)record;
    }

    /// <summary>
    /// Parses a spec's mapping of settings (<paramref name="section"/> names it in messages), skipping the keys in
    /// <paramref name="skip"/> (read elsewhere); each value is checked as it is applied, so an error names its line.
    /// </summary>
    public static T FromSpec<T>(Reader r, YamlNode node, string section, Action<T> validate,
        IReadOnlyCollection<string> skip) where T : new()
    {
        object record = new T();
        var fields = Fields(typeof(T));
        foreach (var (keyNode, value) in r.Mapping(node, section))
        {
            string key = r.Scalar(keyNode, section);
            if (skip.Contains(key)) continue;
            var field = fields.FirstOrDefault(f => Key(f) == key)
                ?? throw new UserInputException($"{r.At(keyNode)}: unknown {section} option '{key}' " +
                    $"({string.Join(", ", fields.Select(Key).Concat(skip))})");
            string what = $"{section}.{key}";
            var type = field.PropertyType;
            object parsed;
            if (type == typeof(int)) parsed = r.Whole(value, what);
            else if (type == typeof(double)) parsed = r.Number(value, what);
            else if (type.IsEnum)
            {
                string given = r.Scalar(value, what);
                parsed = Enum.GetValues(type).Cast<Enum>().FirstOrDefault(v => SpecName(v) == given)
                         ?? throw new UserInputException($"{r.At(value)}: unknown {key} '{given}' " +
                             $"({string.Join(" or ", Enum.GetValues(type).Cast<Enum>().Select(SpecName))})");
            }
            else parsed = r.Scalar(value, what);
            field.SetValue(record, parsed);
            try
            {
                validate((T)record);
            }
            catch (UserInputException e) when (!e.Message.StartsWith(r.Source, StringComparison.Ordinal))
            {
                throw new UserInputException($"{r.At(value)}: {e.Message}");
            }
        }
        return (T)record;
    }

    /// <summary>The first setting in which <paramref name="stored"/> and <paramref name="now"/> differ, as "section.key
    /// is X in the store and Y now"; null when none does.</summary>
    public static string? FirstDifference(object stored, object now, string section)
    {
        foreach (var field in Fields(now.GetType()))
        {
            string a = Text(field.GetValue(stored)), b = Text(field.GetValue(now));
            if (a != b) return $"{section}.{Key(field)} is {a} in the store and {b} now";
        }
        return null;
    }

    private static string Text(object? value) => value switch
    {
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    /// <summary>How specs write an enum value.</summary>
    public static string SpecName(Enum value) =>
        value.GetType().GetField(value.ToString())?.GetCustomAttribute<SpecNameAttribute>()?.Name
            ?? JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
