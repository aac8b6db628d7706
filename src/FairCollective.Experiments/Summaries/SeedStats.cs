namespace FairCollective.Experiments.Summaries;

/// <summary>Mean and spread of one quantity over seeds. Std is the sample standard deviation (n - 1); 0 for one seed.</summary>
public readonly record struct SeedStats(double Mean, double Std, int Count)
{
    public static SeedStats Of(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToArray();
        if (v.Length == 0) return new SeedStats(double.NaN, double.NaN, 0);
        double mean = v.Average();
        double std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
        return new SeedStats(mean, std, v.Length);
    }

    public override string ToString() => Count == 0 ? "n/a" : $"{Mean:0.0000} ± {Std:0.0000}";
}
