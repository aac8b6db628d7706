using CsCheck;
using FairCollective.Fairness;
using static FairCollective.Tests.Fairness.MetricsReference;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// fairlearn's own test idea: every named metric equals the generic per-group path, here both the product's
/// generic path (GroupConfusionResult.Difference/Ratio/Pooled) and an independent row-by-row LINQ computation.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class NamedMetricsTests
{
    private const double Tolerance = 1e-12;

    private static void AssertMatchesNaive(int[] yTrue, int[] yPred, string[] group, ISet<string> minority, string what)
    {
        var report = FairnessReport.Compute(yTrue, yPred, group, minority);
        var naive = NaiveMetrics.Compute(yTrue, yPred, group, minority);
        Assert.Equal(FairnessEvaluator.MetricCount, naive.Count);
        foreach (var (metric, expected) in naive)
            NumericAssert.Close(expected, report[metric], $"{what} {metric}", Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void EveryNamedMetricEqualsTheRowByRowDefinitionOnFixtureVectors(string name)
    {
        var c = Case(name);
        var group = Groups(c);
        var labels = group.Distinct().Order(StringComparer.Ordinal).ToArray();
        AssertMatchesNaive(YTrue(c), YPred(c), group, new HashSet<string> { labels[0] },
            $"{name} minority={labels[0]}");
        AssertMatchesNaive(YTrue(c), YPred(c), group, labels.Skip(1).ToHashSet(),
            $"{name} minority=all but {labels[0]}");
    }

    [Fact]
    public void EveryNamedMetricEqualsTheRowByRowDefinitionOnRandomData() =>
        RandomSample.Gen().Sample(s => AssertMatchesNaive(s.YTrue, s.YPred, s.Group, s.Minority, s.ToString()),
            iter: 300);

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(MetricsReference))]
    public void NamedMetricsEqualTheGenericPerGroupPath(string name)
    {
        var c = Case(name);
        foreach (var options in new[] { GroupConfusionOptions.Default, GroupConfusionOptions.FairlearnCompatible })
        {
            var report = FairnessReport.Compute(YTrue(c), YPred(c), Groups(c), [Groups(c).Min(StringComparer.Ordinal)!],
                options: options);
            var generic = report.Confusion;
            Assert.Equal(generic.Difference(GroupRate.SelectionRate), report.DemographicParityDifferenceBetweenGroups);
            Assert.Equal(generic.Ratio(GroupRate.SelectionRate), report.DemographicParityRatioBetweenGroups);
            Assert.Equal(generic.Difference(GroupRate.TruePositiveRate),
                report.EqualOpportunityDifferenceBetweenGroups);
            Assert.Equal(generic.Ratio(GroupRate.TruePositiveRate), report.EqualOpportunityRatioBetweenGroups);
            Assert.Equal(generic.Difference(GroupRate.ErrorRate), report.ErrorRateDifferenceBetweenGroups);
            Assert.Equal(generic.Overall.ErrorRate, report.ErrorRate);
            Assert.Equal(generic.Overall.Accuracy, report.Accuracy);
            Assert.Equal(generic.Overall.SelectionRate, report.SelectionRate);
            var minority = generic.Pooled(report.IsMinorityGroup.ToArray());
            Assert.Equal(minority, report.Minority);
            Assert.Equal(minority.TruePositiveRate - report.Majority.TruePositiveRate,
                report.EqualOpportunityDifferenceSigned);
            Assert.Equal(minority.SelectionRate - report.Majority.SelectionRate,
                report.DemographicParityDifferenceSigned);
        }
    }

    [Fact]
    public void AllocationFreeEvaluateEqualsTheReport() =>
        RandomSample.Gen().Sample(s =>
        {
            var report = FairnessReport.Compute(s.YTrue, s.YPred, s.Group, s.Minority);
            var index = GroupIndex.From(s.Group);
            var values = new double[FairnessEvaluator.MetricCount];
            FairnessEvaluator.Evaluate(s.YTrue, s.YPred, index.IndexOfRow, index.Membership(s.Minority), values);
            Assert.Equal(report.Values.ToArray(), values);
        }, iter: 200);

    [Fact]
    public void CatalogDescribesEveryMetricWithItsConvention()
    {
        Assert.Equal(Enumerable.Range(0, MetricCatalog.All.Count), MetricCatalog.All.Select(d => (int)d.Metric!.Value));
        // The enumeration names the first slots for C# callers; each name is the definition's at its slot.
        foreach (var metric in Enum.GetValues<FairnessMetric>()) Assert.Equal(metric.ToString(),
            MetricCatalog.Get(metric).Name);
        foreach (var d in MetricCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Definition));
            Assert.False(string.IsNullOrWhiteSpace(d.MetricConvention));
            Assert.Same(d, MetricCatalog.Get(d.Metric!.Value));
            if (d.Name.EndsWith("Signed")) Assert.Equal(MetricCatalog.SignedConvention, d.MetricConvention);
            Assert.Same(d, MetricCatalog.Find(d.Key));
            if (d.Name.Contains("BetweenGroups")) Assert.StartsWith("between groups", d.MetricConvention);
        }
        // The equalized-odds gaps combine two gaps, so their convention says so (it said "|minority - majority|", which
        // `metrics` printed beside EqOd as if it were one gap).
        foreach (var metric in new[] { FairnessMetric.EqOd, FairnessMetric.EqualizedOddsDifferenceWorstCase })
        {
            Assert.Equal(MetricCatalog.EqualizedOddsConvention, MetricCatalog.Get(metric).MetricConvention);
            Assert.DoesNotContain("|minority - majority|", MetricCatalog.Get(metric).MetricConvention);
            Assert.Contains(MetricCatalog.Get(metric).Key, MetricCatalog.Gaps);
        }
    }
}

/// <summary>The metric registry is the one source of keys and definitions for everything a cell stores.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricRegistryTests
{
    [Fact]
    public void KeysAreUniqueAndEveryStoredKeyIsDefined()
    {
        var all = MetricCatalog.All.Concat(MetricCatalog.Derived).ToArray();
        Assert.Equal(all.Length, all.Select(d => d.Key).Distinct().Count());
        Assert.All(all, d => Assert.Matches("^[a-z][a-z0-9_]*$", d.Key));
        // Every key a real cell stores (on test and validation, with its bootstrap interval) has a definition in the
        // registry.
        using (var dir = new FairCollective.Tests.Data.TempDirectory())
        {
            var spec = FairCollective.Experiments.Specs.SpecParser.Parse(
                "name: keys\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: " +
                    "[1]}\nseeds: [0]\nvalidation_fraction: 0.2\n", "keys.yaml");
            using var store = FairCollective.Experiments.Store.ResultsStore.Open(System.IO.Path.Combine(dir.Path,
                "keys.sqlite"));
            new FairCollective.Experiments.Running.ExperimentRunner(new
                FairCollective.Experiments.Running.RunnerOptions(),
                FairCollective.Experiments.Running.SilentProgress.Instance).Run(spec, store);
            var keys = store.Cells().SelectMany(c => c.Metrics.Keys).Distinct().ToArray();
            Assert.Contains(MetricKeys.OnValidation(MetricKeys.EqOd), keys);
            Assert.Contains(MetricKeys.EqOdLow, keys);
            Assert.All(keys, k => Assert.True(MetricCatalog.Find(k) is not null,
                $"stored key '{k}' has no definition"));
        }
        // The keys results stores already hold never change.
        Assert.Equal(["eqod", "error", "eq_odds_worst", "eq_opp", "dem_parity", "dem_parity_ratio", "tpr_gap_signed",
            "fpr_gap_signed",
                "selection_gap_signed", "error_gap_signed", "error_minority", "error_majority"],
            new[] { MetricKeys.EqOd, MetricKeys.Error, MetricKeys.EqualizedOddsWorst, MetricKeys.EqualOpportunity,
                MetricKeys.DemographicParity,
                MetricKeys.DemographicParityRatio, MetricKeys.TprGapSigned, MetricKeys.FprGapSigned,
                    MetricKeys.SelectionGapSigned,
                MetricKeys.ErrorGapSigned, MetricKeys.ErrorMinority, MetricKeys.ErrorMajority });
        Assert.StartsWith("1/2 (|TPR_minority - TPR_majority| + |FPR_minority - FPR_majority|)",
            MetricCatalog.Describe(MetricKeys.EqOd));
    }
}
