using FairCollective.Common;
using MathNet.Numerics.Statistics;

namespace FairCollective.Fairness;

/// <summary>
/// The bootstrap of EqOd and error over test rows, kept to what they need. Both metrics depend on the rows only
/// through the eight counts (group x label x prediction), so a resample draws n row indices with replacement and
/// only counts their cells: <see cref="FairnessBootstrap"/>'s unstratified row resampling without copying rows or
/// computing the other metrics. (Drawing the counts as a multinomial of chained binomials would be O(1) per
/// resample, but MathNet's binomial sampler is itself O(n), and slower than this loop; measured.)
/// </summary>
public static class CountBootstrap
{
    /// <summary>Purpose string of the seed stream of the resamples.</summary>
    public const string SeedPurpose = "count-bootstrap";

    /// <summary>Percentile intervals of EqOd and error over test rows.</summary>
    /// <param name="yTrue">True labels in {0, 1}.</param>
    /// <param name="yPred">Predicted labels in {0, 1}.</param>
    /// <param name="isMinority">Whether each row is in the minority.</param>
    /// <param name="resamples">Resamples to draw (at least 1).</param>
    /// <param name="level">Two-sided level in (0, 1).</param>
    /// <param name="seed">Seed of the resamples.</param>
    /// <returns>(EqOd low, EqOd high, error low, error high); NaN ends where no resample defines the metric.</returns>
    public static (double EqOdLow, double EqOdHigh, double ErrorLow, double ErrorHigh) Intervals(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        ReadOnlySpan<bool> isMinority, int resamples, double level, int seed)
    {
        if (resamples < 1) throw new UserInputException($"bootstrap resamples must be at least 1; got {resamples}");
        if (!(level > 0 && level < 1)) throw new UserInputException($"bootstrap level must lie strictly between 0 and 1; got {level}");
        int n = yTrue.Length;
        if (n == 0) throw new UserInputException("cannot bootstrap an empty test split");
        // Cell index: group * 4 + y * 2 + prediction.

        var cellOfRow = new byte[n];
        for (int i = 0; i < n; i++) cellOfRow[i] = (byte)((isMinority[i] ? 4 : 0) + yTrue[i] * 2 + yPred[i]);
        var rng = Seeds.Create(seed, SeedPurpose);
        var eqod = new List<double>(resamples);
        var error = new List<double>(resamples);
        var draw = new long[8];
        for (int b = 0; b < resamples; b++)
        {
            Array.Clear(draw);
            for (int i = 0; i < n; i++) draw[cellOfRow[rng.Next(n)]]++;
            error.Add((double)(draw[1] + draw[2] + draw[5] + draw[6]) / n);
            if (EqOd(draw) is var e && !double.IsNaN(e)) eqod.Add(e);
        }
        double lowTau = (1 - level) / 2, highTau = 1 - lowTau;
        double Q(List<double> values, double tau)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.ToArray();
            Array.Sort(sorted);
            return SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        }
        return (Q(eqod, lowTau), Q(eqod, highTau), Q(error, lowTau), Q(error, highTau));
    }

    /// <summary>EqOd of the eight counts; NaN when a group has no positive or no negative row.</summary>
    public static double EqOd(ReadOnlySpan<long> c)
    {
        // Majority: c[0] TN, c[1] FP, c[2] FN, c[3] TP; minority: c[4..7] likewise.
        long majPos = c[2] + c[3], majNeg = c[0] + c[1], minPos = c[6] + c[7], minNeg = c[4] + c[5];
        if (majPos == 0 || majNeg == 0 || minPos == 0 || minNeg == 0) return double.NaN;
        double tpr = (double)c[7] / minPos - (double)c[3] / majPos, fpr = (double)c[5] / minNeg - (double)c[1] / majNeg;
        return 0.5 * (Math.Abs(tpr) + Math.Abs(fpr));
    }
}
