using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// Output of <see cref="GroupConfusion"/>: counts and rates of every group (ordinal order of labels, as
/// fairlearn's by_group) and overall, with a warning for every undefined rate.
/// </summary>
public sealed class GroupConfusionResult
{
    private readonly ConfusionCounts[] _counts;

    /// <summary>Derives the per-group and overall rates and the undefined-rate warnings from raw counts.</summary>
    /// <param name="groups">Group labels, ordinal order.</param>
    /// <param name="perGroupCounts">Confusion counts per group, same order.</param>
    /// <param name="undefinedRate">What a rate with an empty denominator becomes.</param>
    /// <param name="weighted">The counts are sums of sample weights (every group has rows; an empty count means zero
    /// weight).</param>
    public GroupConfusionResult(string[] groups, ConfusionCounts[] perGroupCounts, UndefinedRate undefinedRate,
        bool weighted = false)
    {
        Weighted = weighted;
        if (groups.Length != perGroupCounts.Length) throw new ArgumentException("One count per group is required.");
        Groups = groups;
        _counts = perGroupCounts;
        UndefinedRate = undefinedRate;
        PerGroup = new GroupRates[groups.Length];
        var overall = default(ConfusionCounts);
        var warnings = new List<string>();
        for (int g = 0; g < groups.Length; g++)
        {
            PerGroup[g] = new GroupRates(perGroupCounts[g], undefinedRate);
            overall += perGroupCounts[g];
            UndefinedRateWarnings.Add(warnings, $"group '{groups[g]}'", perGroupCounts[g], undefinedRate, weighted);
        }
        Overall = new GroupRates(overall, undefinedRate);
        UndefinedRateWarnings.Add(warnings, "the whole sample", overall, undefinedRate, weighted && groups.Length > 0);
        Warnings = warnings;
    }

    /// <summary>Group labels, ordinal order.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>True when the counts are sums of sample weights.</summary>
    public bool Weighted { get; }

    /// <summary>Raw confusion counts per group (same order as <see cref="Groups"/>).</summary>
    public ReadOnlySpan<ConfusionCounts> PerGroupCounts => _counts;

    /// <summary>Counts and rates per group (same order as <see cref="Groups"/>).</summary>
    public GroupRates[] PerGroup { get; }

    /// <summary>Counts and rates of all rows together.</summary>
    public GroupRates Overall { get; }
    /// <summary>What a rate with an empty denominator became.</summary>
    public UndefinedRate UndefinedRate { get; }

    /// <summary>One line per undefined rate, e.g. "group 'x' has no positive labels: TPR and FNR undefined
    /// (NaN)".</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The rates of group <paramref name="group"/>.</summary>
    public GroupRates this[string group]
    {
        get
        {
            for (int g = 0; g < Groups.Count; g++)
                if (string.Equals(Groups[g], group, StringComparison.Ordinal)) return PerGroup[g];
            throw new UserInputException($"Group '{group}' does not occur; groups are: {string.Join(", ", Groups)}.");
        }
    }

    /// <summary>fairlearn MetricFrame.difference(method='between_groups') of one column.</summary>
    public double Difference(GroupRate rate) => BetweenGroups.Difference(_counts, rate, UndefinedRate);

    /// <summary>fairlearn MetricFrame.ratio(method='between_groups') of one column.</summary>
    public double Ratio(GroupRate rate) => BetweenGroups.Ratio(_counts, rate, UndefinedRate);

    /// <summary>The rates of the pooled rows of every group in <paramref name="isMember"/> (indexed like
    /// <see cref="Groups"/>).</summary>
    public GroupRates Pooled(ReadOnlySpan<bool> isMember) => new(Pool(_counts, isMember, member: true), UndefinedRate);

    internal static ConfusionCounts Pool(ReadOnlySpan<ConfusionCounts> perGroup, ReadOnlySpan<bool> isMember,
        bool member)
    {
        var sum = default(ConfusionCounts);
        for (int g = 0; g < perGroup.Length; g++)
            if (isMember[g] == member) sum += perGroup[g];
        return sum;
    }
}
