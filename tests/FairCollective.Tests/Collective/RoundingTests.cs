using FairCollective.Collective;

namespace FairCollective.Tests.Collective;

/// <summary>Shares become counts half up (the default) or half to even (NumPy's and Python's round), for collective
/// sizes and budgets alike; both are monotone, so nested collectives stay nested.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class RoundingTests
{
    [Theory]
    [InlineData(0.25, 10, 3, 2)] // 2.5: up to 3, to even 2
    [InlineData(0.35, 10, 4, 4)] // 3.5: both 4
    [InlineData(0.5, 41, 21, 20)] // 20.5
    [InlineData(0.75, 34, 26, 26)] // 25.5: both 26
    [InlineData(0.26, 10, 3, 3)] // 2.6: no tie
    [InlineData(0, 10, 0, 0)]
    [InlineData(1, 41, 41, 41)]
    public void ATieIsRoundedUpOrToEven(double share, int of, int halfUp, int halfEven)
    {
        Assert.Equal(halfUp, Rounding.HalfUp.Count(share, of));
        Assert.Equal(halfEven, Rounding.HalfEven.Count(share, of));
        Assert.Equal(halfUp, CollectiveSize.Share(share).MemberCount(of));
        Assert.Equal(halfEven, (CollectiveSize.Share(share) with { Rounding = Rounding.HalfEven }).MemberCount(of));
        Assert.Equal(halfUp, FlipBudget.ShareOfPool(share).FlipCount(of));
        Assert.Equal(halfEven, (FlipBudget.ShareOfPool(share) with { Rounding = Rounding.HalfEven }).FlipCount(of));
    }

    [Fact]
    public void ACountIsExactWhateverTheRounding()
    {
        Assert.Equal(7, (CollectiveSize.Members(7) with { Rounding = Rounding.HalfEven }).MemberCount(41));
        Assert.Equal(3, (FlipBudget.Flips(3) with { Rounding = Rounding.HalfEven }).FlipCount(34));
    }

    [Fact]
    public void BothAreMonotoneAndAtMostHalfARowApart()
    {
        foreach (int of in new[] { 1, 2, 7, 41, 100, 1001 })
            foreach (var rounding in new[] { Rounding.HalfUp, Rounding.HalfEven })
            {
                int previous = 0;
                for (int i = 0; i <= 1000; i++)
                {
                    double share = i / 1000.0;
                    int count = rounding.Count(share, of);
                    Assert.True(count >= previous, $"{rounding} of {of}: {share} gives {count} < {previous}");
                    Assert.True(Math.Abs(count - share * of) <= 0.5, $"{rounding} of {of}: {share} gives {count}");
                    previous = count;
                }
            }
    }

    [Fact]
    public void TheSpecNamesRoundTrip()
    {
        foreach (var rounding in Enum.GetValues<Rounding>())
            Assert.Equal(rounding, RoundingRules.FromSpecName(rounding.SpecName()));
        Assert.Null(RoundingRules.FromSpecName("bankers"));
    }
}
