using MathNet.Numerics.Statistics;

namespace FairCollective.Planning;

/// <summary>A forecast: the median over the planner's replicates and the percentile interval at the plan's level.</summary>
/// <param name="Median">Median over replicates where the value is defined.</param>
/// <param name="Low">Lower percentile ((1 − level)/2).</param>
/// <param name="High">Upper percentile ((1 + level)/2).</param>
/// <param name="Defined">Replicates in which the value was defined (a group without positives leaves a rate undefined).</param>
public sealed record PredictiveInterval(double Median, double Low, double High, int Defined)
{
    /// <summary>The interval of the defined (non-NaN) values; all NaN when none is.</summary>
    public static PredictiveInterval Of(IEnumerable<double> values, double level)
    {
        var kept = values.Where(v => !double.IsNaN(v)).ToArray();
        if (kept.Length == 0) return new PredictiveInterval(double.NaN, double.NaN, double.NaN, 0);
        Array.Sort(kept);
        double tail = (1 - level) / 2;
        return new PredictiveInterval(
            SortedArrayStatistics.QuantileCustom(kept, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(kept, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(kept, 1 - tail, QuantileDefinition.R7), kept.Length);
    }

    /// <summary>Whether <paramref name="value"/> lies within [Low, High].</summary>
    public bool Covers(double value) => value >= Low && value <= High;
}
