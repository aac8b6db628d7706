namespace FairCollective.Fairness;

/// <summary>
/// Bootstrap intervals of a <see cref="MetricFrame"/>'s built-in rate columns (rows resampled with replacement as
/// <see cref="FairnessBootstrap"/> resamples them): each group's, the overall, the pooled minority's and majority's
/// values and the signed gap get their percentile interval; the between-groups difference and ratio are bounded
/// through one part per pair of groups (<see cref="SignedParts.Pairs(ReadOnlySpan{double}, bool, Span{double})"/>,
/// <see cref="UnsignedInterval"/>), so that they reach 0 (1) when the groups' rates could be equal; and every
/// minority-vs-majority <see cref="FairnessMetric"/> gets the interval <see cref="FairnessBootstrap"/> gives it. The
/// count column and user metrics have none (NaN ends): resampling only blurs a count, and a user metric is a function
/// of rows that the counts do not determine.
/// </summary>
public sealed class MetricFrameIntervals
{
    private readonly Dictionary<string, int> _column;
    private readonly (double Low, double High)[][] _byGroup;   // [rate][group]
    private readonly (double Low, double High)[] _overall, _difference, _ratio;
    private readonly (double Low, double High)[]? _minority, _majority, _gap;
    private readonly Dictionary<FairnessMetric, (double Low, double High)>? _metrics;

    internal MetricFrameIntervals(MetricFrame frame, int[] yTrue, int[] yPred, GroupIndex groups, bool[]? isMinority,
        BootstrapOptions options, double[]? weights)
    {
        options.Validate();
        Options = options;
        int k = groups.Count, resamples = options.Resamples, pairs = k * (k - 1) / 2;
        ResampledIntervals.CheckSize("the between-groups difference", pairs, k, resamples);
        var mode = frame.UndefinedRate;
        var counts = new ConfusionCounts[resamples * k];
        FairnessMetric[] twoGroup = isMinority is null ? [] : MetricCatalog.All.Where(d => !d.BetweenGroups).Select(d
            => d.Metric!.Value).ToArray();
        var collected = new ResampledIntervals(twoGroup, k, resamples);
        FairnessBootstrap.ForEachResample(yTrue, yPred, groups, options, weights, () => collected.NewScratch(), (b,
            perGroup, scratch) =>
        {
            perGroup.CopyTo(counts.AsSpan(b * k, k));
            if (isMinority is not null) collected.Add(b, perGroup, isMinority, mode, scratch);
        });

        var rates = MetricFrameColumns.Rates;
        _column = rates.Select((r, i) => (r.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _byGroup = new (double, double)[rates.Length][];
        _overall = new (double, double)[rates.Length];
        _difference = new (double, double)[rates.Length];
        _ratio = new (double, double)[rates.Length];
        if (isMinority is not null) (_minority, _majority, _gap) = (new (double, double)[rates.Length], new (double,
            double)[rates.Length], new (double, double)[rates.Length]);
        var perGroupValues = new double[k];
        var pairParts = new double[pairs];
        for (int r = 0; r < rates.Length; r++)
        {
            var rate = rates[r].Rate;
            var group = new double[k][];
            for (int g = 0; g < k; g++) group[g] = new double[resamples];
            var overall = new double[resamples];
            var difference = new double[resamples];
            var ratio = new double[resamples];
            var differenceParts = Enumerable.Range(0, pairs).Select(_ => new double[resamples]).ToArray();
            var ratioParts = Enumerable.Range(0, pairs).Select(_ => new double[resamples]).ToArray();
            double[]? minority = isMinority is null ? null : new double[resamples], majority = isMinority is null ? null
                : new double[resamples], gap = isMinority is null ? null : new double[resamples];
            for (int b = 0; b < resamples; b++)
            {
                var perGroup = counts.AsSpan(b * k, k);
                ConfusionCounts all = default, pooledMinority = default, pooledMajority = default;
                for (int g = 0; g < k; g++)
                {
                    perGroupValues[g] = group[g][b] = new GroupRates(perGroup[g], mode).Get(rate);
                    all += perGroup[g];
                    if (isMinority is not null
                        && isMinority[g]) pooledMinority += perGroup[g];
                    else pooledMajority += perGroup[g];
                }
                overall[b] = new GroupRates(all, mode).Get(rate);
                difference[b] = BetweenGroups.Difference(perGroupValues, mode);
                ratio[b] = BetweenGroups.Ratio(perGroupValues, mode);
                SignedParts.Pairs(perGroupValues, relative: false, pairParts);
                for (int j = 0; j < pairs; j++) differenceParts[j][b] = pairParts[j];
                SignedParts.Pairs(perGroupValues, relative: true, pairParts);
                for (int j = 0; j < pairs; j++) ratioParts[j][b] = pairParts[j];
                if (isMinority is not null)
                {
                    minority![b] = new GroupRates(pooledMinority, mode).Get(rate);
                    majority![b] = new GroupRates(pooledMajority, mode).Get(rate);
                    gap![b] = minority[b] - majority[b];
                }
            }
            string name = rates[r].Name;
            _byGroup[r] = group.Select(v => Ends(ResampledIntervals.Percentile(v, options.Level))).ToArray();
            _overall[r] = Ends(ResampledIntervals.Percentile(overall, options.Level));
            _difference[r] = Ends(ResampledIntervals.Unsigned(new SignedParts.Layout(false, 1, pairs), differenceParts,
                difference, options.Level, frame.Difference(name)));
            _ratio[r] = Ends(ResampledIntervals.Unsigned(new SignedParts.Layout(true, 1, pairs), ratioParts, ratio,
                options.Level, frame.Ratio(name)));
            if (isMinority is not null)
            {
                _minority![r] = Ends(ResampledIntervals.Percentile(minority!, options.Level));
                _majority![r] = Ends(ResampledIntervals.Percentile(majority!, options.Level));
                _gap![r] = Ends(ResampledIntervals.Percentile(gap!, options.Level));
            }
        }
        if (frame.Minority is { } report)
        {
            var estimates = new double[FairnessEvaluator.MetricCount];
            foreach (var m in twoGroup) estimates[(int)m] = report[m];
            var ends = collected.Finish(options.Level, estimates);
            _metrics = twoGroup.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => (ends[x.i].Low, ends[x.i].High));
        }
    }

    private static (double Low, double High) Ends((double Low, double High, int Defined) interval) => (interval.Low,
        interval.High);

    /// <summary>Resamples, level and seed the intervals were drawn with.</summary>
    public BootstrapOptions Options { get; }

    /// <summary>The interval of <paramref name="column"/> for the group at <paramref name="group"/> (order of
    /// <see cref="MetricFrame.Groups"/>); NaN ends for the count and user metrics.</summary>
    public (double Low, double High) ByGroup(string column, int group) => _column.TryGetValue(column,
        out int r) ? _byGroup[r][group] : None;

    /// <summary>The interval of <paramref name="column"/> on all rows.</summary>
    public (double Low, double High) Overall(string column) => Of(_overall, column);

    /// <summary>The interval of the between-groups difference (max minus min over groups) of <paramref name="column"/>,
    /// bounded through every pair of groups.</summary>
    public (double Low, double High) Difference(string column) => Of(_difference, column);

    /// <summary>The interval of the between-groups ratio (min over max) of <paramref name="column"/>, bounded through
    /// every pair of groups.</summary>
    public (double Low, double High) Ratio(string column) => Of(_ratio, column);

    /// <summary>The interval of <paramref name="column"/> on the pooled minority (NaN without a minority).</summary>
    public (double Low, double High) MinorityValue(string column) => Of(_minority, column);

    /// <summary>The interval of <paramref name="column"/> on the pooled majority (NaN without a minority).</summary>
    public (double Low, double High) MajorityValue(string column) => Of(_majority, column);

    /// <summary>The interval of the signed gap of <paramref name="column"/>, minority minus majority (NaN without a
    /// minority).</summary>
    public (double Low, double High) MinorityGap(string column) => Of(_gap, column);

    /// <summary>The interval of a minority-vs-majority <paramref name="metric"/> (NaN without a minority, and for
    /// between-groups metrics: see <see cref="Difference"/> and <see cref="Ratio"/>).</summary>
    public (double Low, double High) this[FairnessMetric metric] => _metrics?.GetValueOrDefault(metric, None) ?? None;

    private static readonly (double Low, double High) None = (double.NaN, double.NaN);

    private (double Low, double High) Of((double Low, double High)[]? ends, string column) =>
        ends is not null && _column.TryGetValue(column, out int r) ? ends[r] : None;
}
