using FairCollective.Common;

namespace FairCollective.Collective;

/// <summary>Turns a strategy's scores into the order in which pool members relabel: score descending, ties by the tie
/// rule.</summary>
public static class Ranking
{
    /// <summary>Purpose string of the seed stream that breaks score ties under
    /// <see cref="TieRule.SeededRandom"/>.</summary>
    public const string SeedPurpose = "ranking-ties";

    /// <summary>Positions into the pool (0..pool-1), best first.</summary>
    public static int[] Rank(IReadOnlyList<double> scores, IReadOnlyList<int> pool, TieRule tieRule, int seed)
    {
        int n = scores.Count;
        if (pool.Count != n) throw new ArgumentException("one score per pool member");
        for (int i = 0; i < n; i++)
            if (double.IsNaN(scores[i])) throw new
                InvalidOperationException($"strategy produced a NaN score for pool member {i}");
        // Secondary key: a seeded random tiebreak, or the training row number.
        var tiebreak = new double[n];
        if (tieRule == TieRule.SeededRandom)
        {
            var rng = Seeds.Create(seed, SeedPurpose, n);
            for (int i = 0; i < n; i++) tiebreak[i] = rng.NextDouble();
        }
        else
        {
            for (int i = 0; i < n; i++) tiebreak[i] = pool[i];
        }
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = scores[b].CompareTo(scores[a]);
            if (c != 0) return c;
            c = tiebreak[a].CompareTo(tiebreak[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>
    /// How many of the first <paramref name="flips"/> ranked members were chosen by the tie rule rather than by their
    /// score: those whose score equals that of the first member left out. 0 when the budget takes the whole pool or
    /// nothing, or the cut falls between two different scores. A strategy with coarse scores (RB-label counts
    /// neighbours, 0..k) can have most of its flips decided this way, so a result then depends on the tie rule's seed.
    /// </summary>
    /// <param name="scores">The strategy's score per pool member.</param>
    /// <param name="ranking">Positions into the pool, best first (<see cref="Rank"/>).</param>
    /// <param name="flips">The flip budget M as a count.</param>
    public static int TiedAtCut(IReadOnlyList<double> scores, IReadOnlyList<int> ranking, int flips)
    {
        if (flips <= 0 || flips >= ranking.Count) return 0;
        double cut = scores[ranking[flips]];
        int tied = 0;
        for (int i = flips - 1; i >= 0 && scores[ranking[i]] == cut; i--) tied++;
        return tied;
    }
}
