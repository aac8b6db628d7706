namespace FairCollective.Data;

/// <summary>
/// The sensitive attribute of every row as a group label, possibly combining several raw columns
/// (intersectional groups are the observed combinations, joined with " x ", as fairlearn does). The
/// "minority" (a = 1 in the method, the acting group) is a chosen set of those group labels.
/// </summary>
public sealed class SensitiveAttribute
{
    /// <summary>Joins the values of several sensitive columns into one intersectional group label (" x ", as fairlearn
    /// does).</summary>
    public const string IntersectionSeparator = " x ";

    /// <summary>Groups rows by label and marks the minority.</summary>
    /// <param name="name">Display name, e.g. "race".</param>
    /// <param name="groupOfRow">Group label of each row (kept, not copied).</param>
    /// <param name="minorityGroups">Group labels that make up the minority (a = 1); the others are the
    /// majority.</param>
    public SensitiveAttribute(string name, string[] groupOfRow, IEnumerable<string> minorityGroups)
    {
        Name = name;
        GroupOfRow = groupOfRow;
        MinorityGroups = new SortedSet<string>(minorityGroups, StringComparer.Ordinal);
        var isMinority = new bool[groupOfRow.Length];
        for (int i = 0; i < groupOfRow.Length; i++) isMinority[i] = MinorityGroups.Contains(groupOfRow[i]);
        Membership = new GroupMembership(isMinority);
        Groups = groupOfRow.Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Display name, e.g. "race" or "sex x race".</summary>
    public string Name { get; }

    /// <summary>The columns the attribute is made of ("race"; "sex" and "race" for an intersection).</summary>
    public IReadOnlyList<string> ColumnNames => Name.Split(IntersectionSeparator);

    /// <summary>Group label of each row.</summary>
    public string[] GroupOfRow { get; }

    /// <summary>All observed group labels, in ordinal order.</summary>
    public string[] Groups { get; }

    /// <summary>The group labels that make up the minority (a = 1).</summary>
    public IReadOnlySet<string> MinorityGroups { get; }

    /// <summary>a of each row: minority (a = 1) or majority (a = 0).</summary>
    public GroupMembership Membership { get; }

    /// <summary>The rows <paramref name="rows"/>, in that order, with the same minority groups.</summary>
    public SensitiveAttribute Select(IReadOnlyList<int> rows)
    {
        var g = new string[rows.Count];
        for (int i = 0; i < g.Length; i++) g[i] = GroupOfRow[rows[i]];
        return new SensitiveAttribute(Name, g, MinorityGroups);
    }
}
