using FairCollective.Common;

namespace FairCollective.Collective;

/// <summary>
/// Which labelled majority rows the collective knows: all majority training rows (the default), or a seeded
/// sample of m of them (the limited-information experiment). The sample is drawn per seed, independently of alpha,
/// so curves over alpha share it.
/// </summary>
public static class MajorityKnowledge
{
    /// <summary>Purpose string of the seed stream that samples the m known majority rows.</summary>
    public const string SeedPurpose = "majority-sample";

    /// <param name="majorityTrainRows">All majority rows of the training split.</param>
    /// <param name="m">Rows known; null = all.</param>
    /// <param name="seed">The experiment seed; the sample depends on it and on the set of rows, not on alpha.</param>
    public static int[] Known(IReadOnlyList<int> majorityTrainRows, int? m, int seed)
    {
        var rows = majorityTrainRows.Order().ToArray();
        if (m is null) return rows;
        if (m.Value > rows.Length) throw new
            UserInputException($"majority_rows = {m} exceeds the {rows.Length} majority training rows");
        var perm = Seeds.Permutation(rows.Length, Seeds.Create(seed, SeedPurpose));
        return perm.Take(m.Value).Select(i => rows[i]).Order().ToArray();
    }
}
