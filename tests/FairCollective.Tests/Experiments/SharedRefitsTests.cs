using FairCollective.Experiments.Running;

namespace FairCollective.Tests.Experiments;

[Trait(TestKind.Name, TestKind.Unit)]
public class SharedRefitsTests
{
    private static Func<IReadOnlyDictionary<string, double>> Counting(Action counted, double value) => () =>
    {
        counted();
        return new Dictionary<string, double> { ["eqod"] = value };
    };

    /// <summary>The same flipped rows of the same firm, in any order, are fitted once and every asker gets that one
    /// result.</summary>
    [Fact]
    public void TheSameRowsOfTheSameFirmAreFittedOnce()
    {
        var refits = new SharedRefits();
        int fits = 0;
        var first = refits.GetOrFit("compas", 0, "logistic", [5, 1, 9], Counting(() => fits++, 0.1));
        var again = refits.GetOrFit("compas", 0, "logistic", [9, 5, 1], Counting(() => fits++, 0.2));
        Assert.Equal(1, fits);
        Assert.Same(first, again);
        Assert.Equal(0.1, again["eqod"]);
        Assert.Equal(1, refits.Distinct);
    }

    /// <summary>Past the bound, new rows are fitted every time they are asked for (memory stays bounded); kept ones are
    /// still shared.</summary>
    [Fact]
    public void PastItsBoundItFitsWithoutKeeping()
    {
        var refits = new SharedRefits();
        int fits = 0;
        for (int i = 0; i < SharedRefits.MaxShared; i++) refits.GetOrFit("compas", 0, "logistic", [i], Counting(()
            => fits++, i));
        Assert.Equal(SharedRefits.MaxShared, fits);
        Assert.Equal(7.0, refits.GetOrFit("compas", 0, "logistic", [7], Counting(() => fits++, -1))["eqod"]);
        Assert.Equal(SharedRefits.MaxShared, fits);
        refits.GetOrFit("compas", 0, "logistic", [-1], Counting(() => fits++, 0.5));
        refits.GetOrFit("compas", 0, "logistic", [-1], Counting(() => fits++, 0.5));
        Assert.Equal(SharedRefits.MaxShared + 2, fits);
        Assert.Equal(SharedRefits.MaxShared, refits.Distinct);
    }

    /// <summary>Other rows, or the same rows of another firm (dataset, seed or learner), are fitted on their
    /// own.</summary>
    [Fact]
    public void OtherRowsOrAnotherFirmAreFittedApart()
    {
        var refits = new SharedRefits();
        int fits = 0;
        refits.GetOrFit("compas", 0, "logistic", [1, 5], Counting(() => fits++, 0.1));
        Assert.Equal(0.2, refits.GetOrFit("compas", 0, "logistic", [1, 5, 9], Counting(() => fits++, 0.2))["eqod"]);
        Assert.Equal(0.3, refits.GetOrFit("compas", 1, "logistic", [1, 5], Counting(() => fits++, 0.3))["eqod"]);
        Assert.Equal(0.4, refits.GetOrFit("adult", 0, "logistic", [1, 5], Counting(() => fits++, 0.4))["eqod"]);
        Assert.Equal(0.5, refits.GetOrFit("compas", 0, "gbdt", [1, 5], Counting(() => fits++, 0.5))["eqod"]);
        Assert.Equal(5, fits);
        Assert.Equal(5, refits.Distinct);
    }
}
