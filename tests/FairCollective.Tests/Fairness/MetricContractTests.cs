using FairCollective.Data;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// The contract of every <see cref="FairnessMetric"/>, read from the enumeration and <see cref="MetricCatalog"/>
/// (no hand list): each is catalogd once, is finite on a non-degenerate case, is NaN only with a warning, and
/// behaves under swapping the two groups as its catalogd convention says. A metric whose convention has no
/// symmetry rule here fails until one is written down.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricContractTests
{
    // Majority: TPR 3/4, FPR 1/4, selection 1/2, error 1/4. Minority: TPR 2/3, FPR 2/3, selection 2/3, error 1/2. Every
    // rate of both groups lies strictly inside (0, 1).
    private static readonly int[] YTrue = [1, 1, 1, 0, 0, 0, 0, 1, /* minority */ 1, 1, 1, 0, 0, 0];
    private static readonly int[] YPred = [1, 1, 0, 0, 1, 0, 0, 1, /* minority */ 1, 1, 0, 1, 1, 0];
    private static readonly GroupMembership Groups = [false, false, false, false, false, false, false, false, true,
        true, true, true, true, true];

    /// <summary>Every by-group metric of the catalog, by its slot.</summary>
    public static TheoryData<FairnessMetric> Metrics() => new(MetricCatalog.All.Select(d => d.Metric!.Value));

    private static double[] Evaluate(GroupMembership groups)
    {
        var values = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(YTrue, YPred, groups, values);
        return values;
    }

    [Fact]
    public void TheCatalogListsEveryMetricOnceInSlotOrder()
    {
        Assert.Equal(MetricCatalog.All.Count, FairnessEvaluator.MetricCount);
        Assert.Equal(Enumerable.Range(0, MetricCatalog.All.Count), MetricCatalog.All.Select(d => (int)d.Metric!.Value));
        Assert.True(Enum.GetValues<FairnessMetric>().Length <= MetricCatalog.All.Count,
            "every FairnessMetric name needs the definition at its slot");
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void IsInTheCatalogWithItsNameDefinitionAndConvention(FairnessMetric metric)
    {
        var d = MetricCatalog.Get(metric);
        Assert.Equal(metric, d.Metric);
        if (Enum.IsDefined(metric)) Assert.Equal(metric.ToString(), d.Name);
        Assert.False(string.IsNullOrWhiteSpace(d.Definition));
        Assert.False(string.IsNullOrWhiteSpace(d.MetricConvention));
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void IsFiniteOnANonDegenerateCase(FairnessMetric metric)
    {
        double v = Evaluate(Groups)[(int)metric];
        Assert.True(double.IsFinite(v), $"{metric} = {v}");
    }

    /// <summary>
    /// Skipping the between-groups metrics (as a bootstrap bounding none of them does) leaves exactly those NaN and
    /// every other metric bit for bit as the full evaluation gives it; the enumeration's names say which they are.
    /// </summary>
    [Theory]
    [MemberData(nameof(Metrics))]
    public void SkippingTheBetweenGroupsMetricsChangesNoOther(FairnessMetric metric)
    {
        Assert.Equal(metric.ToString().Contains("BetweenGroups", StringComparison.Ordinal),
            FairnessEvaluator.IsBetweenGroups(metric));
        var perGroup = new ConfusionCounts[2];
        GroupConfusion.Accumulate(YTrue, YPred, Groups.Codes, perGroup);
        var full = new double[FairnessEvaluator.MetricCount];
        var skipped = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(perGroup, [false, true], UndefinedRate.NaN, full);
        FairnessEvaluator.Evaluate(perGroup, [false, true], UndefinedRate.NaN, skipped, betweenGroups: false);
        if (FairnessEvaluator.IsBetweenGroups(metric)) Assert.True(double.IsNaN(skipped[(int)metric]),
            $"{metric} = {skipped[(int)metric]}");
        else Assert.Equal(BitConverter.DoubleToInt64Bits(full[(int)metric]),
            BitConverter.DoubleToInt64Bits(skipped[(int)metric]));
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void IsNaNOnlyWithAWarning(FairnessMetric metric)
    {
        // The minority has no positive label, so its TPR is undefined.
        int[] y = [1, 1, 0, 0, 0, 0, 0];
        int[] p = [1, 0, 1, 0, 1, 0, 1];
        string[] group = ["maj", "maj", "maj", "maj", "min", "min", "min"];
        var report = FairnessReport.Compute(y, p, group, ["min"]);
        Assert.True(!double.IsNaN(report[metric]) || report.Warnings.Count > 0, $"{metric} is NaN without a warning");
        Assert.False(double.IsInfinity(report[metric]) && report.Warnings.Count == 0,
            $"{metric} is infinite without a warning");
    }

    [Theory]
    [MemberData(nameof(Metrics))]
    public void SwappingTheGroupsActsAsTheConventionSays(FairnessMetric metric)
    {
        var original = Evaluate(Groups);
        var swapped = Evaluate(Groups.Swapped());
        double a = original[(int)metric], b = swapped[(int)metric];
        string convention = MetricCatalog.Get(metric).MetricConvention;
        switch (convention)
        {
            case MetricCatalog.SignedConvention:
                Assert.Equal(-a, b);
                Assert.NotEqual(0.0, a); // the case is chosen so that the sign flip is visible
                break;
            case MetricCatalog.OverallConvention or MetricCatalog.UnsignedConvention or
                MetricCatalog.EqualizedOddsConvention or MetricCatalog.MinMaxRatioConvention
                or MetricCatalog.BetweenGroupsDifferenceConvention or MetricCatalog.BetweenGroupsRatioConvention:
                Assert.Equal(a, b, 1e-15);
                break;
            case MetricCatalog.MinorityRatioConvention:
                Assert.Equal(1 / a, b, 1e-12);
                break;
            case MetricCatalog.PerGroupConvention:
                // A per-group metric of one group becomes the same metric of the other: the per-group values trade
                // places.
                var perGroup = MetricCatalog.All.Where(d
                    => d.MetricConvention == MetricCatalog.PerGroupConvention).Select(d
                    => (int)d.Metric!.Value).ToArray();
                Assert.Contains(b, perGroup.Select(i => original[i]));
                Assert.Equal(perGroup.Select(i => original[i]).Order(), perGroup.Select(i => swapped[i]).Order());
                break;
            default:
                Assert.Fail($"{metric}: no symmetry rule for the convention '{convention}'; add one to this test");
                break;
        }
    }
}
