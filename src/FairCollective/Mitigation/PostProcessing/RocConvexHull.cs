namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// fairlearn's per-group ROC construction: points from every threshold between consecutive distinct scores
/// (rule score &gt; threshold, thresholds at the midpoints, plus +∞ and −∞), their upper convex hull
/// (Andrew's monotone chain, dropping collinear points), and linear interpolation of the hull on an FPR grid.
/// </summary>
internal static class RocConvexHull
{
    /// <summary>ROC points sorted by (FPR, TPR). The group must have both labels.</summary>
    public static List<RocPoint> Points(double[] scores, int[] labels)
    {
        int n = scores.Length, positives = 0;
        foreach (int y in labels) positives += y;
        int negatives = n - positives;

        // Descending scores; the order among tied scores does not matter as each tie block is consumed whole.
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var keys = (double[])scores.Clone();
        Array.Sort(keys, order);
        Array.Reverse(keys);
        Array.Reverse(order);

        var points = new List<RocPoint> { new(0.0, 0.0, double.PositiveInfinity) };
        int falsePos = 0, truePos = 0, k = 0;
        while (k < n)
        {
            double current = keys[k];
            while (k < n && keys[k] == current)
            {
                if (labels[order[k]] == 1) truePos++; else falsePos++;
                k++;
            }
            double next = k < n ? keys[k] : double.NegativeInfinity;
            points.Add(new RocPoint((double)falsePos / negatives, (double)truePos / positives, (current + next) / 2));
        }
        // Counts only grow as the threshold falls, so the points are already sorted by (FPR, TPR).
        return points;
    }

    /// <summary>The upper hull of points sorted by (FPR, TPR); a middle point on or below the chord is
    /// dropped.</summary>
    public static RocPoint[] UpperHull(List<RocPoint> sorted)
    {
        var hull = new List<RocPoint>(sorted.Count);
        foreach (var r2 in sorted)
        {
            while (hull.Count >= 2)
            {
                var r1 = hull[^1];
                var r0 = hull[^2];
                if ((r1.TruePositiveRate - r0.TruePositiveRate) * (r2.FalsePositiveRate - r0.FalsePositiveRate)
                    <= (r2.TruePositiveRate - r0.TruePositiveRate) * (r1.FalsePositiveRate - r0.FalsePositiveRate))
                    hull.RemoveAt(hull.Count - 1);
                else break;
            }
            hull.Add(r2);
        }
        return hull.ToArray();
    }

    /// <summary>
    /// The hull at every grid FPR: for grid value x the segment index i with hull[i].x &lt; x ≤ hull[i+1].x (for the
    /// first grid value, the last hull point at that x), p0 = (x_{i+1} − x) / (x_{i+1} − x_i), p1 = 1 − p0 and
    /// TPR = p0·y_i + p1·y_{i+1}, as fairlearn's <c>_interpolate_curve</c>. <paramref name="grid"/> must be increasing
    /// from hull[0].x to the last hull x.
    /// </summary>
    public static (int[] Segment, double[] P0, double[] Tpr) Interpolate(RocPoint[] hull, double[] grid)
    {
        var segment = new int[grid.Length];
        var p0 = new double[grid.Length];
        var tpr = new double[grid.Length];
        int i = 0;
        while (i + 1 < hull.Length - 1 && hull[i + 1].FalsePositiveRate == hull[0].FalsePositiveRate) i++;
        for (int g = 0; g < grid.Length; g++)
        {
            double x = grid[g];
            while (i + 2 < hull.Length && x > hull[i + 1].FalsePositiveRate) i++;
            double p = (hull[i + 1].FalsePositiveRate - x) / (hull[i + 1].FalsePositiveRate -
                hull[i].FalsePositiveRate);
            segment[g] = i;
            p0[g] = p;
            tpr[g] = p * hull[i].TruePositiveRate + (1 - p) * hull[i + 1].TruePositiveRate;
        }
        return (segment, p0, tpr);
    }
}
