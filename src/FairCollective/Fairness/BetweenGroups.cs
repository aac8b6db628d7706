namespace FairCollective.Fairness;

/// <summary>
/// fairlearn's between-groups aggregation (MetricFrame.difference/ratio with method='between_groups') and the
/// two ways of combining the TPR and FPR parts of equalized odds. In <see cref="UndefinedRate.NaN"/> mode any
/// NaN input gives NaN. In <see cref="UndefinedRate.ZeroLikeFairlearn"/> mode we copy fairlearn exactly:
/// pandas min/max/mean skip NaN, and 'worst_case' is Python's builtin max/min over [tpr_part, fpr_part], which
/// returns the first element when a comparison involves NaN.
/// </summary>
public static class BetweenGroups
{
    /// <summary>Max over groups minus min over groups of <paramref name="rate"/> (unsigned, fairlearn).</summary>
    public static double Difference(ReadOnlySpan<ConfusionCounts> groups, GroupRate rate, UndefinedRate mode)
    {
        var (min, max) = MinMax(groups, rate, mode);
        return max - min;
    }

    /// <summary>Min over groups divided by max over groups of <paramref name="rate"/>; 0/0 = NaN (fairlearn).</summary>
    public static double Ratio(ReadOnlySpan<ConfusionCounts> groups, GroupRate rate, UndefinedRate mode)
    {
        var (min, max) = MinMax(groups, rate, mode);
        return min / max;
    }

    /// <summary>Min and max over groups; NaN when nothing defined is left (see class remarks for NaN
    /// handling).</summary>
    public static (double Min, double Max) MinMax(ReadOnlySpan<ConfusionCounts> groups, GroupRate rate,
        UndefinedRate mode)
    {
        var range = new Range();
        foreach (var counts in groups)
            if (!range.Add(new GroupRates(counts, mode).Get(rate), mode)) return (double.NaN, double.NaN);
        return range.Result;
    }

    /// <summary>
    /// Min and max of per-group values of any metric (a MetricFrame column, built-in or user-supplied), with the
    /// same NaN handling as the rate overload: NaN mode gives NaN on any NaN, fairlearn mode skips NaN.
    /// </summary>
    public static (double Min, double Max) MinMax(ReadOnlySpan<double> perGroup, UndefinedRate mode)
    {
        var range = new Range();
        foreach (double v in perGroup)
            if (!range.Add(v, mode)) return (double.NaN, double.NaN);
        return range.Result;
    }

    /// <summary>Max minus min of per-group values (see
    /// <see cref="MinMax(ReadOnlySpan{double}, UndefinedRate)"/>).</summary>
    public static double Difference(ReadOnlySpan<double> perGroup, UndefinedRate mode)
    {
        var (min, max) = MinMax(perGroup, mode);
        return max - min;
    }

    /// <summary>Min over max of per-group values; 0/0 = NaN (see
    /// <see cref="MinMax(ReadOnlySpan{double}, UndefinedRate)"/>).</summary>
    public static double Ratio(ReadOnlySpan<double> perGroup, UndefinedRate mode)
    {
        var (min, max) = MinMax(perGroup, mode);
        return min / max;
    }

    /// <summary>Running min and max; <see cref="Add"/> is false when a NaN in NaN mode makes the whole result
    /// NaN.</summary>
    private struct Range()
    {
        private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;
        private bool _any;

        public bool Add(double v, UndefinedRate mode)
        {
            if (double.IsNaN(v)) return mode != UndefinedRate.NaN;
            _any = true;
            if (v < _min) _min = v;
            if (v > _max) _max = v;
            return true;
        }

        public readonly (double Min, double Max) Result => _any ? (_min, _max) : (double.NaN, double.NaN);
    }

    /// <summary>The larger of the TPR part and the FPR part ('worst_case' for differences).</summary>
    public static double WorstCaseMax(double tprPart, double fprPart, UndefinedRate mode)
    {
        if (mode == UndefinedRate.NaN && (double.IsNaN(tprPart) || double.IsNaN(fprPart))) return double.NaN;
        return fprPart > tprPart ? fprPart : tprPart;
        // Python max([tpr, fpr]): keep the first unless the second compares greater
    }

    /// <summary>The smaller of the TPR part and the FPR part ('worst_case' for ratios).</summary>
    public static double WorstCaseMin(double tprPart, double fprPart, UndefinedRate mode)
    {
        if (mode == UndefinedRate.NaN && (double.IsNaN(tprPart) || double.IsNaN(fprPart))) return double.NaN;
        return fprPart < tprPart ? fprPart : tprPart;
    }

    /// <summary>The mean of the TPR part and the FPR part ('mean').</summary>
    public static double Mean(double tprPart, double fprPart, UndefinedRate mode)
    {
        if (mode == UndefinedRate.ZeroLikeFairlearn)
        {
            if (double.IsNaN(tprPart)) return fprPart; // pandas mean skips NaN
            if (double.IsNaN(fprPart)) return tprPart;
        }
        return (tprPart + fprPart) / 2;
    }
}
