using System.Reflection;
using FairCollective.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// Checks that a YAML document has the shape of the record it will be deserialised into, before YamlDotNet sees it:
/// a list or a mapping where a single value belongs, or a single value where a list or mapping belongs, is one line
/// <c>file:line:col: 'expression' must be a text, got a list</c>. YamlDotNet's own messages for these name .NET types
/// ("No node deserializer was able to deserialize the node into type System.String, ..."). The expected shape of
/// every key comes from the record's property types (keys in snake_case), so each key of the dataset spec is
/// checked by this one walk. Unknown keys are left to the deserialiser; a single value it cannot convert is named
/// by <see cref="Unconverted"/> from the same types.
/// </summary>
internal static class SpecShape
{
    /// <summary>Walks <paramref name="root"/> against <paramref name="type"/>; <paramref name="source"/> names the file
    /// in messages.</summary>
    public static void Check(YamlNode root, Type type, string source) => Walk(root, type, null, source);

    /// <summary>
    /// For a single value at <paramref name="start"/> that the deserialiser could not convert: "'KEY' must be WORDS,
    /// got 'VALUE'", from the same record types the shape check reads; null when no key's value starts there.
    /// </summary>
    public static string? Unconverted(YamlNode root, Type type, Mark start)
    {
        var pending = new Stack<(YamlNode Node, Type Type, string? Key)>([(root, type, null)]);
        while (pending.TryPop(out var at))
        {
            var t = Nullable.GetUnderlyingType(at.Type) ?? at.Type;
            switch (at.Node)
            {
                case YamlScalarNode s when at.Key is not null && s.Start.Line == start.Line
                    && s.Start.Column == start.Column:
                    return $"'{at.Key}' must be {Expected(t).Words}, got '{s.Value}'";
                case YamlSequenceNode list when ItemType(t) is { } item:
                    foreach (var child in list.Children) pending.Push((child, item, at.Key));
                    break;
                case YamlMappingNode map:
                    foreach (var (k, value) in map.Children)
                        if (k is YamlScalarNode { Value: { } name } && Property(t, name) is { } property)
                            pending.Push((value, property.PropertyType, name));
                    break;
            }
        }
        return null;
    }

    // key: the key the node is the value of; null for the document itself.
    private static void Walk(YamlNode node, Type type, string? key, string source)
    {
        if (IsNull(node)) return;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var expected = Expected(type);
        var seen = node switch { YamlSequenceNode => Shape.List, YamlMappingNode => Shape.Mapping, _ => Shape.Value };
        if (seen != expected.Shape)
            throw new UserInputException($"{source}:{node.Start.Line}:{node.Start.Column}: " +
                $"{(key is null ? "the spec" : $"'{key}'")} must be {expected.Words}, got {Got(node)}");
        switch (node)
        {
            case YamlSequenceNode list:
                foreach (var item in list.Children) Walk(item, ItemType(type)!, key, source);
                break;
            case YamlMappingNode map:
                foreach (var (k, value) in map.Children)
                    if (k is YamlScalarNode { Value: { } name } && Property(type, name) is { } property)
                        Walk(value, property.PropertyType, name, source);
                break;
        }
    }

    private enum Shape { Value, List, Mapping }

    private static (Shape Shape, string Words) Expected(Type type)
    {
        if (type == typeof(string)) return (Shape.Value, "a text");
        if (type == typeof(bool)) return (Shape.Value, "true or false");
        if (type == typeof(int) || type == typeof(long)) return (Shape.Value, "a whole number");
        if (type.IsPrimitive || type == typeof(decimal) || type.IsEnum) return (Shape.Value, "a number");
        if (ItemType(type) is not null) return (Shape.List, "a list");
        return (Shape.Mapping, $"a mapping of keys ({string.Join(", ", Keys(type))})");
    }

    private static string Got(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode s => $"the single value '{s.Value}'",
        _ => "something else",
    };

    // A YAML null (~, null, or nothing) leaves the key at its default, as the deserialiser does.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode
        {
            Style: ScalarStyle.Plain or ScalarStyle.Any,
            Value: null or "" or "~" or "null" or "Null" or "NULL"
        };

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(List<>)
            || g == typeof(IReadOnlyList<>) || g == typeof(IList<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static IEnumerable<string> Keys(Type type) => Properties(type).Select(p
        => UnderscoredNamingConvention.Instance.Apply(p.Name));

    private static PropertyInfo? Property(Type type, string key) =>
        Properties(type).FirstOrDefault(p => UnderscoredNamingConvention.Instance.Apply(p.Name) == key);
}
