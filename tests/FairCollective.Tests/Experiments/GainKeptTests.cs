using FairCollective.Experiments.Summaries;

namespace FairCollective.Tests.Experiments;

/// <summary>The share of the collective's gain a defence leaves, with its interval over seeds (the ratio estimator),
/// checked by hand.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public sealed class GainKeptTests
{
    private static CountermeasureRow Row(params (int Seed, double Defended, double Undefended)[] seeds) => new("d",
        "logistic", "roni", "RB-prob", 0, null, 0.2, "1 of pool", 10,
        default, default, SeedStats.Of(seeds.Select(s => s.Defended)), SeedStats.Of(seeds.Select(s
            => s.Undefended)), default, default, default, default,
        seeds.ToDictionary(s => s.Seed, s => (s.Defended, s.Undefended)));

    [Fact]
    public void TheShareIsTheRatioOfMeanGainsAndItsIntervalComesFromTheSeedsResiduals()
    {
        // Three seeds: G = (0.08, 0.05, 0.08), U = (0.10, 0.10, 0.10): share 0.07 / 0.10 = 0.7; residuals G - 0.7 U =
        // (0.01, -0.02, 0.01), sample variance 0.0003, SE sqrt(0.0003 / 3) / 0.1 = 0.1, half-width t(2, 0.975) * 0.1.
        var kept = CountermeasureSummary.Kept([Row((0, 0.08, 0.10), (1, 0.05, 0.10), (2, 0.08, 0.10))]);
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 2, 0.975) * 0.1;
        Assert.Equal(0.7, kept.Share, 12);
        Assert.Equal(0.7 - half, kept.Low, 12);
        Assert.Equal(0.7 + half, kept.High, 12);
        Assert.Equal(3, kept.Seeds);
        // The same numbers as the share the tables always showed (the ratio of the setting's mean gains).
        Assert.Equal(0.7, Row((0, 0.08, 0.10), (1, 0.05, 0.10), (2, 0.08, 0.10)).Survival, 12);
    }

    [Fact]
    public void SettingsArePooledSeedBySeedOverTheSeedsEveryOneHas()
    {
        // Two settings; seed 2 lacks the second one's undefended cell, so only seeds 0 and 1 count: G = (0.09, 0.07),
        // U = (0.12, 0.12): share 0.08 / 0.12.
        var kept = CountermeasureSummary.Kept([Row((0, 0.05, 0.06), (1, 0.03, 0.06), (2, 0.04, 0.06)), Row((0, 0.04,
            0.06), (1, 0.04, 0.06), (2, 0.04, double.NaN))]);
        Assert.Equal(2, kept.Seeds);
        Assert.Equal(0.08 / 0.12, kept.Share, 12);
        // A setting without a clear undefended gain is left out; none left: no share.
        Assert.True(double.IsNaN(CountermeasureSummary.Kept([Row((0, 0.001, 0.005), (1, 0.001, 0.005))]).Share));
        // One seed: the share without an interval.
        var one = CountermeasureSummary.Kept([Row((0, 0.05, 0.1))]);
        Assert.Equal((0.5, true), (one.Share, double.IsNaN(one.Low)));
    }
}
