using FairCollective.Common;
using System.Runtime.InteropServices;

namespace FairCollective.Fairness;

/// <summary>
/// Percentile-bootstrap confidence intervals for any <see cref="FairnessMetric"/>: rows are resampled with
/// replacement (optionally within each group), every metric is recomputed on the resample, and the interval is
/// the (1-level)/2 and (1+level)/2 quantiles (linear interpolation, numpy's default / R type 7) of the defined
/// values. Resample b draws from its own generator Seeds.Create(seed, "bootstrap", b), so results are identical
/// for any thread count.
/// </summary>
public static class FairnessBootstrap
{
    /// <summary>A percentile interval for each of <paramref name="metrics"/>, in that order.</summary>
    /// <param name="yTrue">True labels (1 = favourable).</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="groups">Group index of every row.</param>
    /// <param name="minorityGroups">Group labels pooled as the minority.</param>
    /// <param name="metrics">Metrics to bound.</param>
    /// <param name="options">Resamples, level, seed, stratification; defaults when null.</param>
    /// <param name="sampleWeights">Optional weight per row; null = unweighted.</param>
    /// <exception cref="UserInputException">The sample is empty or an option is out of range.</exception>
    public static IReadOnlyList<ConfidenceInterval> Compute(int[] yTrue, int[] yPred, GroupIndex groups,
        IEnumerable<string> minorityGroups, IReadOnlyList<FairnessMetric> metrics, BootstrapOptions? options = null,
        double[]? sampleWeights = null)
    {
        options ??= new BootstrapOptions();
        options.Validate();
        int n = yTrue.Length, metricCount = metrics.Count;
        if (n == 0) throw new UserInputException("Cannot bootstrap an empty sample.");
        bool[] isMinority = groups.Membership(minorityGroups);

        var estimate = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(yTrue, yPred, groups.IndexOfRow, isMinority, estimate, options.UndefinedRate, sampleWeights);

        int[][] strata = options.StratifyByGroup ? RowsByGroup(groups) : [Enumerable.Range(0, n).ToArray()];
        var replicates = new double[options.Resamples * metricCount];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(0, options.Resamples, parallel, () => new Resample(n, sampleWeights is not null), (b, _, buffer) =>
        {
            buffer.Draw(Seeds.Create(options.Seed, BootstrapOptions.SeedPurpose, b), strata, yTrue, yPred, groups.IndexOfRow, sampleWeights);
            FairnessEvaluator.Evaluate(buffer.YTrue, buffer.YPred, buffer.Group, isMinority, buffer.Values, options.UndefinedRate, buffer.Weights);
            for (int m = 0; m < metricCount; m++) replicates[b * metricCount + m] = buffer.Values[(int)metrics[m]];
            return buffer;
        }, _ => { });

        var intervals = new ConfidenceInterval[metricCount];
        double lowerTau = (1 - options.Level) / 2, upperTau = 1 - lowerTau;
        var defined = new List<double>(options.Resamples);
        for (int m = 0; m < metricCount; m++)
        {
            defined.Clear();
            for (int b = 0; b < options.Resamples; b++)
                if (replicates[b * metricCount + m] is var v && !double.IsNaN(v)) defined.Add(v);
            var (lower, upper) = defined.Count == 0 ? (double.NaN, double.NaN) : PercentileEnds.Of(CollectionsMarshal.AsSpan(defined), lowerTau, upperTau);
            intervals[m] = new ConfidenceInterval(metrics[m], estimate[(int)metrics[m]], lower, upper, options.Level, options.Resamples, defined.Count);
        }
        return intervals;
    }

    private static int[][] RowsByGroup(GroupIndex groups)
    {
        var sizes = new int[groups.Count];
        foreach (int g in groups.IndexOfRow) sizes[g]++;
        var rows = new int[groups.Count][];
        for (int g = 0; g < rows.Length; g++) rows[g] = new int[sizes[g]];
        Array.Clear(sizes);
        for (int i = 0; i < groups.RowCount; i++) rows[groups.IndexOfRow[i]][sizes[groups.IndexOfRow[i]]++] = i;
        return rows;
    }

    /// <summary>One thread's reusable buffers for a resampled copy of the rows.</summary>
    private sealed class Resample(int n, bool weighted)
    {
        public readonly int[] YTrue = new int[n], YPred = new int[n], Group = new int[n];
        public readonly double[]? Weights = weighted ? new double[n] : null;
        public readonly double[] Values = new double[FairnessEvaluator.MetricCount];

        /// <summary>Draws each stratum's size in rows from that stratum, with replacement.</summary>
        public void Draw(Random rng, int[][] strata, int[] yTrue, int[] yPred, int[] group, double[]? weights)
        {
            int k = 0;
            foreach (var rows in strata)
                for (int j = 0; j < rows.Length; j++, k++)
                {
                    int r = rows[rng.Next(rows.Length)];
                    YTrue[k] = yTrue[r];
                    YPred[k] = yPred[r];
                    Group[k] = group[r];
                    if (Weights is not null) Weights[k] = weights![r];
                }
        }
    }
}
