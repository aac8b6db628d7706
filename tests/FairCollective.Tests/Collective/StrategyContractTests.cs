using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Testing;

namespace FairCollective.Tests.Collective;

/// <summary>
/// Every registered strategy passes the contract checks FairCollective.Testing ships (the same a plug-in's tests call),
/// and each check fails on a strategy that breaks it: a check that cannot fail would pass a broken plug-in.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class StrategyContractTests
{
    /// <summary>Every strategy name of the catalog.</summary>
    public static TheoryData<string> Names() => new(StrategyCatalog.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void PassesTheShippedContractChecks(string name) => StrategyChecks.Check(StrategyCatalog.Get(name));

    [Theory]
    [MemberData(nameof(Names))]
    public void IsKnownInAnyCase(string name)
    {
        Assert.True(StrategyCatalog.IsKnown(name.ToLowerInvariant()));
        Assert.Equal(name, StrategyCatalog.Canonical(name.ToUpperInvariant()));
    }

    [Fact]
    public void NamesAreUniqueIgnoringCase() =>
        Assert.Equal(StrategyCatalog.Names.Count,
            StrategyCatalog.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Fact]
    public void ARealCollectiveCanUseWhatNeedsNoCausalModel() =>
        Assert.Equal(StrategyCatalog.Entries.Where(e => e.Name != StrategyCatalog.Oracle).Select(e => e.Name),
            StrategyCatalog.Entries.Where(e => e.UsableByARealCollective).Select(e => e.Name));

    /// <summary>A strategy broken in one way: each case names the check that must catch it.</summary>
    private sealed class Broken(string how) : ICollectiveStrategy
    {
        private static int _calls;

        public string Name => "Broken-" + how;

        public PoolScores Score(StrategyContext c)
        {
            var scores = c.Pool.Select(r => c.TrainFeatures[r, 0]).ToArray();
            return how switch
            {
                "short" => PoolScores.Specified(scores[1..]),
                "nan" => PoolScores.Specified(scores.Select((s, i) => i == 2 ? double.NaN : s).ToArray()),
                "random" => PoolScores.Specified(scores.Select(s => s + Interlocked.Increment(ref _calls)).ToArray()),
                // Reads the labels of every training row, not only the pool's and the known majority's.
                "peeks" => PoolScores.Specified(scores.Select(s => s + c.TrainLabels.Sum()).ToArray()),
                "p0" => PoolScores.Specified(c.Pool.Select(r => c.OracleP0AtCounterfactual![r]).ToArray()),
                _ => PoolScores.Specified(scores),
            };
        }
    }

    [Theory]
    [InlineData("short", "one score per pool member")]
    [InlineData("nan", "finite scores")]
    [InlineData("random", "deterministic for a seed")]
    [InlineData("peeks", "reads only the pool and the known majority")]
    [InlineData("p0", "declared needs")]
    [InlineData("declares-k", "declared needs")]
    public void EachCheckFailsOnAStrategyThatBreaksIt(string how, string check)
    {
        var needs = how == "declares-k" ? StrategyNeeds.KNearestMajorityRows : StrategyNeeds.None;
        var entry = new StrategyEntry("Broken-" + how, "a strategy broken on purpose", needs, _ => new Broken(how));
        var e = Assert.Throws<ContractException>(() => StrategyChecks.Check(entry));
        Assert.Contains(check, e.Message);
    }
}
