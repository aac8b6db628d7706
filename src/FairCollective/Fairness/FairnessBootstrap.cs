using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// Bootstrap confidence intervals for any <see cref="FairnessMetric"/>: rows are resampled with replacement (optionally
/// within each group) and every metric is recomputed on the resample. Rates, signed gaps, error, disparate impact and
/// counts get the percentile interval, the (1-level)/2 and (1+level)/2 quantiles (linear interpolation, numpy's default
/// / R type 7) of the defined values; every unsigned gap and min-over-max ratio, including the between-groups ones over
/// all groups, is bounded through its signed parts (<see cref="SignedParts"/>, <see cref="UnsignedInterval"/>), whose
/// percentile intervals hold together, so that its interval reaches parity when the parts' do. Resample b draws from
/// its own generator Seeds.Create(seed, "bootstrap", b), so results are identical for any thread count.
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
        FairnessEvaluator.Evaluate(yTrue, yPred, groups.IndexOfRow, isMinority, estimate, options.UndefinedRate,
            sampleWeights);

        var collected = new ResampledIntervals(metrics, groups.Count, options.Resamples);
        ForEachResample(yTrue, yPred, groups, options, sampleWeights, () => collected.NewScratch(),
            (b, perGroup, scratch) => collected.Add(b, perGroup, isMinority, options.UndefinedRate, scratch));
        var ends = collected.Finish(options.Level, estimate);
        var intervals = new ConfidenceInterval[metricCount];
        for (int m = 0; m < metricCount; m++)
            intervals[m] = new ConfidenceInterval(metrics[m], estimate[(int)metrics[m]], ends[m].Low, ends[m].High,
                options.Level, options.Resamples, ends[m].Defined);
        return intervals;
    }

    /// <summary>
    /// Draws every resample of <paramref name="options"/> (on several threads; resample b always from its own seeded
    /// generator) and hands each one's per-group confusion counts to <paramref name="use"/> with a per-thread state.
    /// </summary>
    internal static void ForEachResample<TState>(int[] yTrue, int[] yPred, GroupIndex groups, BootstrapOptions options,
        double[]? sampleWeights,
        Func<TState> newState, ResampleAction<TState> use)
    {
        int n = yTrue.Length;
        int[][] strata = options.StratifyByGroup ? RowsByGroup(groups) : [Enumerable.Range(0, n).ToArray()];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(0, options.Resamples, parallel, () => (Buffer: new Resample(n, groups.Count,
            sampleWeights is not null), State: newState()), (b, _, local) =>
        {
            local.Buffer.Draw(Seeds.Create(options.Seed, BootstrapOptions.SeedPurpose, b), strata, yTrue, yPred,
                groups.IndexOfRow, sampleWeights);
            use(b, local.Buffer.Counts, local.State);
            return local;
        }, _ => { });
    }

    /// <summary>What <see cref="ForEachResample{TState}"/> does with resample b's per-group counts.</summary>
    internal delegate void ResampleAction<in TState>(int b, ReadOnlySpan<ConfusionCounts> perGroup, TState state);

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

    /// <summary>One thread's reusable buffers for a resampled copy of the rows and its per-group counts.</summary>
    private sealed class Resample(int n, int groups, bool weighted)
    {
        public readonly int[] YTrue = new int[n], YPred = new int[n], Group = new int[n];
        public readonly double[]? Weights = weighted ? new double[n] : null;
        public readonly ConfusionCounts[] Counts = new ConfusionCounts[groups];

        /// <summary>Draws each stratum's size in rows from that stratum, with replacement, and counts them per
        /// group.</summary>
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
            GroupConfusion.Accumulate(YTrue, YPred, Group, Counts, Weights);
        }
    }
}
