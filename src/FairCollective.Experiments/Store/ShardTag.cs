using System.Globalization;
using System.Text.RegularExpressions;

namespace FairCollective.Experiments.Store;

/// <summary>
/// How a shard names itself, "shard-2-of-4": in its run's id (so merged stores can tell which shards they hold) and in
/// its default store name. Written and read here only.
/// </summary>
public static partial class ShardTag
{
    /// <summary>"shard-<paramref name="index"/>-of-<paramref name="count"/>".</summary>
    public static string Of(int index, int count) =>
        $"shard-{index.ToString(CultureInfo.InvariantCulture)}-of-{count.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The shard a text ends with (a run id), or null.</summary>
    public static (int Index, int Count)? At(string text) =>
        Ending().Match(text) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;

    [GeneratedRegex(@"shard-(\d+)-of-(\d+)$")]
    private static partial Regex Ending();
}
