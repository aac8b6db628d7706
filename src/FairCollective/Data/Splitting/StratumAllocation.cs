namespace FairCollective.Data.Splitting;

/// <summary>
/// Shares a number of draws among strata in proportion to their sizes, keeping the total exact: every stratum gets
/// the floor of its proportional share, and the remaining draws go one each to the strata with the largest
/// fractional parts, ties broken at random. This is scikit-learn's <c>_approximate_mode</c> (used by
/// StratifiedShuffleSplit), with exact integer remainders instead of floating-point ones.
/// </summary>
internal static class StratumAllocation
{
    /// <param name="counts">stratum sizes.</param>
    /// <param name="draws">total to share out; at most the sum of <paramref name="capacity"/>.</param>
    /// <param name="capacity">the most each stratum may receive (its rows not already taken by another part).</param>
    /// <param name="rng">breaks ties between equal fractional parts (the split's seeded stream).</param>
    public static int[] Allocate(IReadOnlyList<int> counts, int draws, IReadOnlyList<int> capacity, Random rng)
    {
        int strata = counts.Count;
        long total = 0;
        foreach (int c in counts) total += c;
        var alloc = new int[strata];
        var remainder = new long[strata];
        int given = 0;
        for (int s = 0; s < strata; s++)
        {
            long share = (long)counts[s] * draws;
            alloc[s] = (int)Math.Min(share / total, capacity[s]);
            remainder[s] = share % total;
            given += alloc[s];
        }

        // Largest fractional part first; ties in a seeded random order, never in stratum order.
        var tieBreak = Common.Seeds.Permutation(strata, rng);
        var order = Enumerable.Range(0, strata).OrderByDescending(s => remainder[s]).ThenBy(s => tieBreak[s]).ToArray();
        // The first sweep is the proportional rounding; later sweeps only run when a stratum's capacity (rows left
        // after another part took its share) blocked it, and then fill wherever room is left.
        while (given < draws)
        {
            int before = given;
            foreach (int s in order)
            {
                if (given == draws) break;
                if (alloc[s] < capacity[s])
                {
                    alloc[s]++;
                    given++;
                }
            }
            if (given == before) throw new
                InvalidOperationException($"cannot place {draws} draws in strata of total capacity {given}");
        }
        return alloc;
    }
}
