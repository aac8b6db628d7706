using CsCheck;
using FairCollective.Common;
using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>Invariants every metric must satisfy on any data.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class MetricPropertyTests
{
    private const int Iterations = 300;

    [Fact]
    public void MetricsAreInvariantToRowPermutation() =>
        Gen.Select(RandomSample.Gen(), Gen.Int).Sample((s, seed) =>
        {
            var p = Seeds.Permutation(s.YTrue.Length, new Random(seed));
            var original = FairnessReport.Compute(s.YTrue, s.YPred, s.Group, s.Minority);
            var permuted = FairnessReport.Compute(p.Select(i => s.YTrue[i]).ToArray(), p.Select(i
                => s.YPred[i]).ToArray(),
                p.Select(i => s.Group[i]).ToArray(), s.Minority);
            Assert.Equal(original.Values.ToArray(), permuted.Values.ToArray()); // integer counts: bit-identical
        }, iter: Iterations);

    [Fact]
    public void UnsignedIsAbsoluteSignedForTwoGroups() =>
        RandomSample.Gen(2, 2).Sample(s =>
        {
            var r = FairnessReport.Compute(s.YTrue, s.YPred, s.Group, ["g1"]);
            Assert.Equal(Math.Abs(r.DemographicParityDifferenceSigned), r.DemographicParityDifference);
            Assert.Equal(Math.Abs(r.EqualOpportunityDifferenceSigned), r.EqualOpportunityDifference);
            Assert.Equal(Math.Abs(r.FalsePositiveRateDifferenceSigned), r.FalsePositiveRateDifference);
            Assert.Equal(Math.Abs(r.ErrorRateDifferenceSigned), r.ErrorRateDifference);
            // With two groups, minority-vs-rest unsigned is fairlearn's max-minus-min.
            Assert.Equal(r.DemographicParityDifferenceBetweenGroups, r.DemographicParityDifference);
            Assert.Equal(r.EqualOpportunityDifferenceBetweenGroups, r.EqualOpportunityDifference);
            Assert.Equal(r.EqualizedOddsDifferenceBetweenGroupsWorstCase, r.EqualizedOddsDifferenceWorstCase);
            Assert.Equal(r.EqualizedOddsDifferenceBetweenGroupsMean, r.EqOd);
            Assert.Equal(r.DemographicParityRatioBetweenGroups, r.DemographicParityRatio);
        }, iter: Iterations);

    [Fact]
    public void EqOdLiesBetweenHalfTheWorstCaseAndTheWorstCase() =>
        RandomSample.Gen().Sample(s =>
        {
            var r = FairnessReport.Compute(s.YTrue, s.YPred, s.Group, s.Minority);
            Assert.Equal(double.IsNaN(r.EqOd), double.IsNaN(r.EqualizedOddsDifferenceWorstCase));
            if (double.IsNaN(r.EqOd)) return;
            Assert.True(r.EqOd <= r.EqualizedOddsDifferenceWorstCase);
            Assert.True(r.EqOd >= r.EqualizedOddsDifferenceWorstCase / 2);
        }, iter: Iterations);

    [Fact]
    public void RatesDifferencesAndRatiosLieInTheUnitInterval() =>
        Gen.Select(RandomSample.Gen(), Gen.Bool).Sample((s, compat) =>
        {
            var options = compat ? GroupConfusionOptions.FairlearnCompatible : GroupConfusionOptions.Default;
            var r = FairnessReport.Compute(s.YTrue, s.YPred, s.Group, s.Minority, options: options);
            foreach (var d in MetricCatalog.All)
            {
                double v = r[d.Metric!.Value];
                var (low, high) = MetricCatalog.Range(d.Key)!.Value;
                Assert.True(double.IsNaN(v) || (v >= low && v <= high), $"{d.Name} = {v} outside [{low}, {high}]");
                if (d.Rule!.Value.IsCount) Assert.True(v <= s.YTrue.Length && v == Math.Floor(v),
                    $"{d.Name} = {v}"); // a row count of an unweighted sample
            }
        }, iter: Iterations);

    [Fact]
    public void IntegerWeightsEqualRepeatedRows() =>
        Gen.Select(RandomSample.Gen(), Gen.Int[0, 3].Array[150]).Sample((s, w) =>
        {
            var weights = w.Take(s.YTrue.Length).Select(x => (double)x).ToArray();
            var rows = Enumerable.Range(0, s.YTrue.Length).SelectMany(i => Enumerable.Repeat(i, w[i])).ToArray();
            var weighted = FairnessReport.Compute(s.YTrue, s.YPred, s.Group, s.Minority, weights);
            var repeated = GroupConfusion.Compute(rows.Select(i => s.YTrue[i]).ToArray(), rows.Select(i
                => s.YPred[i]).ToArray(),
                RepeatedRowsIndex(s.Group, rows));
            var expected = new double[FairnessEvaluator.MetricCount];
            FairnessEvaluator.Evaluate(repeated.PerGroupCounts, weighted.IsMinorityGroup.ToArray(), UndefinedRate.NaN,
                expected);
            Assert.Equal(expected, weighted.Values.ToArray()); // integer-valued weights sum exactly
        }, iter: Iterations);

    /// <summary>Group index of the repeated rows that keeps every original group, even one whose rows all have weight
    /// 0.</summary>
    private static GroupIndex RepeatedRowsIndex(string[] group, int[] rows)
    {
        var full = GroupIndex.From(group);
        return new GroupIndex(rows.Select(i => full.IndexOfRow[i]).ToArray(), full.Names);
    }
}
