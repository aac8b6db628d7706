using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// The bootstrap over test rows of every minority-vs-majority metric, kept to what they need. Each such metric depends
/// on the rows only through the eight counts (group x label x prediction), so a resample draws n row indices with
/// replacement and only counts their cells, then evaluates the metrics from those counts with
/// <see cref="FairnessEvaluator"/> (the one place they are defined): <see cref="FairnessBootstrap"/>'s unstratified
/// row resampling without copying rows. (Drawing the counts as a multinomial of chained binomials would be O(1) per
/// resample, but MathNet's binomial sampler is itself O(n), and slower than this loop; measured.) The draws depend
/// only on (n, resamples, seed), so they are drawn once and shared by every call with the same three
/// (<see cref="BootstrapDraws"/>): the cells of one split then cost a sum of counts each, with the same result. The
/// intervals are built from the resamples as <see cref="ResampledIntervals"/> builds them (unsigned gaps and ratios
/// through their signed parts).
/// </summary>
public static class CountBootstrap
{
    /// <summary>Purpose string of the seed stream of the resamples.</summary>
    public const string SeedPurpose = "count-bootstrap";

    // Group codes of the two pooled groups: 0 the majority, 1 the minority.
    private static readonly bool[] IsMinorityGroup = [false, true];

    /// <summary>
    /// Intervals over test rows of each of <paramref name="metrics"/>, minority vs majority: every unsigned gap and
    /// ratio from its signed parts (<see cref="SignedParts"/>, <see cref="UnsignedInterval"/>), every other metric its
    /// percentile interval.
    /// </summary>
    /// <param name="yTrue">True labels in {0, 1}.</param>
    /// <param name="yPred">Predicted labels in {0, 1}.</param>
    /// <param name="isMinority">Whether each row is in the minority.</param>
    /// <param name="metrics">The metrics to bound; every resample evaluates them on the same drawn rows.</param>
    /// <param name="resamples">Resamples to draw (at least 1).</param>
    /// <param name="level">Two-sided level in (0, 1).</param>
    /// <param name="seed">Seed of the resamples.</param>
    /// <returns>One (low, high) per metric, in order; NaN ends where no resample defines the metric.</returns>
    public static (double Low, double High)[] Intervals(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        ReadOnlySpan<bool> isMinority,
        IReadOnlyList<FairnessMetric> metrics, int resamples, double level, int seed)
    {
        if (resamples < 1) throw new UserInputException($"bootstrap resamples must be at least 1; got {resamples}");
        if (!(level > 0 && level < 1))
            throw new UserInputException($"bootstrap level must lie strictly between 0 and 1; got {level}");
        int n = yTrue.Length;
        if (n == 0) throw new UserInputException("cannot bootstrap an empty test split");
        // Cell index: group * 4 + y * 2 + prediction.
        var cellOfRow = new byte[n];
        var draw = new long[8];
        for (int i = 0; i < n; i++)
        {
            cellOfRow[i] = (byte)((isMinority[i] ? 4 : 0) + yTrue[i] * 2 + yPred[i]);
            draw[cellOfRow[i]]++;
        }
        var perGroup = new ConfusionCounts[2];
        var collected = new ResampledIntervals(metrics, 2, resamples);
        var scratch = collected.NewScratch();
        void Count()
        {
            for (int g = 0; g < 2; g++)
                perGroup[g] = new ConfusionCounts(TruePositives: draw[4 * g + 3], FalsePositives: draw[4 * g + 1],
                    TrueNegatives: draw[4 * g], FalseNegatives: draw[4 * g + 2]);
        }
        // The full sample's values: the estimates an unsigned metric's interval keeps inside.
        Count();
        var estimates = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(perGroup, IsMinorityGroup, UndefinedRate.NaN, estimates);
        if (BootstrapDraws.For(n, resamples, seed) is { } draws)
        {
            // Shared draws of this (n, B, seed): each cell's count in every resample is a sum of its rows' draw counts.
            var cellTotals = new uint[8][];
            for (int c = 0; c < 8; c++) cellTotals[c] = new uint[resamples];
            for (int i = 0; i < n; i++) draws.AddRow(i, cellTotals[cellOfRow[i]]);
            for (int b = 0; b < resamples; b++)
            {
                for (int c = 0; c < 8; c++) draw[c] = cellTotals[c][b];
                Count();
                collected.Add(b, perGroup, IsMinorityGroup, UndefinedRate.NaN, scratch);
            }
        }
        else
        {
            var rng = Seeds.Create(seed, SeedPurpose);
            for (int b = 0; b < resamples; b++)
            {
                Array.Clear(draw);
                for (int i = 0; i < n; i++) draw[cellOfRow[rng.Next(n)]]++;
                Count();
                collected.Add(b, perGroup, IsMinorityGroup, UndefinedRate.NaN, scratch);
            }
        }
        return collected.Finish(level, estimates).Select(i => (i.Low, i.High)).ToArray();
    }
}
