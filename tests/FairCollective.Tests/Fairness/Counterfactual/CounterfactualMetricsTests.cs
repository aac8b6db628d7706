using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Synthetic;
using FairCollective.Fairness.Counterfactual;
using MathNet.Numerics.Distributions;

namespace FairCollective.Tests.Fairness.Counterfactual;

[Trait(TestKind.Name, TestKind.Unit)]
public class CounterfactualMetricsTests
{
    [Fact]
    public void HandCheckedRatesIgnoreMajorityRows()
    {
        int[] onX = [1, 0, 0, 1, 1, 0];
        int[] onG = [1, 1, 0, 0, 0, 1];
        int[] cfLabel = [1, 1, 1, 1, 0, 0];
        GroupMembership minority = [true, true, true, true, false, false];
        // Minority rows 0-3: h(x) = h(g(x)) at rows 0 and 2; h(x) = cf label at rows 0 and 3.
        var r = CounterfactualMetrics.Evaluate(onX, onG, cfLabel, minority);
        Assert.Equal(new CounterfactualReport(0.5, 0.5, 4), r);
        Assert.Equal(0.5, CounterfactualMetrics.Success(onX, onG, minority));
        Assert.Equal(1.0, CounterfactualMetrics.Success(onX, onX, minority));
    }

    [Fact]
    public void BadInputsAreUserErrors()
    {
        Assert.Throws<UserInputException>(() => CounterfactualMetrics.Success([1, 0], [1], [true, true]));
        Assert.Throws<UserInputException>(() => CounterfactualMetrics.Success([1, 0], [1, 0], [false, false]));
        Assert.Throws<UserInputException>(() => CounterfactualMetrics.CounterfactualFairnessRate([2], [1], [true]));
    }

    /// <summary>
    /// On the synthetic model the two Bayes classifiers give closed-form answers. The majority world's Bayes rule
    /// applied to g(x) is counterfactually fair: S = 1 and it always returns the counterfactual label. The observed
    /// world's group-aware Bayes rule h(x) = 1[w.U + b_a &gt;= 0] disagrees with h(g(x)) = 1[w.U + b_0 &gt;= 0] exactly
    /// when -b_0 &lt;= w.U &lt; -b_1, so S = 1 - (Phi(-b_1/|w|) - Phi(-b_0/|w|)), and there h(g(x)) is the
    /// counterfactual label.
    /// </summary>
    [Fact]
    public void BayesClassifiersOnTheCausalModelGiveTheClosedFormSuccess()
    {
        const int n = 100_000;
        var s = SyntheticGenerator.Generate(new SyntheticOptions
        {
            RowCount = n, Seed = 9, BiasGap = 2,
            WeightNorm = 2.5
        });
        var m = s.Model;
        int d = s.Dimension;
        var minority = s.Data.Sensitive.Membership;
        var onX = new int[n];
        var onG = new int[n];
        var fair = new int[n];
        for (int i = 0; i < n; i++)
        {
            onX[i] = m.PositiveProbability(s.Latent.AsSpan(i * d, d), minority[i]) >= 0.5 ? 1 : 0;
            onG[i] = m.MajorityPositiveProbability(s.CounterfactualFeatures.AsSpan(i * d, d)) >= 0.5 ? 1 : 0;
            fair[i] = onG[i];
        }

        var fairReport = CounterfactualMetrics.Evaluate(fair, onG, s.CounterfactualLabel, minority);
        Assert.Equal(1.0, fairReport.Success);
        Assert.Equal(1.0, fairReport.CounterfactualFairnessRate);

        var report = CounterfactualMetrics.Evaluate(onX, onG, s.CounterfactualLabel, minority);
        Assert.Equal(report.Success, report.CounterfactualFairnessRate);
        double norm = Math.Sqrt(m.Weights.Sum(w => w * w));
        double expected = 1 - (Normal.CDF(0, 1, -m.MinorityIntercept / norm) - Normal.CDF(0, 1,
            -m.MajorityIntercept / norm));
        // Four binomial standard errors over the minority rows (fixed seed).
        double se = Math.Sqrt(expected * (1 - expected) / report.MinorityRows);
        Assert.True(Math.Abs(report.Success - expected) <= 4 * se,
            $"S = {report.Success}, expected {expected} +/- {4 * se}");
        Assert.True(report.Success < 0.9, "a bias gap of 2 makes the observed-world Bayes rule visibly unfair");
    }
}
