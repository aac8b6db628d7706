namespace FairCollective.Fairness;

/// <summary>
/// The interval of an unsigned gap or a min-over-max ratio (<see cref="SignedParts"/>) from intervals of its signed
/// parts that hold together, by interval arithmetic: where a part's interval [l, u] contains 0, |part| lies in
/// [0, max(|l|, |u|)], else in [min(|l|, |u|), max(|l|, |u|)]; a block's largest |part| lies between the largest lower
/// and the largest upper end; a gap is the blocks' mean, a ratio 1 minus it. Whenever the parts lie in their intervals
/// the metric lies in the result, so the result covers at least as often as the parts' intervals do together, and its
/// lower end (upper, for a ratio) reaches parity exactly when every part's interval contains 0. The point estimate is
/// kept inside (a percentile interval need not contain it; a rounding step must not push it out).
/// </summary>
public static class UnsignedInterval
{
    /// <summary>The metric's interval from its parts' intervals.</summary>
    /// <param name="layout">How the metric is made of its parts.</param>
    /// <param name="parts">One (low, high) per part, block after block; a part with NaN ends is left out (undefined),
    /// and so is a block without any defined part (the mean is then over the other blocks, as fairlearn's mean skips
    /// NaN).</param>
    /// <param name="estimate">The metric's value on the full sample, kept inside when defined.</param>
    /// <returns>(low, high); NaN ends when no part is defined.</returns>
    public static (double Low, double High) Of(SignedParts.Layout layout, ReadOnlySpan<(double Low, double High)> parts,
        double estimate)
    {
        double low = 0, high = 0;
        int blocks = 0;
        for (int k = 0; k < layout.Blocks; k++)
        {
            double nearest = double.NaN, farthest = double.NaN;
            foreach (var (l, u) in parts.Slice(k * layout.PartsPerBlock, layout.PartsPerBlock))
            {
                if (double.IsNaN(l) || double.IsNaN(u)) continue;
                nearest = double.IsNaN(nearest) ? Nearest(l, u) : Math.Max(nearest, Nearest(l, u));
                farthest = double.IsNaN(farthest) ? Farthest(l, u) : Math.Max(farthest, Farthest(l, u));
            }
            if (double.IsNaN(nearest)) continue;
            low += nearest;
            high += farthest;
            blocks++;
        }
        if (blocks == 0) return (double.NaN, double.NaN);
        (low, high) = (low / blocks, high / blocks);
        if (layout.IsRatio) (low, high) = (1 - high, 1 - low);
        return double.IsNaN(estimate) ? (low, high) : (Math.Min(low, estimate), Math.Max(high, estimate));
    }

    /// <summary>The smallest |x| over x in [<paramref name="low"/>, <paramref name="high"/>]: 0 when the interval
    /// contains 0.</summary>
    public static double Nearest(double low, double high) => low <= 0 && 0 <= high ? 0 : Math.Min(Math.Abs(low),
        Math.Abs(high));

    /// <summary>The largest |x| over x in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static double Farthest(double low, double high) => Math.Max(Math.Abs(low), Math.Abs(high));
}
