using FairCollective.Common;

namespace FairCollective.Data;

/// <summary>
/// The conditions every loaded dataset must meet before an experiment can use it: rows, both label classes,
/// and a minority and a majority that are both non-empty. Violations are user errors (a wrong option or file).
/// A partial file (<see cref="Sources.LoadOptions.PartialFile"/>: a collective's members, a sample of majority rows)
/// holds one part of a population by design and needs only rows.
/// </summary>
public static class DatasetChecks
{
    /// <summary>Returns <paramref name="dataset"/> unchanged, or throws <see cref="UserInputException"/> naming
    /// <paramref name="source"/>.</summary>
    public static Dataset Validate(Dataset dataset, string source, bool partialFile = false)
    {
        int n = dataset.RowCount;
        if (n == 0) throw new UserInputException($"{source}: no rows left after filtering");
        if (partialFile) return dataset;
        int positives = 0;
        foreach (int y in dataset.Labels) positives += y;
        if (positives == 0 || positives == n)
            throw new UserInputException($"{source}: the label has a single class (all {n:N0} rows have y = " +
                $"{(positives == 0 ? 0 : 1)}); both classes are needed");
        var s = dataset.Sensitive;
        int minority = s.Membership.MinorityCount;
        string groups = string.Join(", ", s.Groups.Select(g => $"'{g}'"));
        string chosen = string.Join(", ", s.MinorityGroups.Select(g => $"'{g}'"));
        if (minority == 0)
            throw new
                UserInputException($"{source}: minority {chosen} of '{s.Name}' has no rows (groups present: {groups})");
        if (minority == n)
            throw new UserInputException($"{source}: every row is in the minority {chosen} of '{s.Name}'; a majority " +
                $"group is needed (groups present: {groups})");
        return dataset;
    }
}
