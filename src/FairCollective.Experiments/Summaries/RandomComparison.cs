using System.Globalization;
using FairCollective.Collective.Strategies;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using MathNet.Numerics.Distributions;

namespace FairCollective.Experiments.Summaries;

/// <summary>Whether a strategy beats flipping at random, resolved at the interval's level or not.</summary>
public enum Verdict
{
    /// <summary>The interval of (strategy - Random) lies on the fairer side of 0: below for gaps, above for
    /// ratios.</summary>
    Beats,

    /// <summary>The interval lies on the other side: Random reaches the fairer value.</summary>
    Loses,

    /// <summary>The interval contains 0: not resolved with these seeds.</summary>
    NotResolved,
}

/// <summary>A strategy against Random at one (dataset, learner, m, alpha), paired by seed.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="MajorityRows">m; null = all.</param>
/// <param name="Strategy">The strategy compared.</param>
/// <param name="Alpha">The collective's size.</param>
/// <param name="Seeds">Seeds with both curves.</param>
/// <param name="MeanDifference">Mean over seeds of (strategy - Random), each the seed's metric (EqOd unless another was
/// chosen) averaged over the shared budgets.</param>
/// <param name="Low">Lower end of the t interval of the mean difference.</param>
/// <param name="High">Upper end.</param>
/// <param name="Verdict">What the interval says.</param>
public sealed record PairedComparison(string Dataset, string Learner, int? MajorityRows, string Strategy, double Alpha,
    int Seeds,
    double MeanDifference, double Low, double High, Verdict Verdict)
{
    /// <summary>The one-line verdict, e.g. "RB-dist beats Random at alpha = 0.3: yes (-0.012 [-0.020, -0.004], 5
    /// seeds)".</summary>
    public string Line(double level) => string.Create(CultureInfo.InvariantCulture,
        $"{Strategy} beats Random at alpha = {Alpha:0.###}: " +
        $"{(Verdict switch
        {
            Verdict.Beats => "yes",
            Verdict.Loses => "no",
            _ => $"not resolved at {level * 100:0}%"
        })} " +
        $"({MeanDifference:+0.0000;-0.0000} [{Low:0.0000}, {High:0.0000}], {Seeds} seeds)");
}

/// <summary>Flips needed to halve the base model's distance from parity (EqOd unless another metric was chosen), per
/// seed, with an interval over seeds.</summary>
/// <param name="Dataset">The dataset's display name.</param>
/// <param name="Learner">The firm's learner.</param>
/// <param name="MajorityRows">m; null = all.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Alpha">The collective's size.</param>
/// <param name="Reached">Seeds whose curve reaches half the base value within the budgets run.</param>
/// <param name="Seeds">Seeds with a curve.</param>
/// <param name="Flips">The smallest flip count at or below half the base value, over the seeds that reach it (mean, t
/// interval).</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end.</param>
public sealed record FlipsToHalve(string Dataset, string Learner, int? MajorityRows, string Strategy, double Alpha,
    int Reached, int Seeds,
    double Flips, double Low, double High);

/// <summary>
/// Strategies against Random, paired by seed (method.md section 4): for each seed the strategy's and Random's metric
/// (EqOd unless another <see cref="ShownMetric"/> is given) averaged over the budgets both ran (the whole curve, so
/// flip efficiency counts, not only the minimum), their difference, and a Student t interval over seeds; and the flips
/// each strategy needs to halve the base model's distance from parity.
/// </summary>
public static class RandomComparison
{
    /// <summary>The default confidence level of the intervals.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>Every non-Random strategy against Random at the same (dataset, learner, m, alpha), where both ran at
    /// least two seeds.</summary>
    public static IReadOnlyList<PairedComparison> Against(IEnumerable<CellRecord> cells, double level = DefaultLevel,
        ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        // A strategy restricted to plausible flips draws from another pool than Random: not compared.
        var collective = cells.Where(c => c.Knob is null && c.Method != ResultsSummary.BaseMethod
            && c.Plausible == 0).ToArray();
        var rows = new List<PairedComparison>();
        foreach (var at in collective.GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Alpha)))
        {
            if (at.All(c => c.Flips == 0)) continue; // nobody flips (an empty collective or pool): nothing to compare
            var random = at.Where(c => c.Method == StrategyCatalog.Random).ToArray();
            if (random.Length == 0) continue;
            foreach (var strategy in at.Where(c => c.Method != StrategyCatalog.Random).GroupBy(c => c.Method).OrderBy(g
                => g.Key, StringComparer.Ordinal))
            {
                var budgets = strategy.Select(c => c.Budget).Intersect(random.Select(c
                    => c.Budget)).ToHashSet(StringComparer.Ordinal);
                var differences = strategy.Select(c => c.Seed).Distinct().Order()
                    .Select(seed => CurveMean(strategy, seed, budgets, metric.Key) - CurveMean(random, seed, budgets,
                        metric.Key))
                    .Where(d => !double.IsNaN(d)).ToArray();
                if (differences.Length < 2) continue;
                var (mean, low, high) = TInterval(differences, level);
                // Fairer is lower for a gap and higher for a ratio.
                var verdict = metric.Direction * high < 0 && metric.Direction * low < 0 ? Verdict.Beats
                    : metric.Direction * low > 0 && metric.Direction * high > 0 ? Verdict.Loses : Verdict.NotResolved;
                rows.Add(new PairedComparison(at.Key.Dataset, at.Key.Learner, at.Key.MajorityRows, strategy.Key,
                    at.Key.Alpha, differences.Length, mean, low, high, verdict));
            }
        }
        return rows.OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal)
            .ThenBy(r => r.MajorityRows ?? int.MaxValue).ThenBy(r => r.Alpha).ThenBy(r => r.Strategy,
                StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Per strategy and alpha, the flips needed to bring the metric's distance from parity
    /// (<see cref="ShownMetric.Unfairness"/>: EqOd itself by default) to half the seed's base value.
    /// </summary>
    public static IReadOnlyList<FlipsToHalve> Halving(IEnumerable<CellRecord> cells, double level = DefaultLevel,
        ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var all = cells.Where(c => c.Knob is null).ToArray();
        var baseBySeed = all.Where(c => c.Method == ResultsSummary.BaseMethod).GroupBy(c => (c.Dataset, c.Learner,
            c.Seed))
            .ToDictionary(g => g.Key, g => metric.Unfairness(g.Average(c => c.Metrics.GetValueOrDefault(metric.Key,
                double.NaN))));
        var rows = new List<FlipsToHalve>();
        foreach (var curve in all.Where(c => c.Method != ResultsSummary.BaseMethod).GroupBy(c => (c.Dataset, c.Learner,
            c.MajorityRows, c.Method, c.Alpha)))
        {
            if (curve.All(c => c.Flips == 0)) continue; // a curve that never flips cannot halve anything
            var seeds = curve.GroupBy(c => c.Seed).ToArray();
            var reached = seeds.Select(seed =>
            {
                double half = baseBySeed.GetValueOrDefault((curve.Key.Dataset, curve.Key.Learner, seed.Key),
                    double.NaN) / 2;
                var first = seed.Where(c => metric.Unfairness(c.Metrics.GetValueOrDefault(metric.Key,
                    double.NaN)) <= half).OrderBy(c => c.Flips).FirstOrDefault();
                return first is null ? double.NaN : first.Flips;
            }).Where(f => !double.IsNaN(f)).ToArray();
            var (mean, low, high) = reached.Length >= 2 ? TInterval(reached,
                level) : (reached.FirstOrDefault(double.NaN), double.NaN, double.NaN);
            rows.Add(new FlipsToHalve(curve.Key.Dataset, curve.Key.Learner, curve.Key.MajorityRows, curve.Key.Method,
                curve.Key.Alpha, reached.Length, seeds.Length, mean, low, high));
        }
        return rows.OrderBy(r => r.Dataset, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal)
            .ThenBy(r => r.MajorityRows ?? int.MaxValue).ThenBy(r => r.Alpha).ThenBy(r => r.Strategy,
                StringComparer.Ordinal).ToArray();
    }

    // A seed's metric averaged over the budgets both curves ran (NaN when a budget's value is undefined).
    private static double CurveMean(IEnumerable<CellRecord> cells, int seed, HashSet<string> budgets, string metric)
    {
        var values = cells.Where(c => c.Seed == seed && budgets.Contains(c.Budget)).Select(c
            => c.Metrics.GetValueOrDefault(metric, double.NaN)).ToArray();
        return values.Length == budgets.Count ? values.Average() : double.NaN;
    }

    /// <summary>Mean and Student t interval at <paramref name="level"/> of <paramref name="values"/> (n - 1 degrees of
    /// freedom).</summary>
    public static (double Mean, double Low, double High) TInterval(IReadOnlyList<double> values, double level)
    {
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        double half = StudentT.InvCDF(0, 1, values.Count - 1, 0.5 + level / 2) * sd / Math.Sqrt(values.Count);
        return (mean, mean - half, mean + half);
    }
}
