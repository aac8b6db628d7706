using System.Text.Json;
using FairCollective.Data;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// The cases of tests/FairCollective.Tests/Reference/metrics.json (a verbatim copy of shared/reference/metrics.json:
/// fairlearn 0.12.0, fairlearn 0.9.0 and AIF360 outputs), found by walking up from the test binaries.
/// </summary>
internal static class MetricsReference
{
    private static readonly Lazy<JsonDocument> Document = new(()
        => JsonDocument.Parse(File.ReadAllText(ReferenceData.PathOf("metrics.json"))));

    public static IEnumerable<string> CaseNames =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c
            => c.GetProperty("name").GetString()!);

    public static TheoryData<string> Cases => new(CaseNames);

    public static TheoryData<string> BinaryCases =>
        new(CaseNames.Where(n => Case(n).GetProperty("aif360").ValueKind != JsonValueKind.Null));

    public static JsonElement Case(string name) =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c
            => c.GetProperty("name").GetString() == name);

    public static int[] YTrue(JsonElement c) => Ints(c.GetProperty("inputs").GetProperty("y_true"));
    public static int[] YPred(JsonElement c) => Ints(c.GetProperty("inputs").GetProperty("y_pred"));

    /// <summary>Group label per row; with several sensitive columns, the combination joined as SensitiveAttribute
    /// does.</summary>
    public static string[] Groups(JsonElement c)
    {
        var inputs = c.GetProperty("inputs");
        var columns = inputs.GetProperty("sensitive_feature_order").EnumerateArray()
            .Select(name => inputs.GetProperty("sensitive_features").GetProperty(name.GetString()!).EnumerateArray()
                .Select(Label).ToArray())
            .ToArray();
        return Enumerable.Range(0, columns[0].Length)
            .Select(i => string.Join(SensitiveAttribute.IntersectionSeparator, columns.Select(col => col[i])))
            .ToArray();
    }

    /// <summary>A group value (number, string, or list of them for intersections) as our label.</summary>
    public static string Label(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => string.Join(SensitiveAttribute.IntersectionSeparator,
            value.EnumerateArray().Select(Label)),
        _ => throw new InvalidDataException($"Unexpected group value {value}"),
    };

    /// <summary>A float as stored: a number, or "NaN" / "Infinity" / "-Infinity".</summary>
    public static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new InvalidDataException($"Unexpected float string {s}"),
        }
        : value.GetDouble();

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32()).ToArray();

}
