using FairCollective.Common;

namespace FairCollective.Tests.Common;

[Trait(TestKind.Name, TestKind.Unit)]
public class SeedsTests
{
    [Fact]
    public void DerivedSeedsAreStableAndPurposeSpecific()
    {
        Assert.Equal(Seeds.Derive(7, "split"), Seeds.Derive(7, "split"));
        Assert.NotEqual(Seeds.Derive(7, "split"), Seeds.Derive(7, "collective"));
        Assert.NotEqual(Seeds.Derive(7, "split"), Seeds.Derive(8, "split"));
        Assert.NotEqual(Seeds.Derive(7, "split", 0), Seeds.Derive(7, "split", 1));
    }

    [Fact]
    public void PermutationIsAPermutation()
    {
        var p = Seeds.Permutation(1000, Seeds.Create(1, "p"));
        Assert.Equal(Enumerable.Range(0, 1000), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), p);
    }
}
