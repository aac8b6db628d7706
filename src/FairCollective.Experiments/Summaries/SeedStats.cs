using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>Mean and spread of one quantity over seeds. Std is the sample standard deviation (n - 1); 0 for one seed.</summary>
/// <param name="Mean">Mean over the seeds that have a value.</param>
/// <param name="Std">Sample standard deviation over those seeds.</param>
/// <param name="Count">Seeds with a value.</param>
public readonly record struct SeedStats(double Mean, double Std, int Count)
{
    /// <summary>Mean and spread of <paramref name="values"/>, one per seed; NaN values (undefined metrics) are left out, never counted as 0.</summary>
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
            var values = seed.Select(c => c.Metrics.TryGetValue(metric, out var v) ? v : double.NaN).Where(v => !double.IsNaN(v)).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        }));

    /// <summary>
    /// The test-row uncertainty of the seed mean of <paramref name="estimate"/> (a metric key; EqOd by default): each
    /// seed's bootstrap interval (stored with its cells) gives a standard error (half-width / z); the mean's interval is
    /// mean ± z sqrt(sum of SE^2) / seeds, so it reflects how sure each test split's number is, beside the spread over
    /// seeds, clipped to the values the metric can take. Null when the cells hold no intervals of that metric, or a seed's is undefined.
    /// </summary>
    public static (double Low, double High)? TestRowInterval(IEnumerable<CellRecord> cells, string estimate = MetricKeys.EqOd)
    {
        string low = MetricKeys.IntervalLow(estimate), high = MetricKeys.IntervalHigh(estimate);
        var perSeed = cells.GroupBy(c => c.Seed).Select(g =>
        {
            var withInterval = g.Where(c => c.Metrics.ContainsKey(low) && c.Metrics.ContainsKey(high)).ToArray();
            if (withInterval.Length == 0) return (Ok: false, Mean: 0.0, Se: 0.0);
            double level = withInterval[0].Config?.BootstrapLevel ?? Fairness.BootstrapOptions.DefaultLevel;
            double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
            double lo = withInterval.Average(c => c.Metrics[low]), hi = withInterval.Average(c => c.Metrics[high]);
            double est = withInterval.Average(c => c.Metrics.GetValueOrDefault(estimate, double.NaN));
            return (Ok: !double.IsNaN(lo) && !double.IsNaN(hi) && !double.IsNaN(est), Mean: est, Se: (hi - lo) / (2 * z));
        }).ToArray();
        if (perSeed.Length == 0 || perSeed.Any(p => !p.Ok)) return null;
        double levelOut = cells.First().Config?.BootstrapLevel ?? Fairness.BootstrapOptions.DefaultLevel;
        double zOut = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + levelOut / 2);
        double mean = perSeed.Average(p => p.Mean), half = zOut * Math.Sqrt(perSeed.Sum(p => p.Se * p.Se)) / perSeed.Length;
        // The normal approximation can cross the metric's bounds (a gap below 0); the values it cannot take are clipped.
        var (lowest, highest) = MetricCatalogue.Range(estimate) ?? (double.NegativeInfinity, double.PositiveInfinity);
        return (Math.Max(lowest, mean - half), Math.Min(highest, mean + half));
    }

    /// <summary>
    /// The Student t interval of the mean over seeds at <paramref name="level"/> (mean ± t(n - 1) std / sqrt(n)): how
    /// sure the seed mean is, for quantities without a test-row bootstrap (S(alpha), precision at M*). Null below two seeds.
    /// </summary>
    public (double Low, double High)? MeanInterval(double level = 0.95)
    {
        if (Count < 2 || double.IsNaN(Mean)) return null;
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Count - 1, 0.5 + level / 2) * Std / Math.Sqrt(Count);
        return (Mean - half, Mean + half);
    }

    /// <summary>"[low, high]" of <see cref="TestRowInterval"/>, or "n/a".</summary>
    public static string Format((double Low, double High)? interval) =>
        interval is { } i ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{i.Low:0.0000}, {i.High:0.0000}]") : "n/a";

    /// <inheritdoc/>
    public override string ToString() => Count == 0 ? "n/a" : $"{Mean:0.0000} ± {Std:0.0000}";
}
