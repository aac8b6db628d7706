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

    /// <summary>
    /// Most shards one sweep may be split into (<c>run --shard I/N</c>): far more machines than a sweep's cells can
    /// keep busy (the largest paper experiment has 8,520 cells), few enough that planning the shards is instant.
    /// </summary>
    public const int CountLimit = 10_000;

    /// <summary>The shard a text ends with (a run id), or null (also for a count outside 1..<see cref="CountLimit"/>,
    /// which no run writes).</summary>
    public static (int Index, int Count)? At(string text) =>
        Ending().Match(text) is { Success: true } m
        && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
        && int.TryParse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int count)
        && count is >= 1 and <= CountLimit && index >= 1 && index <= count
            ? (index, count)
            : null;

    [GeneratedRegex(@"shard-(\d+)-of-(\d+)$")]
    private static partial Regex Ending();
}
