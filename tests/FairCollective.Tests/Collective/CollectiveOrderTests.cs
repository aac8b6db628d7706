using CsCheck;
using FairCollective.Collective;

namespace FairCollective.Tests.Collective;

[Trait(TestKind.Name, TestKind.Unit)]
public class CollectiveOrderTests
{
    [Fact]
    public void CollectivesAreNestedAcrossAlpha() =>
        Gen.Select(Gen.Int[0, 500], Gen.Int[0, 1000], Gen.Double[0, 1], Gen.Double[0, 1]).Sample((n, seed, a1, a2) =>
        {
            var rows = Enumerable.Range(0, n).Select(i => 3 * i + 1).ToArray();
            var order = new CollectiveOrder(rows, seed);
            var small = order.Members(CollectiveSize.Share(Math.Min(a1, a2))).ToArray();
            var large = order.Members(CollectiveSize.Share(Math.Max(a1, a2))).ToArray();
            Assert.Equal(small, large.Take(small.Length));
            Assert.All(large, r => Assert.Contains(r, rows));
            Assert.Equal(large.Length, large.Distinct().Count());
        });

    [Fact]
    public void OrderDependsOnTheSetAndSeedNotTheListing()
    {
        var rows = Enumerable.Range(0, 100).ToArray();
        var a = new CollectiveOrder(rows, 5).Order;
        var b = new CollectiveOrder(rows.Reverse().ToArray(), 5).Order;
        Assert.Equal(a, b);
        Assert.NotEqual(a, new CollectiveOrder(rows, 6).Order);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.3, 30)]
    [InlineData(0.305, 31)] // 30.5 rounds half up
    [InlineData(1.0, 100)]
    public void ShareBecomesAMemberCount(double alpha, int expected) =>
        Assert.Equal(expected, CollectiveSize.Share(alpha).MemberCount(100));

    [Fact]
    public void SizesOutsideTheirRangeAreUserErrors()
    {
        Assert.Contains("[0, 1]", Assert.Throws<FairCollective.Common.UserInputException>(()
            => CollectiveSize.Share(1.2)).Message);
        Assert.Contains("larger than", Assert.Throws<FairCollective.Common.UserInputException>(()
            => CollectiveSize.Members(11).MemberCount(10)).Message);
    }

    [Fact]
    public void PoolIsTheMembersWithLabelZeroInCollectiveOrder()
    {
        int[] labels = [1, 0, 0, 1, 0, 1, 0];
        int[] members = [6, 3, 1, 0, 4];
        Assert.Equal([6, 1, 4], Pool.Of(members, labels));
    }
}
