using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// Group labels mapped to dense indices 0..Count-1, labels in ordinal order (fairlearn lists groups sorted).
/// Build it once per test split and reuse it: the metric hot path then works on int indices only.
/// Labels are strings, so numeric labels of different widths list as "10" before "2" where fairlearn sorts
/// numerically; only the listing order differs, never a value.
/// </summary>
public sealed class GroupIndex
{
    /// <summary>Wraps precomputed indices (kept, not copied); see <see cref="From"/> to build them from
    /// labels.</summary>
    /// <param name="indexOfRow">Group index of every row, in 0..names.Length-1.</param>
    /// <param name="names">Group label of every index.</param>
    /// <exception cref="UserInputException">An index is out of range.</exception>
    public GroupIndex(int[] indexOfRow, string[] names)
    {
        for (int i = 0; i < indexOfRow.Length; i++)
            if ((uint)indexOfRow[i] >= (uint)names.Length)
                throw new
                    UserInputException($"Group index of row {i} is {indexOfRow[i]}, expected 0..{names.Length - 1}.");
        IndexOfRow = indexOfRow;
        Names = names;
    }

    /// <summary>Dense group index of every row.</summary>
    public int[] IndexOfRow { get; }

    /// <summary>Group label of every index.</summary>
    public string[] Names { get; }

    /// <summary>Number of groups.</summary>
    public int Count => Names.Length;
    /// <summary>Number of rows.</summary>
    public int RowCount => IndexOfRow.Length;

    /// <summary>Indexes the labels of <paramref name="groupOfRow"/>; indices follow the ordinal order of the
    /// labels.</summary>
    public static GroupIndex From(IReadOnlyList<string> groupOfRow)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < groupOfRow.Count; i++)
            distinct.Add(groupOfRow[i] ?? throw new UserInputException($"Group label of row {i} is missing."));
        var names = new string[distinct.Count];
        distinct.CopyTo(names);
        Array.Sort(names, StringComparer.Ordinal);
        var position = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int g = 0; g < names.Length; g++) position[names[g]] = g;
        var index = new int[groupOfRow.Count];
        for (int i = 0; i < index.Length; i++) index[i] = position[groupOfRow[i]];
        return new GroupIndex(index, names);
    }

    /// <summary>Index of <paramref name="name"/>, or -1 when no row has that label.</summary>
    public int IndexOf(string name) => Array.BinarySearch(Names, name,
        StringComparer.Ordinal) is var i and >= 0 ? i : -1;

    /// <summary>Per group index: whether it is one of <paramref name="groupLabels"/>. Labels no row carries are
    /// ignored.</summary>
    public bool[] Membership(IEnumerable<string> groupLabels)
    {
        var member = new bool[Count];
        foreach (var label in groupLabels)
            if (IndexOf(label) is var g and >= 0) member[g] = true;
        return member;
    }
}
