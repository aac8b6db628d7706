namespace FairCollective.Planning;

/// <summary>A forecast: the median over the planner's replicates and the percentile interval at the plan's
/// level.</summary>
/// <param name="Median">Median over replicates where the value is defined.</param>
/// <param name="Low">Lower percentile ((1 − level)/2).</param>
/// <param name="High">Upper percentile ((1 + level)/2).</param>
/// <param name="Defined">Replicates in which the value was defined (a group without positives leaves a rate
/// undefined).</param>
public sealed record PredictiveInterval(double Median, double Low, double High, int Defined)
{
    /// <summary>
    /// The interval of the defined (non-NaN) values; all NaN when none is. Values may be +infinity ("never reached on
    /// the grid", in a size search): an end that falls among them is +infinity.
    /// </summary>
    public static PredictiveInterval Of(IEnumerable<double> values, double level)
    {
        var kept = values.Where(v => !double.IsNaN(v)).ToArray();
        if (kept.Length == 0) return new PredictiveInterval(double.NaN, double.NaN, double.NaN, 0);
        Array.Sort(kept);
        double tail = (1 - level) / 2;
        return new PredictiveInterval(Quantile(kept, 0.5), Quantile(kept, tail), Quantile(kept, 1 - tail), kept.Length);
    }

    // R7 (MathNet's SortedArrayStatistics.QuantileCustom, written out: its interpolation turns an infinite neighbour
    // into NaN).
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        double fraction = h - lo;
        if (fraction == 0 || lo + 1 >= sorted.Length) return sorted[lo];
        double a = sorted[lo], b = sorted[lo + 1];
        return double.IsPositiveInfinity(b) ? double.PositiveInfinity : a + fraction * (b - a);
    }

    /// <summary>Whether <paramref name="value"/> lies within [Low, High].</summary>
    public bool Covers(double value) => value >= Low && value <= High;
}
