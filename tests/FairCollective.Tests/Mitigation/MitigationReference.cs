using System.Globalization;
using System.Text.Json.Nodes;
using FairCollective.Data;

namespace FairCollective.Tests.Mitigation;

/// <summary>
/// Reads the golden files of the firm-side methods (see <see cref="ReferenceData"/>).
/// </summary>
internal static class MitigationReference
{

    public static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(ReferenceData.PathOf(file)))!;

    public static JsonArray Cases(string file) => Load(file)["cases"]!.AsArray();

    public static JsonNode Case(string file, string name) => Cases(file).Single(c => (string)c!["name"]! == name)!;

    public static IEnumerable<object[]> CaseNames(string file) => Cases(file).Select(c
        => new object[] { (string)c!["name"]! });

    /// <summary>A JSON number or one of the strings "NaN", "Infinity", "-Infinity".</summary>
    public static double D(JsonNode? node) =>
        node!.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? double.Parse((string)node!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : node.GetValue<double>();

    public static double[] Doubles(JsonNode? node) => node!.AsArray().Select(D).ToArray();

    public static int[] Ints(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<int>()).ToArray();

    /// <summary>
    /// AIF360's 0/1 group codes (1 = privileged) as FairCollective groups: AIF360's privileged group is the majority,
    /// so code 0 is the minority. The reference files keep AIF360's coding; the translation happens here.
    /// </summary>
    public static GroupMembership Groups(JsonNode? node) => FromPrivileged(Ints(node).Select(v => v == 1).ToArray());

    /// <summary>Per-row "privileged" flags (AIF360's orientation) as groups: privileged = majority.</summary>
    public static GroupMembership FromPrivileged(bool[] privileged) => new(privileged.Select(p => !p).ToArray());

}
