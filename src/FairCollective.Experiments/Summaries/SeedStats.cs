using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>Mean and spread of one quantity over seeds. Std is the sample standard deviation (n - 1); 0 for one
/// seed.</summary>
/// <param name="Mean">Mean over the seeds that have a value.</param>
/// <param name="Std">Sample standard deviation over those seeds.</param>
/// <param name="Count">Seeds with a value.</param>
public readonly record struct SeedStats(double Mean, double Std, int Count)
{
    /// <summary>Mean and spread of <paramref name="values"/>, one per seed; NaN values (undefined metrics) are left
    /// out, never counted as 0.</summary>
    public static SeedStats Of(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToArray();
        if (v.Length == 0) return new SeedStats(double.NaN, double.NaN, 0);
        double mean = v.Average();
        double std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return new SeedStats(mean, std, v.Length);
    }

    /// <summary>
    /// The one rule for a metric over the seeds of a group of cells, used by every table and figure: a cell that
    /// lacks the metric, or where it is undefined, counts as missing (left out), never as 0; cells of the same seed
    /// (the base cell stored once per experiment) are averaged first, so copies never count as extra seeds.
    /// </summary>
    public static SeedStats Of(IEnumerable<CellRecord> cells, string metric) =>
        Of(cells.GroupBy(c => c.Seed).Select(seed =>
        {
            var values = seed.Select(c => c.Metrics.TryGetValue(metric, out var v) ? v : double.NaN).Where(v
                => !double.IsNaN(v)).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        }));

    /// <summary>
    /// The test-row uncertainty of the seed mean of <paramref name="estimate"/> (a metric key; EqOd by default), from
    /// the bootstrap intervals stored with each seed's cells (cells of one seed averaged first). One seed: that seed's
    /// own interval. Several: a smooth metric (rate, signed gap, error) gets mean ± z sqrt(sum of SE^2) / seeds, each
    /// seed's SE = half-width / z. An unsigned gap or ratio cannot: the mean of its estimates is biased away from
    /// parity (every |estimate| is), so that interval misses a true 0. It is built from the signed gaps it is made of
    /// (<see cref="SignedParts.OfSignedGaps"/>), which are smooth: each part's seed mean gets the normal interval above
    /// (a part summing two gaps adds their variances: TPR and FPR gaps are measured on disjoint rows), at Bonferroni's
    /// level over the parts; the end toward parity is then the interval arithmetic of <see cref="UnsignedInterval"/>,
    /// valid because the mean of |part| is at least |mean part| (of a ratio, at most 1 - |mean relative part|); the
    /// other end is the mean estimate ± z sqrt(sum of SE^2) / seeds with each seed's SE its largest part's. Clipped to
    /// the values the metric can take. Null when the cells hold no interval of the metric (or, for a gap or ratio over
    /// several seeds, of its signed gaps), or a seed's is undefined.
    /// </summary>
    public static (double Low, double High)? TestRowInterval(IEnumerable<CellRecord> cells,
        string estimate = MetricKeys.EqOd)
    {
        var seeds = cells.GroupBy(c => c.Seed).Select(g => g.ToArray()).ToArray();
        if (seeds.Length == 0) return null;
        double level = seeds[0][0].Config?.BootstrapLevel ?? Fairness.BootstrapOptions.DefaultLevel;
        var (lowest, highest) = MetricCatalog.Range(estimate) ?? (double.NegativeInfinity, double.PositiveInfinity);
        (double Low, double High)? Clipped((double Low, double High)? i) => i is { } v ? (Math.Max(lowest, v.Low),
            Math.Min(highest, v.High)) : null;
        var own = seeds.Select(g => StoredInterval(g, estimate)).ToArray();
        if (own.Any(o => o is null)) return null;
        if (seeds.Length == 1) return Clipped((own[0]!.Value.Low, own[0]!.Value.High));
        if (MetricCatalog.Find(estimate)?.Metric is { } metric && SignedParts.OfSignedGaps(metric) is { } parts)
            return Clipped(UnsignedMean(seeds, own.Select(o => o!.Value.Estimate).ToArray(), parts, level));
        double mean = own.Average(p => p!.Value.Estimate);
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
        double half = z * Math.Sqrt(own.Sum(p => Math.Pow((p!.Value.High - p.Value.Low) / (2 * z), 2))) / own.Length;
        // The normal approximation can cross the metric's bounds (a gap below 0); the values it cannot take are
        // clipped.
        return Clipped((mean - half, mean + half));
    }

    /// <summary>A seed's value and stored interval of <paramref name="key"/>, averaged over its cells that hold one;
    /// null when none does or it is undefined.</summary>
    private static (double Estimate, double Low, double High)? StoredInterval(CellRecord[] seed, string key)
    {
        string low = MetricKeys.IntervalLow(key), high = MetricKeys.IntervalHigh(key);
        var withInterval = seed.Where(c => c.Metrics.ContainsKey(low) && c.Metrics.ContainsKey(high)).ToArray();
        if (withInterval.Length == 0) return null;
        double est = withInterval.Average(c => c.Metrics.GetValueOrDefault(key, double.NaN));
        double lo = withInterval.Average(c => c.Metrics[low]), hi = withInterval.Average(c => c.Metrics[high]);
        return double.IsNaN(est) || double.IsNaN(lo) || double.IsNaN(hi) ? null : (est, lo, hi);
    }

    /// <summary>The seed mean's interval of an unsigned gap or ratio, with these seeds' <paramref name="estimates"/>,
    /// made of <paramref name="gaps"/> (see <see cref="TestRowInterval"/>).</summary>
    private static (double Low, double High)? UnsignedMean(CellRecord[][] seeds, double[] estimates, (bool IsRatio,
        (FairnessMetric Gap, double Weight)[][] Parts, (FairnessMetric Minority,
        FairnessMetric Majority) RelativeTo) gaps, double level)
    {
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
        int parts = gaps.Parts.Length;
        var sum = new double[parts];
        var variance = new double[parts];
        double farVariance = 0;
        foreach (var seed in seeds)
        {
            double scale = 1, largest = 0;
            if (gaps.IsRatio)
            {
                // The ratio's part is the signed gap relative to the larger rate (SignedParts.Relative); its SE scales
                // alike.
                var (minority, majority) = gaps.RelativeTo;
                scale = Math.Max(SeedValue(seed, MetricCatalog.Get(minority).Key), SeedValue(seed,
                    MetricCatalog.Get(majority).Key));
            }
            if (!(scale > 0)) return null;
            for (int j = 0; j < parts; j++)
            {
                double partValue = 0, partVariance = 0;
                foreach (var (gap, weight) in gaps.Parts[j])
                {
                    if (StoredInterval(seed, MetricCatalog.Get(gap).Key) is not { } g) return null;
                    partValue += weight * g.Estimate / scale;
                    partVariance += Math.Pow(weight * (g.High - g.Low) / (2 * z * scale), 2);
                }
                sum[j] += partValue;
                variance[j] += partVariance;
                largest = Math.Max(largest, partVariance);
            }
            farVariance += largest;
        }
        int n = seeds.Length;
        // Bonferroni over the parts: each part's seed mean at 1 - (1 - level) / parts, so that all hold together.
        double zParts = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (1 - level) / (2 * parts));
        var partEnds = new (double Low, double High)[parts];
        for (int j = 0; j < parts; j++)
        {
            double m = sum[j] / n, half = zParts * Math.Sqrt(variance[j]) / n;
            partEnds[j] = (m - half, m + half);
        }
        double mean = estimates.Average(), far = z * Math.Sqrt(farVariance) / n;
        var (low, high) = UnsignedInterval.Of(new SignedParts.Layout(gaps.IsRatio, 1, parts), partEnds, mean);
        return gaps.IsRatio ? (mean - far, high) : (low, mean + far);
    }

    private static double SeedValue(CellRecord[] cells, string key) => cells.Average(c
        => c.Metrics.GetValueOrDefault(key, double.NaN));

    /// <summary>
    /// The Student t interval of the mean over seeds at <paramref name="level"/> (mean ± t(n - 1) std / sqrt(n)): how
    /// sure the seed mean is, for quantities without a test-row bootstrap (S(alpha), precision at M*). Null below two
    /// seeds.
    /// </summary>
    public (double Low, double High)? MeanInterval(double level = 0.95)
    {
        if (Count < 2 || double.IsNaN(Mean)) return null;
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Count - 1,
            0.5 + level / 2) * Std / Math.Sqrt(Count);
        return (Mean - half, Mean + half);
    }

    /// <summary>"[low, high]" of <see cref="TestRowInterval"/>, or "n/a".</summary>
    public static string Format((double Low, double High)? interval) =>
        interval is { } i ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"[{i.Low:0.0000}, {i.High:0.0000}]") : "n/a";

    /// <inheritdoc/>
    public override string ToString() => Count == 0 ? "n/a" : $"{Mean:0.0000} ± {Std:0.0000}";
}
