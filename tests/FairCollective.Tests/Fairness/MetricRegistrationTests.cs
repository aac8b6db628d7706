using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// What <see cref="MetricCatalog.Register"/> refuses. Only refusals run here: a registered metric joins every later
/// evaluation of the process, so the registration itself is tested in its own processes (the sample plug-in's run in
/// <c>PluginCliTests</c> and the sample's own tests).
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricRegistrationTests
{
    [Theory]
    [InlineData("eqod", "metric 'eqod' is already registered")]
    [InlineData("FnrGap", "metric key 'FnrGap' must be lower-case letters, digits and '_'")]
    [InlineData("validation_fnr", "neither start with 'validation_'")]
    [InlineData("fnr_ci_low", "nor end with '_ci_low' or '_ci_high'")]
    [InlineData("", "metric key '' must be")]
    public void AKeyTakenOrMalformedIsRefused(string key, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => MetricCatalog.Register(
            MetricDefinition.ByGroup(key, "X", "x", MetricCatalog.SignedConvention,
                MetricRules.Signed(GroupRate.FalseNegativeRate))));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RegisteringABuiltInDefinitionAgainChangesNothing()
    {
        var eqOd = MetricCatalog.Get(FairnessMetric.EqOd);
        var before = MetricCatalog.All;
        Assert.Same(eqOd, MetricCatalog.Register(eqOd));
        Assert.Same(before, MetricCatalog.All);
    }

    [Fact]
    public void AnUnsignedGapNeedsItsSignedGapRegisteredFirst()
    {
        // |minority - majority| of the false-negative rate is bounded through the signed FNR gap, which no built-in
        // metric computes.
        var e = Assert.Throws<UserInputException>(() => MetricCatalog.Register(
            MetricDefinition.ByGroup("fnr_gap", "FnrGap", "|FNR gap|", MetricCatalog.UnsignedConvention,
                MetricRules.Unsigned(GroupRate.FalseNegativeRate), stored: true)));
        Assert.Equal("metric 'fnr_gap': its interval is bounded through a Signed metric of FalseNegativeRate " +
            "(MetricRules.Signed(GroupRate.FalseNegativeRate)), " +
                     "which no registered metric computes; register it first", e.Message);
        Assert.DoesNotContain(MetricCatalog.All, d => d.Key == "fnr_gap");
    }

    [Fact]
    public void AMetricWithoutARuleIsRefused() =>
        Assert.Contains("needs a rule", Assert.Throws<UserInputException>(() =>
            MetricCatalog.Register(new MetricDefinition("no_rule", "NoRule", "x", "y", null))).Message);

    [Fact]
    public void ADefinitionStatesItsIntervalAndRange()
    {
        var signed = MetricDefinition.ByGroup("a", "A", "a", MetricCatalog.SignedConvention,
            MetricRules.Signed(GroupRate.FalseNegativeRate), stored: true);
        Assert.True(signed.Interval);
        Assert.False(MetricDefinition.ByGroup("n", "N", "n", MetricCatalog.PerGroupConvention,
            MetricRules.Minority(GroupRate.Count), stored: true).Interval);
        Assert.Equal((-1, 1), MetricCatalog.Range(MetricKeys.TprGapSigned));
        Assert.Equal((0, double.PositiveInfinity), MetricCatalog.Range(MetricKeys.MinorityCount));
        Assert.Equal((0, 1), MetricCatalog.Range(MetricKeys.EqOd));
    }

    public static TheoryData<string> BuiltIn() => new(MetricCatalog.All.Select(d => d.Key));

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void EveryBuiltInMetricPassesTheShippedMetricChecks(string key) =>
        FairCollective.Testing.MetricChecks.Check(MetricCatalog.Find(key)!);

    [Fact]
    public void TheMetricChecksFailAnUnregisteredMetric() =>
        Assert.Contains("not registered", Assert.Throws<FairCollective.Testing.ContractException>(()
            => FairCollective.Testing.MetricChecks.Check(
            MetricDefinition.ByGroup("nowhere", "Nowhere", "x", MetricCatalog.SignedConvention,
                MetricRules.Signed(GroupRate.ErrorRate)))).Message);
}
