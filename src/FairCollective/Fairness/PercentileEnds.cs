namespace FairCollective.Fairness;

/// <summary>
/// The two ends of a percentile interval of a sample, by the R7 quantile rule (R's default, MathNet's
/// <c>QuantileDefinition.R7</c>): for tau, h = (n - 1)·tau + 1, and the value is x(⌊h⌋) + (h - ⌊h⌋)·(x(⌊h⌋+1) - x(⌊h⌋))
/// on the sorted sample (1-based, the upper index capped at n). A percentile interval reads only the few order
/// statistics next to its two tails, so they are found by one pass that keeps the k smallest and k largest values
/// (k about n·(1 - level)/2 + 2) instead of sorting the sample: a bootstrap cell bounds 22 metrics of 200 resamples,
/// and sorting them was a sixth of the README job's cell time. Order statistics are values, so the ends equal those of
/// a full sort bit for bit (checked against MathNet's sorted-array quantile by a property test). Written here because
/// no library selects both tails at once; a wide interval (many order statistics) falls back to sorting.
/// </summary>
public static class PercentileEnds
{
    /// <summary>Most values kept per tail before sorting is cheaper than keeping them in order.</summary>
    public const int MaxKeptPerTail = 32;

    /// <summary>The R7 quantiles at <paramref name="lowTau"/> and <paramref name="highTau"/> of
    /// <paramref name="values"/> (no NaN), which may be reordered.</summary>
    /// <param name="values">The sample, at least one value, none NaN; sorted in place when the tails are too wide to
    /// select.</param>
    /// <param name="lowTau">Lower quantile level in [0, 1].</param>
    /// <param name="highTau">Upper quantile level in [<paramref name="lowTau"/>, 1].</param>
    public static (double Low, double High) Of(Span<double> values, double lowTau, double highTau)
    {
        int n = values.Length;
        if (n == 0) throw new ArgumentException("a percentile needs at least one value", nameof(values));
        if (!(lowTau >= 0 && lowTau <= highTau && highTau <= 1)) throw new ArgumentOutOfRangeException(nameof(lowTau),
            $"need 0 <= lowTau <= highTau <= 1; got {lowTau}, {highTau}");
        // MathNet's edge cases, so that a one-value sample or a tail at 0 or 1 gives the same value (an infinity
        // included).
        if (n == 1) return (values[0], values[0]);
        if (lowTau == 0 || highTau == 1)
        {
            values.Sort();
            return (lowTau == 0 ? values[0] : R7(values, lowTau), highTau == 1 ? values[^1] : R7(values, highTau));
        }
        var (lowA, lowB, lowFraction) = Ranks(n, lowTau);
        var (highA, highB, highFraction) = Ranks(n, highTau);
        int keepSmall = lowB + 1, keepLarge = n - highA;
        if (keepSmall > MaxKeptPerTail || keepLarge > MaxKeptPerTail || keepSmall + keepLarge > n)
        {
            values.Sort();
            return (R7(values, lowTau), R7(values, highTau));
        }
        Span<double> small = stackalloc double[keepSmall];  // ascending: small[r] is order statistic r (0-based)
        Span<double> large = stackalloc double[keepLarge];  // descending: large[j] is order statistic n - 1 - j
        Select(values, small, large);
        return (Interpolate(small[lowA], small[lowB], lowFraction),
                Interpolate(large[n - 1 - highA], large[n - 1 - highB], highFraction));
    }

    /// <summary>
    /// The <paramref name="keep"/> smallest values of <paramref name="values"/> in ascending order and the
    /// <paramref name="keep"/> largest in descending order (order statistics 0.. and n - 1 down), by the same one pass
    /// as <see cref="Of"/>.
    /// </summary>
    internal static (double[] Lowest, double[] Highest) Tails(ReadOnlySpan<double> values, int keep)
    {
        var lowest = new double[keep];
        var highest = new double[keep];
        Select(values, lowest, highest);
        return (lowest, highest);
    }

    /// <summary>One pass keeping the smallest values ascending in <paramref name="small"/> and the largest descending
    /// in <paramref name="large"/>.</summary>
    private static void Select(ReadOnlySpan<double> values, Span<double> small, Span<double> large)
    {
        int keepSmall = small.Length, keepLarge = large.Length, smallCount = 0, largeCount = 0;
        foreach (double v in values)
        {
            if (smallCount < keepSmall) InsertAscending(small, ref smallCount, v);
            else if (v < small[keepSmall - 1]) { smallCount--; InsertAscending(small, ref smallCount, v); }
            if (largeCount < keepLarge) InsertDescending(large, ref largeCount, v);
            else if (v > large[keepLarge - 1]) { largeCount--; InsertDescending(large, ref largeCount, v); }
        }
    }

    /// <summary>The 0-based ranks the R7 rule reads at <paramref name="tau"/>, and the weight of the upper
    /// one.</summary>
    private static (int A, int B, double Fraction) Ranks(int n, double tau)
    {
        double h = (n - 1) * tau + 1d;
        int hf = (int)h;
        return (Math.Max(hf - 1, 0), Math.Min(hf, n - 1), h - hf);
    }

    private static double R7(ReadOnlySpan<double> sorted, double tau)
    {
        var (a, b, fraction) = Ranks(sorted.Length, tau);
        return Interpolate(sorted[a], sorted[b], fraction);
    }

    private static double Interpolate(double lower, double upper, double fraction)
        => lower + fraction * (upper - lower);

    private static void InsertAscending(Span<double> kept, ref int count, double v)
    {
        int i = count++;
        for (; i > 0 && kept[i - 1] > v; i--) kept[i] = kept[i - 1];
        kept[i] = v;
    }

    private static void InsertDescending(Span<double> kept, ref int count, double v)
    {
        int i = count++;
        for (; i > 0 && kept[i - 1] < v; i--) kept[i] = kept[i - 1];
        kept[i] = v;
    }
}
