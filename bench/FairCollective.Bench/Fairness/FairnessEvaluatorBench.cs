using BenchmarkDotNet.Attributes;
using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Bench.Fairness;

/// <summary>
/// The experiment hot path: all named metrics of one test split (10^4 rows, two groups), as called ~10^5 times
/// per sweep; plus the full report and a 1000-resample bootstrap for scale.
/// </summary>
[MemoryDiagnoser]
public class FairnessEvaluatorBench
{
    private const int Rows = 10_000;
    private int[] _yTrue = [], _yPred = [];
    private GroupIndex _groups = null!;
    private bool[] _isMinority = [];
    private readonly double[] _values = new double[FairnessEvaluator.MetricCount];

    [GlobalSetup]
    public void Setup()
    {
        var rng = Seeds.Create(1, "bench");
        _yTrue = new int[Rows];
        _yPred = new int[Rows];
        var group = new string[Rows];
        for (int i = 0; i < Rows; i++)
        {
            group[i] = rng.NextDouble() < 0.2 ? "min" : "maj";
            _yTrue[i] = rng.Next(2);
            _yPred[i] = rng.NextDouble() < 0.8 ? _yTrue[i] : 1 - _yTrue[i];
        }
        _groups = GroupIndex.From(group);
        _isMinority = _groups.Membership(["min"]);
    }

    [Benchmark(Baseline = true)]
    public double EvaluateAllMetrics()
    {
        FairnessEvaluator.Evaluate(_yTrue, _yPred, _groups.IndexOfRow, _isMinority, _values);
        return _values[(int)FairnessMetric.EqOd];
    }

    [Benchmark]
    public double FullReport() => FairnessReport.From(GroupConfusion.Compute(_yTrue, _yPred, _groups), ["min"]).EqOd;

    [Benchmark]
    public double Bootstrap1000() =>
        FairnessBootstrap.Compute(_yTrue, _yPred, _groups, ["min"], [FairnessMetric.EqOd],
            new BootstrapOptions { Seed = 1 })[0].Upper;
}
