using CsCheck;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Splitting;

namespace FairCollective.Tests.Data.Splitting;

[Trait(TestKind.Name, TestKind.Unit)]
public class StratifiedSplitterTests
{
    private static Dataset Make(int[] labels, string[] groups, string?[]? split = null) =>
        new("d", [FeatureColumn.Numeric("x", new double[labels.Length])], labels, new SensitiveAttribute("g", groups,
            ["m"]),
            Enumerable.Range(0, labels.Length).Select(i => $"r{i}").ToArray(), split);

    private static readonly Gen<(Dataset Data, SplitOptions Options)> Cases =
        from n in Gen.Int[4, 300]
        from labels in Gen.Int[0, 1].Array[n]
        from groupCount in Gen.Int[1, 3]
        from groups in Gen.Int[0, groupCount - 1].Array[n]
        from test in Gen.Double[0.05, 0.6]
        from validation in Gen.OneOf(Gen.Const(0.0), Gen.Double[0.0, 0.3])
        from seed in Gen.Int
        where Math.Ceiling(test * n) + Math.Ceiling(validation * n) < n
        select (Make(labels, groups.Select(g => g == 0 ? "m" : $"g{g}").ToArray()),
            new SplitOptions { Seed = seed, TestFraction = test, ValidationFraction = validation });

    [Fact]
    public void PartsAreSortedDisjointCoverEveryRowAndHaveExactSizes() =>
        Cases.Sample(c =>
        {
            var (data, o) = c;
            var s = StratifiedSplitter.Split(data, o);
            int n = data.RowCount;
            Assert.Equal((int)Math.Ceiling(o.TestFraction * n), s.Test.Length);
            Assert.Equal((int)Math.Ceiling(o.ValidationFraction * n), s.Validation.Length);
            Assert.Equal(Enumerable.Range(0, n), s.Train.Concat(s.Validation).Concat(s.Test).Order());
            foreach (var part in new[] { s.Train, s.Validation, s.Test })
                Assert.Equal(part.Order(), part);
        });

    [Fact]
    public void EveryStratumIsWithinOneRowOfItsProportionalShare() =>
        Cases.Sample(c =>
        {
            var (data, o) = c;
            var s = StratifiedSplitter.Split(data, o);
            var inTest = s.Test.ToHashSet();
            var inValidation = s.Validation.ToHashSet();
            foreach (var stratum in StratifiedSplitter.Strata(data))
            {
                double share = (double)stratum.Count / data.RowCount;
                AssertWithinOneRow(stratum.Count(inTest.Contains), share * s.Test.Length, "test");
                AssertWithinOneRow(stratum.Count(inValidation.Contains), share * s.Validation.Length, "validation");
            }
        });

    private static void AssertWithinOneRow(int actual, double target, string part) =>
        Assert.True(Math.Abs(actual - target) < 1, $"{part}: {actual} rows for a target of {target}");

    [Fact]
    public void SameSeedSameSplit() =>
        Cases.Sample(c => Assert.Equal(StratifiedSplitter.Split(c.Data, c.Options), StratifiedSplitter.Split(c.Data,
            c.Options), SplitComparer.Instance));

    [Fact]
    public void DifferentSeedsGiveDifferentSplits()
    {
        var rng = new Random(3);
        var data = Make(Enumerable.Range(0, 200).Select(_ => rng.Next(2)).ToArray(),
            Enumerable.Range(0, 200).Select(_ => rng.Next(3) == 0 ? "m" : "M").ToArray());
        var tests = Enumerable.Range(0, 10).Select(seed => StratifiedSplitter.Split(data,
            new SplitOptions { Seed = seed }).Test).ToArray();
        for (int a = 0; a < tests.Length; a++)
            for (int b = a + 1; b < tests.Length; b++)
                Assert.NotEqual(tests[a], tests[b]);
    }

    [Fact]
    public void AllocationMatchesScikitLearnsApproximateMode()
    {
        // _approximate_mode([4, 2], 3) = [2, 1]: one stratum of 4 label-0 rows and one of 2 label-1 rows, half to test.
        var data = Make([0, 0, 0, 0, 1, 1], ["m", "m", "m", "m", "m", "m"]);
        var s = StratifiedSplitter.Split(data, new SplitOptions { TestFraction = 0.5 });
        Assert.Equal(2, s.Test.Count(i => i < 4));
        Assert.Equal(1, s.Test.Count(i => i >= 4));
        // [5, 5] with 5 draws: the odd draw goes to either stratum, chosen by the seed, not always the first.
        var even = Make([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], Enumerable.Repeat("m", 10).ToArray());
        var firstCounts = Enumerable.Range(0, 40)
            .Select(seed => StratifiedSplitter.Split(even, new SplitOptions
            {
                Seed = seed,
                TestFraction = 0.5
            }).Test.Count(i => i < 5))
            .ToHashSet();
        Assert.Equal([2, 3], firstCounts.Order());
    }

    [Fact]
    public void PredefinedSplitIsHonoured()
    {
        var data = Make([0, 1, 0, 1, 0], ["m", "M", "m", "M", "m"], ["train", "TEST", "val", "train", "test"]);
        var s = StratifiedSplitter.Split(data, new SplitOptions { UsePredefined = true });
        Assert.Equal([0, 3], s.Train);
        Assert.Equal([2], s.Validation);
        Assert.Equal([1, 4], s.Test);

        var unknown = Make([0, 1], ["m", "M"], ["train", "holdout"]);
        Assert.Contains("row 1", Assert.Throws<UserInputException>(() => StratifiedSplitter.Split(unknown,
            new SplitOptions { UsePredefined = true })).Message);
        var none = Make([0, 1], ["m", "M"]);
        Assert.Contains("UsePredefined", Assert.Throws<UserInputException>(() => StratifiedSplitter.Split(none,
            new SplitOptions { UsePredefined = true })).Message);
    }

    [Theory]
    [InlineData(0.0, 0.0, "TestFraction")]
    [InlineData(1.0, 0.0, "TestFraction")]
    [InlineData(double.NaN, 0.0, "TestFraction")]
    [InlineData(0.3, -0.1, "ValidationFraction")]
    [InlineData(0.6, 0.5, "no training row")]
    public void BadFractionsAreUserErrors(double test, double validation, string expected)
    {
        var data = Make([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], Enumerable.Repeat("m", 10).ToArray());
        var e = Assert.Throws<UserInputException>(() => StratifiedSplitter.Split(data,
            new SplitOptions { TestFraction = test, ValidationFraction = validation }));
        Assert.Contains(expected, e.Message);
    }

    private sealed class SplitComparer : IEqualityComparer<DataSplit>
    {
        public static readonly SplitComparer Instance = new();
        public bool Equals(DataSplit? a, DataSplit? b) =>
            a!.Train.SequenceEqual(b!.Train) && a.Validation.SequenceEqual(b.Validation)
                && a.Test.SequenceEqual(b.Test);
        public int GetHashCode(DataSplit s) => s.Test.Length;
    }
}
