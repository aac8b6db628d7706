using System.Globalization;

namespace FairCollective.Planning;

/// <summary>
/// What the reader of a plan must know before trusting it, said in the plan (<see cref="Plan.Warnings"/>), on its page,
/// in its JSON and on the console: a forecast from no majority sample or a small one, whose intervals do not carry what
/// the collective does not know about the majority; and members the missing policy dropped, who cannot be ranked.
/// </summary>
public static class PlanWarnings
{
    /// <summary>
    /// A majority sample with fewer rows than this is warned about. The planner's validation (docs/planner.md) measured
    /// its 90% intervals covering the real firm's EqOd in 58% of plans from 100 majority rows and 89% from every row
    /// (thousands): below a thousand rows the intervals are too narrow for what is not known.
    /// </summary>
    public const int FewMajorityRows = 1000;

    /// <summary>The warnings of a plan made from <paramref name="input"/>.</summary>
    public static IReadOnlyList<string> Of(PlannerInput input)
    {
        var warnings = new List<string>();
        // The validation's coverage of the 90% predictive interval (2026-12-07, 45 cases each; docs/planner.md,
        // "Measured").
        const string measured = "in the planner's validation its 90% intervals covered the real firm's EqOd in 24% " +
            "of plans without a sample (11 of 45), "
                                + "29% with 10 majority rows (13 of 45), 58% with 100 (26 of 45) and 89% with every " +
                                    "majority row known (40 of 45; docs/planner.md)";
        if (input.MajorityCount == 0)
            warnings.Add($"no majority sample: the forecast pictures the majority from the members and the public " +
                $"base rate, and its intervals do not carry what that picture gets wrong; {measured}. Read the " +
                "forecast as a rough guide, and give --majority a sample if the collective has one");
        else if (input.MajorityCount < FewMajorityRows)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the majority sample has {input.MajorityCount:N0} rows (fewer than {FewMajorityRows:N0}): the " +
                    $"forecast's intervals do not carry what so few rows leave unknown about the majority; " +
                    $"{measured}. Read the forecast as a rough guide"));
        if (input.DroppedMembers.Count > 0)
        {
            var columns = input.DroppedMembers.SelectMany(d => d.Columns).CountBy(c => c).OrderByDescending(c
                => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}: {c.Value:N0}"));
            int read = input.MemberCount + input.DroppedMembers.Count;
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{input.DroppedMembers.Count:N0} of {read:N0} members were dropped for a missing value " +
                    $"({string.Join(", ", columns)}): they are not ranked and never flip in this plan (the plan's " +
                    $"DroppedMembers; ranking.csv lists them after the ranked members)"));
        }
        if (input.DroppedMajorityRows > 0)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{input.DroppedMajorityRows:N0} rows of the majority sample were dropped for a missing value; the " +
                    $"forecast uses the {input.MajorityCount:N0} left"));
        return warnings;
    }
}
