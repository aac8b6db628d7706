using FairCollective.Data;
using FairCollective.Data.Splitting;
using FairCollective.Fairness;
using FairCollective.Fairness.Counterfactual;
using FairCollective.Learning;
using FairCollective.Mitigation.FirmSide;
using FairCollective.Pipeline;

namespace FairCollective.Experiments.Running;

/// <summary>
/// The firm's side of a cell: fit the learner on (possibly relabelled) training labels, predict the untouched
/// test split, and measure error and the minority-vs-majority fairness gaps (plus S(alpha) on synthetic data).
/// </summary>
public static class FirmEvaluation
{
    /// <summary>
    /// The by-group metrics every cell stores, under their registry keys (<see cref="MetricCatalog"/>): the paper's
    /// EqOd and error, the other unsigned gaps, the signed minority-minus-majority gaps, and each group's count, base
    /// rate, selection rate, TPR, FPR, FNR and error (the by-group table of a cell, <c>ByGroupTable</c>); and any
    /// stored metric registered (<see cref="MetricCatalog.Register"/>).
    /// </summary>
    public static IReadOnlyList<FairnessMetric> StoredMetrics => Lists.Value.Stored;

    /// <summary>The stored metrics that get a bootstrap interval (their definitions say so): all but the group counts,
    /// which resampling only blurs.</summary>
    public static IReadOnlyList<FairnessMetric> IntervalMetrics => Lists.Value.Interval;

    // The lists and keys above, built once per set of definitions (every cell reads them) and again when a metric is
    // registered.
    private sealed record MetricLists(FairnessMetric[] Stored, FairnessMetric[] Interval, string[] Low, string[] High)
    {
        // Room for a cell's metrics (point values, both interval ends, counterfactual and a spare), so filling never
        // regrows the table.
        public int Capacity => Stored.Length + 2 * Interval.Length + 4;
    }

    private static readonly DefinitionsDerived<MetricLists> Lists = new(all =>
    {
        var interval = all.Where(d => d.Interval).ToArray();
        return new MetricLists(all.Where(d => d.Stored).Select(d => d.Metric!.Value).ToArray(),
            interval.Select(d => d.Metric!.Value).ToArray(), interval.Select(d
                => MetricKeys.IntervalLow(d.Key)).ToArray(),
            interval.Select(d => MetricKeys.IntervalHigh(d.Key)).ToArray());
    });

    /// <summary>The test split's metrics of a fitted model (with intervals, counterfactual and validation metrics where
    /// the split and <paramref name="bootstrap"/> give them), keyed by <see cref="MetricKeys"/>.</summary>
    public static Dictionary<string, double> EvaluateModel(IClassifier model, PreparedSplit split,
        BootstrapOptions? bootstrap = null)
    {
        var predicted = model.Predict(split.TestX);
        var metrics = Evaluate(split.TestY, predicted, split.TestGroups);
        if (bootstrap is { Resamples: > 0 }) AddIntervals(metrics, split.TestY, predicted, split.TestGroups, bootstrap);
        if (split.TestCounterfactualX is { } counterfactual && split.TestCounterfactualLabel is { } cfLabel)
        {
            var onCounterfactual = model.Predict(counterfactual);
            metrics[MetricKeys.CounterfactualSuccess] = CounterfactualMetrics.Success(predicted, onCounterfactual,
                split.TestGroups);
            metrics[MetricKeys.CounterfactualFairness] = CounterfactualMetrics.CounterfactualFairnessRate(predicted,
                cfLabel, split.TestGroups);
        }
        // With a validation part, every stored metric also on it, under its validation key: what chooses a budget
        // without looking at the test rows.
        if (split.ValidationX is { } vx && split.ValidationY is { } vy && split.ValidationGroups is { } vg)
            foreach (var (key, value) in Evaluate(vy, model.Predict(vx),
                vg)) metrics[MetricKeys.OnValidation(key)] = value;
        return metrics;
    }

    /// <summary>Bootstrap intervals over the test rows of every interval metric (<see cref="MetricKeys.IntervalLow"/>
    /// and <see cref="MetricKeys.IntervalHigh"/> of each; unsigned gaps and ratios through their signed gaps,
    /// <see cref="CountBootstrap"/>).</summary>
    internal static void AddIntervals(Dictionary<string, double> metrics, int[] y, int[] predicted,
        GroupMembership groups, BootstrapOptions bootstrap)
    {
        // Drawn on the eight confusion counts (CountBootstrap): exact for these metrics, and n times cheaper than
        // copying rows.
        var lists = Lists.Value;
        var intervals = CountBootstrap.Intervals(y, predicted, groups.MinorityFlags, lists.Interval,
            bootstrap.Resamples, bootstrap.Level, bootstrap.Seed);
        for (int m = 0; m < lists.Interval.Length; m++)
        {
            metrics[lists.Low[m]] = intervals[m].Low;
            metrics[lists.High[m]] = intervals[m].High;
        }
    }

    /// <summary>
    /// Metrics of a firm-side outcome: of the sampled predictions, and (for randomised post-processors) the expected
    /// error and EqOd, computed exactly by counting each row as a prediction of 1 with weight p and of 0 with 1 - p.
    /// With <paramref name="bootstrap"/>, the sampled predictions' metrics get their intervals over test rows, as
    /// collective cells do. With a validation split, every stored metric also on it (as <see cref="EvaluateModel"/>
    /// gives collective cells): what chooses a method's knob without looking at the test rows.
    /// </summary>
    public static IReadOnlyDictionary<string, double> EvaluateOutcome(PreparedSplit split, FirmSideOutcome outcome,
        BootstrapOptions? bootstrap = null)
    {
        var metrics = Evaluate(split.TestY, outcome.Predicted, split.TestGroups);
        if (bootstrap is { Resamples: > 0 }) AddIntervals(metrics, split.TestY, outcome.Predicted, split.TestGroups,
            bootstrap);
        if (outcome.ValidationPredicted is { } vp && split.ValidationY is { } vy && split.ValidationGroups is { } vg)
            foreach (var (key, value) in Evaluate(vy, vp, vg)) metrics[MetricKeys.OnValidation(key)] = value;
        foreach (var (key, value) in outcome.Measures ?? new Dictionary<string, double>()) metrics[key] = value;
        if (outcome.PositiveProbability is { } p)
        {
            int n = p.Length;
            var y = new int[2 * n];
            var pred = new int[2 * n];
            var group = new int[2 * n];
            var weight = new double[2 * n];
            for (int i = 0; i < n; i++)
            {
                y[2 * i] = y[2 * i + 1] = split.TestY[i];
                group[2 * i] = group[2 * i + 1] = split.TestGroups.Code(i);
                pred[2 * i] = 1;
                weight[2 * i] = p[i];
                weight[2 * i + 1] = 1 - p[i];
            }
            var values = new double[FairnessEvaluator.MetricCount];
            FairnessEvaluator.Evaluate(y, pred, GroupMembership.FromCodes(group), values, sampleWeights: weight);
            metrics[MetricKeys.ErrorExpected] = values[(int)FairnessMetric.ErrorRate];
            metrics[MetricKeys.EqOdExpected] = values[(int)FairnessMetric.EqOd];
        }
        return metrics;
    }

    /// <summary>The stored metrics of predictions against labels, minority vs majority.</summary>
    public static Dictionary<string, double> Evaluate(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        GroupMembership groups)
    {
        var values = CollectivePipeline.Measure(yTrue, yPred, groups);
        var lists = Lists.Value;
        var metrics = new Dictionary<string, double>(lists.Capacity, StringComparer.Ordinal);
        foreach (var metric in lists.Stored) metrics[MetricCatalog.Get(metric).Key] = values[(int)metric];
        return metrics;
    }
}
