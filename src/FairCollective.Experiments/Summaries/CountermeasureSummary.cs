using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Experiments.Summaries;

/// <summary>
/// One collective setting against one defence, over seeds: the shown metric and error after the defence, the
/// collective's gain with and without the defence, the share of the gain that survives, and how the defence's flags
/// met the flips.
/// </summary>
/// <param name="Dataset">Dataset.</param>
/// <param name="Learner">The firm's learner (without the defence).</param>
/// <param name="Defence">The defence as tables name it.</param>
/// <param name="Strategy">The collective's strategy (without the plausible threshold).</param>
/// <param name="Plausible">The plausible-flips threshold (0 = the whole pool).</param>
/// <param name="MajorityRows">m, the majority rows the collective knows (null = all).</param>
/// <param name="Alpha">Collective size.</param>
/// <param name="Budget">Flip budget as the spec gave it.</param>
/// <param name="MeanFlips">Mean flips over seeds.</param>
/// <param name="Metric">The shown metric after the defence.</param>
/// <param name="Error">Test error after the defence.</param>
/// <param name="Gain">Per seed: unfairness of the defended firm without the collective minus with it (positive = the
/// collective made it fairer).</param>
/// <param name="UndefendedGain">The same collective's gain against the firm without a defence.</param>
/// <param name="Precision">Flagged rows that are flips.</param>
/// <param name="Recall">Flips flagged.</param>
/// <param name="FalseFlagsMinority">Honest minority rows flagged.</param>
/// <param name="FalseFlagsMajority">Majority rows flagged.</param>
/// <param name="GainsBySeed">Per seed the gain against the defended firm and against the undefended one (either NaN
/// where a cell is missing).</param>
public sealed record CountermeasureRow(string Dataset, string Learner, string Defence, string Strategy,
    double Plausible, int? MajorityRows, double Alpha, string Budget,
    double MeanFlips, SeedStats Metric, SeedStats Error, SeedStats Gain, SeedStats UndefendedGain,
    SeedStats Precision, SeedStats Recall, SeedStats FalseFlagsMinority, SeedStats FalseFlagsMajority,
    IReadOnlyDictionary<int, (double Defended, double Undefended)>? GainsBySeed = null)
{
    /// <summary>The share kept (<see cref="Survival"/>) with its interval over seeds
    /// (<see cref="CountermeasureSummary.Kept"/>).</summary>
    public GainKept Kept => CountermeasureSummary.Kept([this]);

    /// <summary>
    /// The share of the collective's gain that survives the defence: its mean gain against the defended firm over its
    /// mean gain against the undefended one (1 = all kept, 0 = all lost; above 1 the defence helped it). NaN when the
    /// collective gained nothing without the defence (below <see cref="CountermeasureSummary.MinimumGain"/>): there was
    /// nothing to keep.
    /// </summary>
    public double Survival => UndefendedGain.Count > 0
        && UndefendedGain.Mean >= CountermeasureSummary.MinimumGain ? Gain.Mean / UndefendedGain.Mean : double.NaN;
}

/// <summary>
/// The share of the collective's gain a defence leaves it, over one or several settings, with a Student t interval over
/// seeds: the ratio of the seeds' mean summed gains (against the defended firm over against the undefended one), and
/// its interval from the seeds' residuals d = G - share U (the ratio estimator's standard error, t with seeds - 1
/// degrees of freedom). Per-seed gains are a difference of two refits each, so shares swing: COMPAS's RONI keeps a
/// share whose interval runs from about two thirds to all of the gain.
/// </summary>
/// <param name="Share">The share kept (1 = all, 0 = none, below 0 a loss, above 1 more than all); NaN where no setting
/// had a clear gain.</param>
/// <param name="Low">Lower end of the interval (NaN below two seeds).</param>
/// <param name="High">Upper end.</param>
/// <param name="Seeds">Seeds with every setting's two gains.</param>
public readonly record struct GainKept(double Share, double Low, double High, int Seeds);

/// <summary>What a defence does to the firm with no collective at all: the change of the shown metric and of the error,
/// and the honest rows it flags.</summary>
/// <param name="Dataset">Dataset.</param>
/// <param name="Learner">The firm's learner (without the defence).</param>
/// <param name="Defence">The defence as tables name it.</param>
/// <param name="UnfairnessChange">Per seed: unfairness with the defence minus without (positive = the defence alone
/// made the firm less fair).</param>
/// <param name="ErrorChange">Per seed: test error with the defence minus without.</param>
/// <param name="FalseFlagsMinority">Minority rows flagged (all honest here).</param>
/// <param name="FalseFlagsMajority">Majority rows flagged.</param>
public sealed record DefenceAloneRow(string Dataset, string Learner, string Defence, SeedStats UnfairnessChange,
    SeedStats ErrorChange,
    SeedStats FalseFlagsMinority, SeedStats FalseFlagsMajority);

/// <summary>
/// The countermeasures reading of an experiment with defences (spec key <c>defences</c>): every defended collective
/// setting matched, seed by seed, with the same setting against the firm without a defence, and each defence's base
/// firm with the undefended base. Cells are matched by their configuration, never by position.
/// </summary>
public static class CountermeasureSummary
{
    /// <summary>
    /// Below this mean gain against the undefended firm (in the shown metric) the collective achieved nothing clearly
    /// to keep and its survival share is undefined: a ratio to a gain within the noise of one refit (about 0.01 EqOd on
    /// the bundled data) swings to any size or sign.
    /// </summary>
    public const double MinimumGain = 0.01;

    /// <summary>Whether the cells hold any defended firm.</summary>
    public static bool HasDefences(IEnumerable<CellRecord> cells) => cells.Any(c => c.Defence != DefenceCatalog.None);

    /// <summary>Every defended collective setting (defences in the order of the cells' labels, then strategy,
    /// threshold, m, alpha, budget).</summary>
    public static IReadOnlyList<CountermeasureRow> Rows(IReadOnlyList<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var bases = cells.Where(c => c.Knob is null && c.Method == ResultsSummary.BaseMethod)
            .GroupBy(c => (c.Dataset, c.BaseLearner, c.Defence, c.Seed)).ToDictionary(g => g.Key, g => g.First());
        var collective = ExperimentShape.CollectiveCells(cells).ToArray();
        var undefended = collective.Where(c => c.Defence == DefenceCatalog.None)
            .GroupBy(c => (c.Dataset, c.BaseLearner, c.BaseMethod, c.Plausible, c.MajorityRows, c.Alpha, c.Budget,
                c.Seed)).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<CountermeasureRow>();
        foreach (var g in collective.Where(c => c.Defence != DefenceCatalog.None)
                     .GroupBy(c => (c.Dataset, c.BaseLearner, c.Defence, c.BaseMethod, c.Plausible, c.MajorityRows,
                         c.Alpha, c.Budget))
                     .OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.BaseLearner,
                         StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Defence, StringComparer.Ordinal).ThenBy(g => g.Key.BaseMethod,
                         StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Plausible).ThenBy(g => g.Key.MajorityRows ?? int.MaxValue).ThenBy(g
                         => g.Key.Alpha).ThenBy(g => g.Key.Budget, StringComparer.Ordinal))
        {
            var k = g.Key;
            var bySeed = new Dictionary<int, (double Defended, double Undefended)>();
            foreach (var cell in g)
            {
                double u = Unfairness(cell, metric);
                double gain = bases.TryGetValue((k.Dataset, k.BaseLearner, k.Defence, cell.Seed),
                    out var b) ? Unfairness(b, metric) - u : double.NaN;
                double plain = undefended.TryGetValue((k.Dataset, k.BaseLearner, k.BaseMethod, k.Plausible,
                    k.MajorityRows, k.Alpha, k.Budget, cell.Seed), out var o)
                               && bases.TryGetValue((k.Dataset, k.BaseLearner, DefenceCatalog.None, cell.Seed),
                                   out var ob)
                    ? Unfairness(ob, metric) - Unfairness(o, metric) : double.NaN;
                bySeed[cell.Seed] = (gain, plain);
            }
            rows.Add(new CountermeasureRow(k.Dataset, k.BaseLearner, k.Defence, k.BaseMethod, k.Plausible,
                k.MajorityRows, k.Alpha, k.Budget,
                g.Average(c => (double)c.Flips), SeedStats.Of(g, metric.Key), SeedStats.Of(g,
                    MetricKeys.Error), SeedStats.Of(bySeed.Values.Select(v => v.Defended)),
                SeedStats.Of(bySeed.Values.Select(v => v.Undefended)),
                SeedStats.Of(g, MetricKeys.DefencePrecision), SeedStats.Of(g, MetricKeys.DefenceRecall),
                SeedStats.Of(g, MetricKeys.DefenceFalseFlagsMinority), SeedStats.Of(g,
                    MetricKeys.DefenceFalseFlagsMajority), bySeed));
        }
        return rows;
    }

    /// <summary>
    /// The share of the gain kept over several settings: summed gain against the defended firm over summed gain against
    /// the undefended one, over the settings whose own share is defined (undefended gain at least
    /// <see cref="MinimumGain"/>); NaN when none is.
    /// </summary>
    public static double Pooled(IEnumerable<CountermeasureRow> rows) => Kept(rows).Share;

    /// <summary>
    /// <see cref="Pooled"/> with its interval over seeds (<see cref="GainKept"/>), at <paramref name="level"/>: over
    /// the settings whose own share is defined and the seeds where each of them has both gains.
    /// </summary>
    public static GainKept Kept(IEnumerable<CountermeasureRow> rows, double level = RandomComparison.DefaultLevel)
    {
        var list = rows.Where(r => double.IsFinite(r.Survival)).ToArray();
        if (list.Length == 0) return new GainKept(double.NaN, double.NaN, double.NaN, 0);
        // Without per-seed gains (rows built by hand) the share is the ratio of the settings' means, without an
        // interval.
        if (list.Any(r => r.GainsBySeed is null))
            return new GainKept(list.Sum(r => r.Gain.Mean) / list.Sum(r => r.UndefendedGain.Mean), double.NaN,
                double.NaN, 0);
        var seeds = list.Select(r => r.GainsBySeed!.Where(p => double.IsFinite(p.Value.Defended)
            && double.IsFinite(p.Value.Undefended)).Select(p => p.Key))
            .Aggregate((a, b) => a.Intersect(b)).Order().ToArray();
        if (seeds.Length == 0) return new GainKept(double.NaN, double.NaN, double.NaN, 0);
        double[] defended = seeds.Select(s => list.Sum(r => r.GainsBySeed![s].Defended)).ToArray();
        double[] plain = seeds.Select(s => list.Sum(r => r.GainsBySeed![s].Undefended)).ToArray();
        double meanPlain = plain.Average(), share = defended.Average() / meanPlain;
        if (seeds.Length < 2) return new GainKept(share, double.NaN, double.NaN, seeds.Length);
        // The ratio estimator's standard error: the residuals' sample variance over seeds, divided by seeds and by the
        // mean denominator squared.
        double residualVariance = seeds.Select((_, i) => defended[i] - share * plain[i]).Sum(d
            => d * d) / (seeds.Length - 1);
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, seeds.Length - 1,
            0.5 + level / 2) * Math.Sqrt(residualVariance / seeds.Length) / Math.Abs(meanPlain);
        return new GainKept(share, share - half, share + half, seeds.Length);
    }

    /// <summary>Each defence against the firm without one, with no collective (the base cells), per dataset and
    /// learner.</summary>
    public static IReadOnlyList<DefenceAloneRow> Alone(IReadOnlyList<CellRecord> cells, ShownMetric? metric = null)
    {
        metric ??= ShownMetric.EqOd;
        var bases = cells.Where(c => c.Knob is null && c.Method == ResultsSummary.BaseMethod).ToArray();
        var plain = bases.Where(c => c.Defence == DefenceCatalog.None).GroupBy(c => (c.Dataset, c.BaseLearner,
            c.Seed)).ToDictionary(g => g.Key, g => g.First());
        return bases.Where(c => c.Defence != DefenceCatalog.None).GroupBy(c => (c.Dataset, c.BaseLearner, c.Defence))
            .OrderBy(g => g.Key.Dataset, StringComparer.Ordinal).ThenBy(g => g.Key.BaseLearner,
                StringComparer.Ordinal).ThenBy(g => g.Key.Defence, StringComparer.Ordinal)
            .Select(g =>
            {
                double Change(CellRecord c, Func<CellRecord, double> value) =>
                    plain.TryGetValue((c.Dataset, c.BaseLearner, c.Seed), out var p) ? value(c) - value(p) : double.NaN;
                return new DefenceAloneRow(g.Key.Dataset, g.Key.BaseLearner, g.Key.Defence,
                    SeedStats.Of(g.Select(c => Change(c, x => Unfairness(x, metric)))), SeedStats.Of(g.Select(c
                        => Change(c, x => Value(x, MetricKeys.Error)))),
                    SeedStats.Of(g, MetricKeys.DefenceFalseFlagsMinority), SeedStats.Of(g,
                        MetricKeys.DefenceFalseFlagsMajority));
            }).ToArray();
    }

    private static double Unfairness(CellRecord c, ShownMetric metric) => metric.Unfairness(Value(c, metric.Key));

    private static double Value(CellRecord c, string key) => c.Metrics.TryGetValue(key, out var v) ? v : double.NaN;
}
