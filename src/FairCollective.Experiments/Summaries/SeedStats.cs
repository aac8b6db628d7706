using FairCollective.Experiments.Store;

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

    /// <inheritdoc/>
    public override string ToString() => Count == 0 ? "n/a" : $"{Mean:0.0000} ± {Std:0.0000}";
}
