using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// fairlearn's ThresholdOptimizer with constraints='equalized_odds', objective='accuracy_score', flip=False, on given
/// scores (Hardt, Price &amp; Srebro 2016). Per group: ROC points and their upper convex hull
/// (<see cref="RocConvexHull"/>), interpolated on the FPR grid linspace(0, 1, GridSize + 1). At grid FPR x the common
/// TPR is the minimum of the group hulls; overall accuracy (n_neg·(1 − x) + n_pos·TPR) / n, rounded to 15 decimals as
/// fairlearn does, picks the first best grid point. Each group then mixes its two hull vertices around x and, with
/// probability p_ignore, a constant coin of bias x, to land exactly on (x, common TPR).
/// Groups are any int codes; they are handled in ascending code order (fairlearn's sorted group order).
/// </summary>
public static class ThresholdOptimizer
{
    internal const string Name = "threshold optimizer";

    /// <summary>fairlearn rounds the objective to this many decimals before taking the first maximum.</summary>
    private const int ObjectiveDecimals = 15;

    /// <summary>
    /// The binary case: the minority and the majority of <paramref name="groups"/> share one (FPR, TPR) point; the
    /// model's group codes are the membership's (1 = minority, 0 = majority).
    /// </summary>
    /// <param name="scores">The classifier's score per row (higher = more likely y = 1).</param>
    /// <param name="yTrue">True labels in {0, 1}.</param>
    /// <param name="groups">Minority or majority of each row.</param>
    /// <param name="options">Grid size and tolerance; defaults when null.</param>
    /// <exception cref="UserInputException">Empty or mismatched inputs, or an option out of range.</exception>
    public static ThresholdOptimizerModel Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> yTrue,
        GroupMembership groups,
        ThresholdOptimizerOptions? options = null) => Fit(scores, yTrue, groups.Codes, options);

    /// <summary>Fits one randomised threshold rule per group so that all groups share one (FPR, TPR) point of best
    /// accuracy.</summary>
    /// <param name="scores">The classifier's score per row (higher = more likely y = 1).</param>
    /// <param name="yTrue">True labels in {0, 1}.</param>
    /// <param name="group">Group code per row (any ints).</param>
    /// <param name="options">Grid size and tolerance; defaults when null.</param>
    /// <exception cref="UserInputException">Empty or mismatched inputs, or an option out of range.</exception>
    public static ThresholdOptimizerModel Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> yTrue,
        ReadOnlySpan<int> group,
        ThresholdOptimizerOptions? options = null)
    {
        options ??= new ThresholdOptimizerOptions();
        if (options.GridSize < 1)
            throw new UserInputException($"{Name}: option '{nameof(ThresholdOptimizerOptions.GridSize)}' must be at " +
                $"least 1, got {options.GridSize}.");
        MitigationInput.UnitInterval(Name, options.Tolerance, nameof(ThresholdOptimizerOptions.Tolerance));
        MitigationInput.NonEmpty(Name, scores.Length);
        MitigationInput.SameLength(Name, scores.Length, yTrue.Length, "yTrue");
        MitigationInput.SameLength(Name, scores.Length, group.Length, "group");
        MitigationInput.Binary(Name, yTrue, "yTrue");
        MitigationInput.Finite(Name, scores, "scores");

        int[] codes = group.ToArray().Distinct().Order().ToArray();
        int groups = codes.Length;
        var grid = Grid(options.GridSize);

        var hulls = new RocPoint[groups][];
        var segments = new int[groups][];
        var p0s = new double[groups][];
        var tprs = new double[groups][];
        var positivesByGroup = new int[groups];
        int positives = 0;
        for (int g = 0; g < groups; g++)
        {
            var (groupScores, groupLabels) = RowsOf(scores, yTrue, group, codes[g]);
            int pos = groupLabels.Sum();
            if (pos == 0 || pos == groupLabels.Length)
                throw new UserInputException($"{Name}: group {codes[g]} needs both labels (it has {pos} positives " +
                    $"among {groupLabels.Length} rows).");
            positivesByGroup[g] = pos;
            positives += pos;
            hulls[g] = RocConvexHull.UpperHull(RocConvexHull.Points(groupScores, groupLabels));
            (segments[g], p0s[g], tprs[g]) = RocConvexHull.Interpolate(hulls[g], grid);
        }
        int n = scores.Length, negatives = n - positives;

        int best = -1;
        double bestObjective = double.NegativeInfinity;
        var targets = new double[groups];
        for (int k = 0; k < grid.Length; k++)
        {
            double x = grid[k], yMin = MinTpr(tprs, k);
            // Extra true positives that the tolerance allows above the common TPR; exactly 0 when τ = 0 so the
            // objective is computed as fairlearn does, bit for bit.
            double extra = 0;
            if (options.Tolerance > 0)
                for (int g = 0; g < groups; g++) extra += positivesByGroup[g] * (Target(tprs[g][k], yMin,
                    options.Tolerance) - yMin);
            double falsePos = negatives * x, trueNeg = negatives * (1.0 - x);
            double truePos = positives * yMin + extra, falseNeg = positives * (1.0 - yMin) - extra;
            double total = truePos + trueNeg + falsePos + falseNeg;
            double objective = RoundLikeNumpy((truePos + trueNeg) / total, ObjectiveDecimals);
            if (objective > bestObjective)
            {
                bestObjective = objective;
                best = k;
            }
        }

        double xBest = grid[best], yBest = MinTpr(tprs, best);
        var rules = new GroupThresholdRule[groups];
        for (int g = 0; g < groups; g++)
        {
            double y = tprs[g][best];
            targets[g] = Target(y, yBest, options.Tolerance);
            // p_ignore mixes toward the diagonal point (x, x) to bring the group's TPR from its hull down to its
            // target.
            double pIgnore = y == xBest ? 0.0 : (y - targets[g]) / (y - xBest);
            int s = segments[g][best];
            double p0 = p0s[g][best];
            rules[g] = new GroupThresholdRule(pIgnore, xBest, p0, hulls[g][s].Threshold, 1 - p0,
                hulls[g][s + 1].Threshold);
        }
        return new ThresholdOptimizerModel(options, codes, hulls, rules, best, xBest, yBest, targets, bestObjective);
    }

    /// <summary>numpy.linspace(0, 1, gridSize + 1): i·step with the last point set to exactly 1.</summary>
    internal static double[] Grid(int gridSize)
    {
        var grid = new double[gridSize + 1];
        double step = 1.0 / gridSize;
        for (int i = 0; i <= gridSize; i++) grid[i] = i * step;
        grid[gridSize] = 1.0;
        return grid;
    }

    /// <summary>numpy.around for non-negative decimals: scale, round half to even, unscale.</summary>
    internal static double RoundLikeNumpy(double value, int decimals)
    {
        double scale = Math.Pow(10, decimals);
        return Math.Round(value * scale, MidpointRounding.ToEven) / scale;
    }

    private static double Target(double groupTpr, double minTpr, double tolerance) =>
        tolerance == 0 ? minTpr : Math.Min(groupTpr, minTpr + tolerance);

    private static double MinTpr(double[][] tprs, int k)
    {
        double m = double.PositiveInfinity;
        foreach (var t in tprs) m = Math.Min(m, t[k]);
        return m;
    }

    private static (double[] Scores, int[] Labels) RowsOf(ReadOnlySpan<double> scores, ReadOnlySpan<int> y,
        ReadOnlySpan<int> group, int code)
    {
        var s = new List<double>();
        var l = new List<int>();
        for (int i = 0; i < scores.Length; i++)
            if (group[i] == code) { s.Add(scores[i]); l.Add(y[i]); }
        return (s.ToArray(), l.ToArray());
    }
}
