using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

[Trait(TestKind.Name, TestKind.Unit)]
public class FairnessBootstrapTests
{
    private static readonly FairnessMetric[] Metrics =
        [FairnessMetric.EqOd, FairnessMetric.DemographicParityDifference, FairnessMetric.ErrorRate,
            FairnessMetric.EqualOpportunityDifferenceSigned];

    /// <summary>
    /// n rows, a fifth of them minority with a lower base rate; the classifier errs more on the minority. Every
    /// gap is well away from 0: near 0 the percentile interval of an absolute difference need not cover it.
    /// </summary>
    private static (int[] YTrue, int[] YPred, GroupIndex Groups) Synthetic(int n, int seed)
    {
        var rng = Seeds.Create(seed, "test-data");
        var yTrue = new int[n];
        var yPred = new int[n];
        var group = new string[n];
        for (int i = 0; i < n; i++)
        {
            bool minority = rng.NextDouble() < 0.2;
            group[i] = minority ? "min" : "maj";
            yTrue[i] = rng.NextDouble() < (minority ? 0.3 : 0.5) ? 1 : 0;
            yPred[i] = rng.NextDouble() < (minority ? 0.3 : 0.1) ? 1 - yTrue[i] : yTrue[i];
        }
        return (yTrue, yPred, GroupIndex.From(group));
    }

    [Fact]
    public void IntervalOfALargeSampleContainsThePointEstimateAndIsNarrow()
    {
        var (yTrue, yPred, groups) = Synthetic(20_000, 1);
        var intervals = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], Metrics,
            new BootstrapOptions { Seed = 3, Resamples = 400 });
        var report = FairnessReport.From(GroupConfusion.Compute(yTrue, yPred, groups), ["min"]);
        foreach (var ci in intervals)
        {
            Assert.Equal(report[ci.Metric], ci.Estimate);
            Assert.True(ci.Lower <= ci.Estimate && ci.Estimate <= ci.Upper,
                $"{ci.Metric}: {ci.Lower} {ci.Estimate} {ci.Upper}");
            Assert.True(ci.Upper - ci.Lower is > 0 and < 0.1, $"{ci.Metric} width {ci.Upper - ci.Lower}");
            Assert.Equal(400, ci.DefinedResamples);
            Assert.Equal(BootstrapOptions.DefaultLevel, ci.Level);
        }
    }

    [Fact]
    public void IntervalsAreDeterministicPerSeedAndIndependentOfThreadCount()
    {
        var (yTrue, yPred, groups) = Synthetic(3_000, 2);
        var options = new BootstrapOptions { Seed = 11, Resamples = 300 };
        var parallel = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], Metrics, options);
        var again = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], Metrics, options);
        var serial = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], Metrics,
            options with { MaxDegreeOfParallelism = 1 });
        var otherSeed = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], Metrics, options with { Seed = 12 });
        Assert.Equal(parallel, again);
        Assert.Equal(parallel, serial);
        Assert.NotEqual(parallel.Select(ci => ci.Lower), otherSeed.Select(ci => ci.Lower));
    }

    [Fact]
    public void StratifiedResamplingKeepsATinyGroupInEveryResample()
    {
        // One minority row among 200: plain resampling misses it in about e^-1 of the resamples.
        var yTrue = Enumerable.Range(0, 200).Select(i => i % 2).ToArray();
        var yPred = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1 : 0).ToArray();
        var groups = GroupIndex.From(Enumerable.Range(0, 200).Select(i => i == 0 ? "min" : "maj").ToArray());
        FairnessMetric[] metrics = [FairnessMetric.MinorityErrorRate];
        var plain = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], metrics, new BootstrapOptions
        {
            Seed = 5,
            Resamples = 500
        })[0];
        var stratified = FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"], metrics,
            new BootstrapOptions { Seed = 5, Resamples = 500, StratifyByGroup = true })[0];
        Assert.InRange(plain.DefinedResamples, 250, 400);
        Assert.Equal(500, stratified.DefinedResamples);
        Assert.Equal((stratified.Estimate, stratified.Estimate), (stratified.Lower,
            stratified.Upper)); // the one row always drawn
    }

    [Theory]
    [InlineData(0, 0.95)]
    [InlineData(100, 1.0)]
    [InlineData(100, 0.0)]
    public void BadOptionsAreUserErrors(int resamples, double level)
    {
        var (yTrue, yPred, groups) = Synthetic(50, 3);
        var e = Assert.Throws<UserInputException>(() => FairnessBootstrap.Compute(yTrue, yPred, groups, ["min"],
            Metrics,
            new BootstrapOptions { Resamples = resamples, Level = level }));
        Assert.StartsWith("Option '", e.Message);
    }

    /// <summary>
    /// Between groups over several groups, each difference and ratio is bounded through every pair of groups: three
    /// groups with the same rates reach parity (difference 0, ratio 1) at the interval's end; two groups give the
    /// two-group gap's interval (the one pair is the signed gap, sign aside); every interval holds its estimate; and an
    /// interval over so many groups that its pairs would not fit is refused up front.
    /// </summary>
    [Fact]
    public void BetweenGroupsIntervalsAreBoundedThroughEveryPairOfGroups()
    {
        var rng = Seeds.Create(4, "test-data");
        int n = 3_000;
        var yTrue = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? 1 : 0).ToArray();
        var yPred = yTrue.Select(y => rng.NextDouble() < (y == 1 ? 0.7 : 0.3) ? 1 : 0).ToArray();
        var three = GroupIndex.From(Enumerable.Range(0, n).Select(i => "abc"[i % 3].ToString()).ToArray());
        FairnessMetric[] between = [.. MetricCatalog.All.Select(d => d.Metric!.Value)
            .Where(FairnessEvaluator.IsBetweenGroups)];
        var intervals = FairnessBootstrap.Compute(yTrue, yPred, three, ["a"], between, new BootstrapOptions
        {
            Seed = 1,
            Resamples = 400
        });
        foreach (var ci in intervals)
        {
            Assert.InRange(ci.Estimate, ci.Lower, ci.Upper);
            bool ratio = MetricCatalog.Get(ci.Metric).MetricConvention == MetricCatalog.BetweenGroupsRatioConvention;
            Assert.Equal(ratio ? 1 : 0, ratio ? ci.Upper : ci.Lower);
        }

        var two = GroupIndex.From(Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "min" : "maj").ToArray());
        var pairs = FairnessBootstrap.Compute(yTrue, yPred, two, ["min"],
            [FairnessMetric.EqualOpportunityDifferenceBetweenGroups, FairnessMetric.EqualOpportunityDifference,
                FairnessMetric.DemographicParityRatioBetweenGroups, FairnessMetric.DemographicParityRatio],
            new BootstrapOptions { Seed = 2, Resamples = 400 });
        for (int m = 0; m < 4; m += 2)
        {
            Assert.Equal(pairs[m + 1].Lower, pairs[m].Lower, 12);
            Assert.Equal(pairs[m + 1].Upper, pairs[m].Upper, 12);
        }

        var many = GroupIndex.From(Enumerable.Range(0, n).Select(i => (i % 1000).ToString()).ToArray());
        var e = Assert.Throws<UserInputException>(() => FairnessBootstrap.Compute(yTrue, yPred, many, ["0"],
            [FairnessMetric.DemographicParityDifferenceBetweenGroups],
            new BootstrapOptions { Resamples = 100 }));
        Assert.Equal("the bootstrap interval of DemographicParityDifferenceBetweenGroups over 1000 groups needs " +
            "499,500 pairwise parts x 100 resamples, " +
            "more than 16,777,216 values; use fewer resamples or fewer groups", e.Message);
    }
}
