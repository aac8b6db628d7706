using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Planning;

/// <summary>
/// The assumed firm in one replicate: fitted once on the unchanged labels, then refitted (warm-started from that fit,
/// as the runner refits) for each set of flips, and measured on the replicate's test users.
/// </summary>
internal sealed class SurrogateFirm
{
    private readonly ITrainer _refit;
    private readonly Surrogate _surrogate;
    private readonly KnownRows _rows;
    private readonly FairnessMetric _metric;
    private readonly (double Metric, double Error) _unchanged;
    private readonly Dictionary<(int Key, int Flips), (double, double)> _seen = [];
    private readonly double[] _values = new double[FairnessEvaluator.MetricCount];

    public SurrogateFirm(ITrainer trainer, Surrogate surrogate, KnownRows rows, FairnessMetric metric)
    {
        _surrogate = surrogate;
        _rows = rows;
        _metric = metric;
        var firm = trainer.Fit(surrogate.X, surrogate.Labels, surrogate.Weights);
        _refit = LearnerCatalog.WarmStartedFrom(trainer, firm);
        _unchanged = Measure(firm);
    }

    /// <summary>
    /// The firm's metric and error after the first <paramref name="flips"/> members of <paramref name="ranking"/> flip.
    /// Results are remembered under <paramref name="key"/> (the same key and count mean the same flips); null: not
    /// remembered.
    /// </summary>
    public (double Metric, double Error) After(IReadOnlyList<int> ranking, int flips, int? key)
    {
        if (flips == 0) return _unchanged;
        if (key is { } k && _seen.TryGetValue((k, flips), out var known)) return known;
        var labels = _surrogate.LabelsWithFlips(ranking.Take(flips));
        var result = Measure(_refit.Fit(_surrogate.X, labels, _surrogate.Weights));
        if (key is { } k2) _seen[(k2, flips)] = result;
        return result;
    }

    private (double, double) Measure(IClassifier firm)
    {
        var (members, majority) = _rows.Predict(firm);
        return _surrogate.Measure(members, majority, _rows.MemberLabels, _metric, _values);
    }
}
