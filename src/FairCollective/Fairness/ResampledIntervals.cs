using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>
/// The bootstrap intervals of a list of metrics, collected resample by resample from each resample's per-group
/// confusion counts (<see cref="CountBootstrap"/> and <see cref="FairnessBootstrap"/> draw the resamples; this is what
/// both do with them). A metric with signed parts (every unsigned gap and min-over-max ratio,
/// <see cref="SignedParts"/>) gets the interval of <see cref="UnsignedInterval"/> from its parts' calibrated rectangle
/// (<see cref="SimultaneousPercentiles"/>); every other metric its percentile interval. A resample where a metric is
/// undefined (NaN) is left out of that metric's interval. Resample b writes only slot b, so resamples may be added from
/// several threads, each with its own <see cref="Scratch"/>.
/// </summary>
internal sealed class ResampledIntervals
{
    /// <summary>Most part values (parts x resamples) one metric may keep: 2^24 doubles, 128 MiB. Between-groups metrics
    /// have one part per pair of groups, k (k - 1) / 2; beyond this they are refused up front.</summary>
    public const long MaxPartValues = 1L << 24;

    private readonly FairnessMetric[] _metrics;
    private readonly SignedParts.Layout?[] _layouts;
    private readonly double[][] _values;     // [metric][resample]
    private readonly double[][]?[] _parts;   // [metric][part][resample]; null for percentile metrics
    private readonly bool _betweenGroups;
    private readonly int _groups, _mostParts;

    /// <summary>Room for <paramref name="resamples"/> resamples of <paramref name="groups"/> groups.</summary>
    /// <exception cref="UserInputException">A between-groups metric over so many groups that its parts exceed
    /// <see cref="MaxPartValues"/>.</exception>
    public ResampledIntervals(IReadOnlyList<FairnessMetric> metrics, int groups, int resamples)
    {
        _metrics = metrics.ToArray();
        _groups = groups;
        _layouts = metrics.Select(m => SignedParts.LayoutOf(m, groups)).ToArray();
        _values = metrics.Select(_ => new double[resamples]).ToArray();
        _parts = new double[metrics.Count][][];
        for (int m = 0; m < metrics.Count; m++)
            if (_layouts[m] is { } layout)
            {
                CheckSize(metrics[m].ToString(), layout.Count, groups, resamples);
                _parts[m] = Enumerable.Range(0, layout.Count).Select(_ => new double[resamples]).ToArray();
            }
        _betweenGroups = metrics.Any(FairnessEvaluator.IsBetweenGroups);
        _mostParts = _layouts.Select(l => l?.Count ?? 0).DefaultIfEmpty(0).Max();
    }

    /// <summary>Refuses parts that would not fit <see cref="MaxPartValues"/>, naming what to lower.</summary>
    public static void CheckSize(string what, long parts, int groups, int resamples)
    {
        if (parts * resamples > MaxPartValues)
            throw new UserInputException($"the bootstrap interval of {what} over {groups} groups needs {parts:N0} " +
                $"pairwise parts x {resamples:N0} resamples, " +
                $"more than {MaxPartValues:N0} values; use fewer resamples or fewer groups");
    }

    /// <summary>One thread's buffers.</summary>
    public sealed class Scratch(int groups, int parts)
    {
        internal readonly double[] Values = new double[FairnessEvaluator.MetricCount];
        internal readonly GroupRates[] Rates = new GroupRates[groups];
        internal readonly double[] Parts = new double[parts];
    }

    /// <summary>Buffers for one thread.</summary>
    public Scratch NewScratch() => new(_groups, _mostParts);

    /// <summary>Records resample <paramref name="b"/> from its per-group counts.</summary>
    public void Add(int b, ReadOnlySpan<ConfusionCounts> perGroup, ReadOnlySpan<bool> isMinorityGroup,
        UndefinedRate mode, Scratch scratch)
    {
        var values = scratch.Values;
        FairnessEvaluator.Evaluate(perGroup, isMinorityGroup, mode, values, _betweenGroups);
        if (_betweenGroups)
            for (int g = 0; g < perGroup.Length; g++) scratch.Rates[g] = new GroupRates(perGroup[g], mode);
        for (int m = 0; m < _metrics.Length; m++)
        {
            double v = values[(int)_metrics[m]];
            _values[m][b] = v;
            if (_parts[m] is not { } parts || double.IsNaN(v)) continue;
            var filled = scratch.Parts.AsSpan(0, parts.Length);
            SignedParts.Fill(_metrics[m], values, scratch.Rates, filled);
            for (int j = 0; j < parts.Length; j++) parts[j][b] = filled[j];
        }
    }

    /// <summary>One interval per metric, in order, with the resamples where it was defined.</summary>
    /// <param name="level">Two-sided level.</param>
    /// <param name="estimates">Every metric's value on the full sample (indexed by <see cref="FairnessMetric"/>), kept
    /// inside the intervals of metrics with signed parts.</param>
    public (double Low, double High, int Defined)[] Finish(double level, ReadOnlySpan<double> estimates)
    {
        var result = new (double Low, double High, int Defined)[_metrics.Length];
        for (int m = 0; m < _metrics.Length; m++)
            result[m] = _layouts[m] is { } layout
                ? Unsigned(layout, _parts[m]!, _values[m], level, estimates[(int)_metrics[m]])
                : Percentile(_values[m], level);
        return result;
    }

    /// <summary>The percentile interval of the defined values of <paramref name="drawn"/> (which it may reorder); NaN
    /// ends when none is defined.</summary>
    public static (double Low, double High, int Defined) Percentile(double[] drawn, double level)
    {
        int defined = 0;
        foreach (double v in drawn)
            if (!double.IsNaN(v)) drawn[defined++] = v;
        if (defined == 0) return (double.NaN, double.NaN, 0);
        double tau = (1 - level) / 2;
        var (low, high) = PercentileEnds.Of(drawn.AsSpan(0, defined), tau, 1 - tau);
        return (low, high, defined);
    }

    /// <summary>
    /// The interval of a metric with signed parts from the resamples where it is defined (<paramref name="drawn"/> not
    /// NaN; the parts are compacted to those in place): the parts' calibrated rectangle, then interval arithmetic.
    /// </summary>
    public static (double Low, double High, int Defined) Unsigned(SignedParts.Layout layout, double[][] parts,
        double[] drawn, double level, double estimate)
    {
        int defined = 0;
        for (int b = 0; b < drawn.Length; b++)
        {
            if (double.IsNaN(drawn[b])) continue;
            foreach (var part in parts) part[defined] = part[b];
            defined++;
        }
        if (defined == 0) return (double.NaN, double.NaN, 0);
        var (low, high) = UnsignedInterval.Of(layout, SimultaneousPercentiles.Ends(parts, defined, level), estimate);
        return (low, high, defined);
    }
}
