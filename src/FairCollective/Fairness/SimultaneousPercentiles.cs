namespace FairCollective.Fairness;

/// <summary>
/// Percentile intervals of several bootstrapped parts that hold together: every part's interval is its R7 percentile
/// interval (<see cref="PercentileEnds"/>) at one common level λ, the smallest λ ≥ level at which at least the level's
/// share of the resamples lies inside all of the parts' intervals at once: a rectangle calibrated on the resampled
/// vectors themselves. Parts that move together need λ near the level; independent parts about Bonferroni's
/// 1 - (1 - level) / parts; so the rectangle is never wider than Bonferroni's needs and adapts to how the parts are
/// correlated. One part: λ is the level, its ordinary percentile interval.
/// <para>
/// λ is found exactly, without search: at tail share τ = (1 - λ) / 2 a part's interval runs from position (n - 1) τ to
/// (n - 1)(1 - τ) of its sorted values (R7 interpolates between neighbours), so a resample whose value has the
/// positions r_first..r_last among equal values stays inside while τ ≤ min(r_last, n - 1 - r_first) / (n - 1); a
/// resample is inside the rectangle while τ is at most the smallest of these limits over the parts, and the largest τ
/// that keeps the level's share inside is the matching order statistic of the limits. Only values in a part's two
/// tails (positions within (n - 1) τ of an end, at the level's τ) have a limit below it, so only the tails are
/// selected and sorted, as <see cref="PercentileEnds"/> does. Written here because no library calibrates a bootstrap
/// rectangle.
/// </para>
/// </summary>
internal static class SimultaneousPercentiles
{
    /// <summary>Each part's interval at the calibrated common level.</summary>
    /// <param name="parts">parts[j][b]: part j in resample b, for b below <paramref name="count"/>; NaN where it is
    /// undefined (it then constrains nothing in that resample).</param>
    /// <param name="count">Resamples in use (those where the bounded metric is defined).</param>
    /// <param name="level">Two-sided level in (0, 1).</param>
    /// <returns>One (low, high) per part; NaN ends for a part undefined in every resample.</returns>
    public static (double Low, double High)[] Ends(double[][] parts, int count, double level)
    {
        var ends = new (double Low, double High)[parts.Length];
        double tau = (1 - level) / 2;
        if (parts.Length == 1)
        {
            // One part: its percentile interval, as PercentileEnds selects it.
            var (values, _) = Defined(parts[0], count);
            ends[0] = values.Length == 0 ? (double.NaN, double.NaN) : PercentileEnds.Of(values, tau, 1 - tau);
            return ends;
        }
        // limit[b]: the largest tail share at which resample b is inside every part's interval (0.5: at any share).
        var limit = new double[count];
        Array.Fill(limit, 0.5);
        var tails = new Tails[parts.Length];
        for (int j = 0; j < parts.Length; j++)
        {
            var (values, resample) = Defined(parts[j], count);
            tails[j] = Tails.Of(values, resample, tau, limit);
        }
        // The largest τ with at least the level's share of resamples inside: the ⌈level · count⌉-th largest limit,
        // never above the level's own tail share; only the few limits below that share can decide it.
        int outsideAllowed = count - Math.Clamp((int)Math.Ceiling(level * count), 1, count);
        var below = new List<double>();
        foreach (double l in limit)
            if (l < tau) below.Add(l);
        double shared = tau;
        if (below.Count > outsideAllowed)
        {
            below.Sort();
            shared = below[outsideAllowed];
        }
        for (int j = 0; j < parts.Length; j++) ends[j] = tails[j].Ends(shared);
        return ends;
    }

    /// <summary>
    /// A part's order statistics near its two ends: <c>Low[i]</c> is position i from the bottom, <c>High[i]</c>
    /// position i from the top, enough of them for any tail share up to the level's.
    /// </summary>
    private readonly record struct Tails(int Count, double[] Low, double[] High)
    {
        /// <summary>
        /// The tails of <paramref name="values"/> (any order; reordered), lowering <paramref name="limit"/>[b] for
        /// every resample b whose value stays inside this part's interval only up to a tail share below
        /// <paramref name="tau"/>.
        /// </summary>
        public static Tails Of(double[] values, int[] resample, double tau, double[] limit)
        {
            int n = values.Length;
            if (n <= 1) return new Tails(n, values, values);
            // Positions up to (n - 1) τ are read, and one past for interpolation.
            int keep = (int)Math.Floor((n - 1) * tau) + 2;
            if (2 * keep >= n || keep > PercentileEnds.MaxKeptPerTail)
            {
                // Wide tails: sorting everything is cheaper than keeping them in order.
                Array.Sort(values, resample);
                Lower(values, resample, 0, n, n, tau, limit, ascending: true);
                Lower(values, resample, 0, n, n, tau, limit, ascending: false);
                var descending = values.Reverse().ToArray();
                return new Tails(n, values, descending);
            }
            var (lowest, highest) = PercentileEnds.Tails(values, keep);
            return new Tails(n, Candidates(values, resample, lowest[^1], n, tau, limit, ascending: true),
                Candidates(values, resample, highest[^1], n, tau, limit, ascending: false));
        }

        /// <summary>(lower, upper) end at tail share <paramref name="tau"/>: R7 at positions (n - 1) τ and (n - 1)(1 -
        /// τ).</summary>
        public (double Low, double High) Ends(double tau)
        {
            if (Count == 0) return (double.NaN, double.NaN);
            if (Count == 1) return (Low[0], Low[0]);
            return (At(Low, (Count - 1) * tau), At(High, (Count - 1) * tau));
        }

        /// <summary>
        /// The value at <paramref name="position"/> from one end of a tail ordered from that end, interpolated; a
        /// position within rounding of a whole number is that number, so a limit computed as r / (n - 1) reads value r
        /// itself.
        /// </summary>
        private static double At(double[] fromEnd, double position)
        {
            double whole = Math.Round(position);
            if (Math.Abs(position - whole) < 1e-9) position = whole;
            int i = (int)position;
            return i + 1 >= fromEnd.Length ? fromEnd[^1] : fromEnd[i] + (position - i) * (fromEnd[i + 1] - fromEnd[i]);
        }

        /// <summary>The values at or beyond <paramref name="threshold"/> on one side, ordered from that end; their
        /// limits are lowered.</summary>
        private static double[] Candidates(double[] values, int[] resample, double threshold, int n, double tau,
            double[] limit, bool ascending)
        {
            // Every value at least as far out as the threshold, ties included, so that each one's rank is its rank
            // among all values.
            var keys = new List<double>();
            var owners = new List<int>();
            for (int b = 0; b < values.Length; b++)
                if (ascending ? values[b] <= threshold : values[b] >= threshold)
                {
                    keys.Add(ascending ? values[b] : -values[b]);
                    owners.Add(resample[b]);
                }
            var k = keys.ToArray();
            var o = owners.ToArray();
            Array.Sort(k, o);
            Lower(k, o, 0, k.Length, n, tau, limit, ascending: true);
            if (!ascending)
                for (int i = 0; i < k.Length; i++) k[i] = -k[i];
            return k;
        }

        /// <summary>
        /// Over <paramref name="sorted"/> (ordered from the end that <paramref name="ascending"/> names), lowers each
        /// owner's limit to r_last / (n - 1), r_last its last position among equal values counted from that end, where
        /// that is below τ.
        /// </summary>
        private static void Lower(double[] sorted, int[] owner, int from, int to, int n, double tau, double[] limit,
            bool ascending)
        {
            int length = to - from;
            for (int first = 0, last; first < length; first = last + 1)
            {
                int At(int i) => ascending ? from + i : to - 1 - i;
                for (last = first; last + 1 < length && sorted[At(last + 1)] == sorted[At(first)]; last++) { }
                double inside = last / (double)(n - 1);
                if (inside >= tau) return;  // every later value is further in
                for (int r = first; r <= last; r++) limit[owner[At(r)]] = Math.Min(limit[owner[At(r)]], inside);
            }
        }
    }

    /// <summary>The first <paramref name="count"/> values of <paramref name="part"/> that are not NaN, copied, with
    /// their resample indices.</summary>
    private static (double[] Values, int[] Resample) Defined(double[] part, int count)
    {
        int defined = 0;
        for (int b = 0; b < count; b++)
            if (!double.IsNaN(part[b])) defined++;
        var values = new double[defined];
        var resample = new int[defined];
        defined = 0;
        for (int b = 0; b < count; b++)
            if (!double.IsNaN(part[b]))
            {
                values[defined] = part[b];
                resample[defined++] = b;
            }
        return (values, resample);
    }
}
