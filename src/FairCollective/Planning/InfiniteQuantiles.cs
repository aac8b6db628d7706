namespace FairCollective.Planning;

/// <summary>
/// Percentiles (R7, as <see cref="PredictiveInterval"/>) of values that may be +infinity ("never reached on the grid"):
/// an end is +infinity when it falls among the infinite values.
/// </summary>
internal static class InfiniteQuantiles
{
    public static PredictiveInterval Of(double[] values, double level)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return new PredictiveInterval(double.NaN, double.NaN, double.NaN, 0);
        double tail = (1 - level) / 2;
        return new PredictiveInterval(Quantile(sorted, 0.5), Quantile(sorted, tail), Quantile(sorted, 1 - tail), sorted.Length);
    }

    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        double fraction = h - lo;
        if (fraction == 0 || lo + 1 >= sorted.Length) return sorted[lo];
        double a = sorted[lo], b = sorted[lo + 1];
        return double.IsPositiveInfinity(b) ? double.PositiveInfinity : a + fraction * (b - a);
    }
}
