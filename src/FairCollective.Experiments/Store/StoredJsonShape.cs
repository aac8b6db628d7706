using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FairCollective.Experiments.Store;

/// <summary>
/// Says what is wrong with a stored JSON record that did not read (a cell's configuration, an experiment's settings):
/// the first field it must have that is missing or holds another kind of value, by its path ("dataset.name",
/// "strategy.k"), what it must hold and what it holds. Called only after the fast reader failed, so reading stays as
/// fast as before, and a message never carries a .NET exception's text.
/// </summary>
internal static class StoredJsonShape
{
    /// <summary>What a field must hold.</summary>
    internal enum Kind
    {
        /// <summary>A JSON string.</summary>
        Text,

        /// <summary>A JSON number.</summary>
        Number,

        /// <summary>A JSON number without a fraction, within a 32-bit integer.</summary>
        Whole,

        /// <summary>true or false.</summary>
        Boolean,

        /// <summary>A JSON object.</summary>
        Object,
    }

    /// <summary>A field the record must have: its path (a dot between levels) and kind; <paramref name="OneOf"/> lists
    /// the texts a text field may hold.</summary>
    /// <param name="Path">"collective.strategy.k".</param>
    /// <param name="Kind">What it holds.</param>
    /// <param name="Optional">May be absent; the fields below it are then not checked.</param>
    /// <param name="OneOf">For a text field, the values allowed (null: any).</param>
    internal sealed record Field(string Path, Kind Kind, bool Optional = false, IReadOnlyList<string>? OneOf = null)
    {
        /// <summary>A text field that holds one of the names of <typeparamref name="TEnum"/>.</summary>
        public static Field Enum<TEnum>(string path) where TEnum : struct, System.Enum => new(path, Kind.Text,
            OneOf: System.Enum.GetNames<TEnum>());

        /// <summary>The object at <paramref name="path"/> and every setting of the record <paramref name="record"/>
        /// inside it, as <see cref="Specs.SettingsCodec"/> writes them.</summary>
        public static IEnumerable<Field> Settings(string path, Type record) =>
            Specs.SettingsCodec.Fields(record).Select(f => new Field($"{path}.{Specs.SettingsCodec.Key(f)}",
                f.PropertyType == typeof(int) ? Kind.Whole : f.PropertyType == typeof(double) ? Kind.Number :
                    f.PropertyType == typeof(bool) ? Kind.Boolean : Kind.Text,
                OneOf: f.PropertyType.IsEnum ? System.Enum.GetNames(f.PropertyType) : null))
            .Prepend(new Field(path, Kind.Object));
    }

    /// <summary>"its configuration has no 'dataset.name'", "its configuration's 'seed' is the text "x", not a whole
    /// number", ...; <paramref name="what"/> names the record.</summary>
    public static string Describe(string json, string what, IReadOnlyList<Field> fields)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return $"{what} is not JSON";
        }
        if (root is not JsonObject) return $"{what} is {Seen(root)}, not a JSON object";
        var absent = new List<string>();
        foreach (var field in fields)
        {
            if (absent.Any(p => field.Path.StartsWith(p + ".", StringComparison.Ordinal))) continue;
            if (!TryFind(root, field.Path, out var node))
            {
                if (!field.Optional) return $"{what} has no '{field.Path}'";
                absent.Add(field.Path);
                continue;
            }
            if (!Holds(node, field.Kind)) return $"{what}'s '{field.Path}' is {Seen(node)}, not {Name(field.Kind)}";
            if (field.OneOf is { } allowed && !allowed.Contains(node!.GetValue<string>(), StringComparer.Ordinal))
                return $"{what}'s '{field.Path}' is {Seen(node)}, not one of {string.Join(", ", allowed)}";
        }
        return $"{what} is not one FairCollective writes";
    }

    private static bool TryFind(JsonNode root, string path, out JsonNode? node)
    {
        node = root;
        foreach (var name in path.Split('.'))
            if (node is not JsonObject o || !o.TryGetPropertyValue(name, out node)) return false;
        return true;
    }

    private static bool Holds(JsonNode? node, Kind kind) => kind switch
    {
        Kind.Object => node is JsonObject,
        Kind.Text => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        Kind.Boolean => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        Kind.Number => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        _ => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
             && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                 && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue,
    };

    private static string Name(Kind kind) => kind switch
    {
        Kind.Object => "an object",
        Kind.Text => "text",
        Kind.Boolean => "true or false",
        Kind.Number => "a number",
        _ => "a whole number",
    };

    private static string Seen(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"the text {v.ToJsonString()}",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => $"the number {v.ToJsonString()}",
        _ => node.ToJsonString(),
    };
}
