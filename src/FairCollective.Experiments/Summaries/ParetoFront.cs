namespace FairCollective.Experiments.Summaries;

/// <summary>A trade-off point: test error and EqOd (both to be minimised), with the label of what produced
/// it.</summary>
/// <param name="Error">Test error, in [0, 1].</param>
/// <param name="EqOd">EqOd, in [0, 1].</param>
/// <param name="Label">What produced the point (e.g. "knob 0.5", "RB-prob, alpha 0.2, 0.25 of pool").</param>
public readonly record struct TradeOffPoint(double Error, double EqOd, string Label = "");

/// <summary>The non-dominated subset of trade-off points (lower error and lower EqOd are both better).</summary>
public static class ParetoFront
{
    /// <summary>
    /// The points no other point beats on both error and EqOd, sorted by error ascending (so EqOd descends). Of
    /// points with equal (error, EqOd) one is kept; NaN points are ignored.
    /// </summary>
    public static IReadOnlyList<TradeOffPoint> Of(IEnumerable<TradeOffPoint> points)
    {
        var front = new List<TradeOffPoint>();
        double bestEqOd = double.PositiveInfinity;
        // Sorted by error then EqOd: a point is on the front exactly when its EqOd beats every point of lower error.
        foreach (var p in points.Where(p => !double.IsNaN(p.Error) && !double.IsNaN(p.EqOd)).OrderBy(p
            => p.Error).ThenBy(p => p.EqOd))
        {
            if (p.EqOd >= bestEqOd) continue;
            front.Add(p);
            bestEqOd = p.EqOd;
        }
        return front;
    }
}
