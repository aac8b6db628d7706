using System.Collections;
using System.Runtime.CompilerServices;
using FairCollective.Common;

namespace FairCollective.Data;

/// <summary>
/// The binary group of every row, the one group type every layer shares (data, collective, fairness, firm-side
/// methods). The minority is the acting group, a = 1; the majority is every other row, a = 0. Methods whose source
/// uses another convention (AIF360's "privileged" = majority) translate inside themselves, so callers only ever see
/// minority and majority.
/// </summary>
/// <remarks>
/// A small immutable type rather than a bare <c>bool[]</c>: the flag array alone did not say which value is the
/// minority, and every layer re-derived codes and row lists from it (and one layer inverted it). Enumerating or
/// indexing gives the per-row minority flag, so it reads like the array it replaces.
/// </remarks>
[CollectionBuilder(typeof(GroupMembership), nameof(Create))]
public sealed class GroupMembership : IReadOnlyList<bool>
{
    /// <summary>The code of a minority row (a = 1).</summary>
    public const int MinorityCode = 1;

    /// <summary>The code of a majority row (a = 0).</summary>
    public const int MajorityCode = 0;

    private readonly bool[] _isMinority;
    private int[]? _codes, _minorityRows, _majorityRows;

    /// <summary>Membership from per-row minority flags (copied).</summary>
    /// <param name="isMinority">True for a minority row.</param>
    public GroupMembership(ReadOnlySpan<bool> isMinority)
    {
        _isMinority = isMinority.ToArray();
        foreach (bool m in _isMinority) MinorityCount += m ? 1 : 0;
    }

    /// <summary>Membership from per-row minority flags (copied); lets a collection expression <c>[true, false]</c>
    /// build one.</summary>
    public static GroupMembership Create(ReadOnlySpan<bool> isMinority) => new(isMinority);

    /// <summary>Membership from 0/1 codes, 1 = minority.</summary>
    /// <exception cref="UserInputException">A code other than 0 or 1.</exception>
    public static GroupMembership FromCodes(ReadOnlySpan<int> codes)
    {
        var flags = new bool[codes.Length];
        for (int i = 0; i < codes.Length; i++)
            flags[i] = codes[i] switch
            {
                MinorityCode => true,
                MajorityCode => false,
                _
                    => throw new
                    UserInputException($"group code of row {i} is {codes[i]}; expected 1 (minority) or 0 (majority)."),
            };
        return new GroupMembership(flags);
    }

    /// <summary>Number of rows.</summary>
    public int Count => _isMinority.Length;

    /// <summary>Number of minority rows.</summary>
    public int MinorityCount { get; }

    /// <summary>Number of majority rows.</summary>
    public int MajorityCount => Count - MinorityCount;

    /// <summary>Whether row <paramref name="row"/> is in the minority.</summary>
    public bool this[int row] => _isMinority[row];

    /// <summary>Whether row <paramref name="row"/> is in the minority.</summary>
    public bool IsMinority(int row) => _isMinority[row];

    /// <summary>The code of row <paramref name="row"/>: 1 = minority, 0 = majority.</summary>
    public int Code(int row) => _isMinority[row] ? MinorityCode : MajorityCode;

    /// <summary>Per-row minority flags, for hot loops.</summary>
    public ReadOnlySpan<bool> MinorityFlags => _isMinority;

    /// <summary>Per-row codes, 1 = minority, 0 = majority (computed once). They double as a two-group index with the
    /// minority at index 1.</summary>
    public ReadOnlySpan<int> Codes => _codes ??= _isMinority.Select(m => m ? MinorityCode : MajorityCode).ToArray();

    /// <summary>Rows of the minority, ascending (computed once).</summary>
    public IReadOnlyList<int> MinorityRows => _minorityRows ??= RowsWhere(true);

    /// <summary>Rows of the majority, ascending (computed once).</summary>
    public IReadOnlyList<int> MajorityRows => _majorityRows ??= RowsWhere(false);

    /// <summary>The rows <paramref name="rows"/>, in that order.</summary>
    public GroupMembership Select(IReadOnlyList<int> rows)
    {
        var picked = new bool[rows.Count];
        for (int i = 0; i < picked.Length; i++) picked[i] = _isMinority[rows[i]];
        return new GroupMembership(picked);
    }

    /// <summary>The same rows with the two groups exchanged (for symmetry checks: signed gaps flip, unsigned ones
    /// stay).</summary>
    public GroupMembership Swapped()
    {
        var flipped = new bool[Count];
        for (int i = 0; i < flipped.Length; i++) flipped[i] = !_isMinority[i];
        return new GroupMembership(flipped);
    }

    /// <summary>The per-row minority flags in row order.</summary>
    public IEnumerator<bool> GetEnumerator() => ((IEnumerable<bool>)_isMinority).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int[] RowsWhere(bool minority)
    {
        var rows = new List<int>(minority ? MinorityCount : MajorityCount);
        for (int i = 0; i < _isMinority.Length; i++)
            if (_isMinority[i] == minority) rows.Add(i);
        return rows.ToArray();
    }
}
