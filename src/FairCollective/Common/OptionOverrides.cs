using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FairCollective.Common;

/// <summary>
/// An options record's public settings by name, for registries whose members are configured from specs (learners,
/// defences): the defaults with overrides applied by option name (snake_case or PascalCase, any case), and the
/// canonical JSON a cell's configuration records. Written once so every registry names, checks and records options
/// the same way.
/// </summary>
internal static class OptionOverrides
{
    /// <summary>Non-finite numbers allowed (a learner's tolerance may be infinite); enums as numbers. Learners'
    /// recorded options use it, so it must not change.</summary>
    public static JsonSerializerOptions Plain { get; } = new()
    {
        NumberHandling =
        JsonNumberHandling.AllowNamedFloatingPointLiterals
    };

    /// <summary>As <see cref="Plain"/>, with enum values as kebab-case text ("relabel"), as specs write them.</summary>
    public static JsonSerializerOptions EnumsAsText { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Names only: a number would read as an enum value no name has ("action: 5").
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The public settings of <paramref name="options"/> but <paramref name="notSettable"/>, keys sorted, as
    /// JSON.</summary>
    public static string Canonical(object options, IReadOnlyCollection<string> notSettable,
        JsonSerializerOptions json) =>
        Sorted(options, notSettable, json).ToJsonString();

    /// <summary>The settable options of <paramref name="defaults"/> with their default values (JSON text), in name
    /// order.</summary>
    public static IReadOnlyList<(string Option, string Default)> Settable(object defaults,
        IReadOnlyCollection<string> notSettable, JsonSerializerOptions json) =>
        Sorted(defaults, notSettable, json).Select(kv => (kv.Key, kv.Value?.ToJsonString() ?? "null")).ToArray();

    /// <summary>
    /// <paramref name="defaults"/> with <paramref name="overrides"/> applied by option name; an unknown or unsettable
    /// name or a value of the wrong type is a user error naming <paramref name="owner"/> and the option.
    /// </summary>
    public static object Apply(object defaults, IEnumerable<(string Option, JsonNode? Value)> overrides, string owner,
        IReadOnlyCollection<string> notSettable, JsonSerializerOptions json)
    {
        var node = JsonSerializer.SerializeToNode(defaults, defaults.GetType(), json)!.AsObject();
        var given = new List<(string Option, string Property, JsonNode? Value)>();
        foreach (var (option, value) in overrides)
        {
            string? property = node.Select(kv => kv.Key).FirstOrDefault(k => string.Equals(k, option.Replace("_", ""),
                StringComparison.OrdinalIgnoreCase));
            if (property is null && Renamed(defaults.GetType(), option) is { } now)
                throw new UserInputException($"{owner}: option '{option}' is now '{now}' (did you mean {now}?)");
            if (property is null || notSettable.Contains(property))
                throw new UserInputException($"{owner}: unknown option '{option}' (settable: " +
                    $"{string.Join(", ", Settable(defaults, notSettable, json).Select(o => o.Option))})");
            node[property] = value?.DeepClone();
            given.Add((option, property, value));
        }
        if (given.Count == 0) return defaults;
        try
        {
            return node.Deserialize(defaults.GetType(), json)!;
        }
        catch (JsonException e)
        {
            // The serializer names a .NET type; the user needs the option as written, what it takes and what was given.
            string property = e.Path?.TrimStart('$', '.').Split('.', '[')[0] ?? "";
            var (option, _, value) = given.LastOrDefault(g => g.Property == property);
            var type = defaults.GetType().GetProperty(property)?.PropertyType;
            // A whole number too large for its type reads as "a whole number" to a user: say how large it may be.
            string range = type is not null && (Nullable.GetUnderlyingType(type) ?? type) == typeof(int)
                && value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                                && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float,
                                    System.Globalization.CultureInfo.InvariantCulture, out double d)
                                    && Math.Round(d) == d
                ? $" (at most {int.MaxValue.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})" : "";
            throw new UserInputException($"{owner}: option '{option ?? property}' must be " +
                $"{(type is null ? "another value" : Expected(type))}{range}; got " +
                $"{value?.ToJsonString() ?? "nothing"}");
        }
    }

    /// <summary>The snake_case name of the property of <paramref name="type"/> that <paramref name="option"/> named
    /// before (<see cref="FormerNameAttribute"/>); null when none did.</summary>
    private static string? Renamed(Type type, string option) =>
        type.GetProperties().Where(p => p.GetCustomAttributes(typeof(FormerNameAttribute),
            false).Cast<FormerNameAttribute>()
                .Any(f => string.Equals(f.Name.Replace("_", ""), option.Replace("_", ""),
                    StringComparison.OrdinalIgnoreCase)))
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).FirstOrDefault();

    /// <summary>What a value of <paramref name="type"/> is, in words: "a whole number", "true or false", "one of
    /// relabel, drop", "a list of whole numbers".</summary>
    internal static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a text";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type).Select(n
            => JsonNamingPolicy.KebabCaseLower.ConvertName(n)));
        var element = type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is null ? "a value of another kind" : $"a list of {Plural(Expected(element))}";
    }

    private static string Plural(string one) => one switch
    {
        "a whole number" => "whole numbers",
        "a number" => "numbers",
        "true or false" => "true or false values",
        var s => s,
    };

    private static JsonObject Sorted(object options, IReadOnlyCollection<string> notSettable,
        JsonSerializerOptions json)
    {
        var node = JsonSerializer.SerializeToNode(options, options.GetType(), json)!.AsObject();
        var sorted = new JsonObject();
        foreach (var (key, value) in node.Where(kv => !notSettable.Contains(kv.Key)).OrderBy(kv => kv.Key,
            StringComparer.Ordinal))
            sorted[key] = value?.DeepClone();
        return sorted;
    }
}
