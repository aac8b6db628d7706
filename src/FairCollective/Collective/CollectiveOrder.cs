using FairCollective.Common;

namespace FairCollective.Collective;

/// <summary>
/// A seeded random ordering of the minority's training rows. The collective of any size is a prefix of this one
/// ordering, so collectives are nested across alpha (alpha = 0.1 lies inside alpha = 0.2) and curves over alpha
/// compare like with like.
/// </summary>
public sealed class CollectiveOrder
{
    /// <summary>Purpose string of the seed stream that orders the minority (see <see cref="Seeds.Create"/>).</summary>
    public const string SeedPurpose = "collective-order";

    private readonly int[] _order;

    /// <param name="minorityTrainRows">Row numbers (in the training split) of the minority members, any order.</param>
    /// <param name="seed">The experiment seed.</param>
    public CollectiveOrder(IReadOnlyList<int> minorityTrainRows, int seed)
    {
        // Sort first so the ordering depends only on the set of rows and the seed, not on how they were listed.
        var rows = minorityTrainRows.Order().ToArray();
        var perm = Seeds.Permutation(rows.Length, Seeds.Create(seed, SeedPurpose));
        _order = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++) _order[i] = rows[perm[i]];
    }

    private CollectiveOrder(int[] order) => _order = order;

    /// <summary>A given ordering (imported from another implementation): its rows are the minority's training rows,
    /// each once.</summary>
    public static CollectiveOrder Given(IReadOnlyList<int> order) => new(order.ToArray());

    /// <summary>Number of minority training rows: the size of the collective at alpha = 1.</summary>
    public int MinorityCount => _order.Length;

    /// <summary>The ordering itself: member i of every collective of more than i members.</summary>
    public IReadOnlyList<int> Order => _order;

    /// <summary>The members of the collective of the given size, in collective order.</summary>
    public ReadOnlySpan<int> Members(CollectiveSize size) => _order.AsSpan(0, size.MemberCount(_order.Length));
}
