using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data;
using FairCollective.Learning.Catalog;

namespace FairCollective.Tests.Collective;

/// <summary>
/// The contract of every strategy in <see cref="StrategyCatalog.Names"/>, built as a spec builds it (no hand list):
/// one finite score per pool member, deterministic for a seed, and blind to every training row that is neither in the
/// pool nor a known majority row. The context carries a synthetic P0 so the Oracle can score too.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class StrategyContractTests
{
    private const int Seed = 5;

    // 2-D features. Rows 0-7: known majority (labels 0,0,0,0,1,1,1,1); rows 8-12: the pool (y = 0);
    // rows 13-15: training rows the collective must not see (other minority rows).
    private static readonly double[] X =
    [
        0, 0, 1, 0, 0, 1, 1, 1, 2, 2, 3, 2, 2, 3, 3, 3,
        0.5, 0.2, 1.5, 1.8, 2.8, 2.9, 0.1, 1.0, 2.2, 0.4,
        9, 9, -4, 7, 5, -6,
    ];
    private static readonly int[] Y = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1];
    private static readonly int[] Pool = [8, 9, 10, 11, 12];
    private static readonly int[] Known = [0, 1, 2, 3, 4, 5, 6, 7];
    private static readonly int[] Hidden = [13, 14, 15];

    /// <summary>P0(y = 1 | g(x)) per training row, as the synthetic generator provides it.</summary>
    private static readonly double[] P0 = [0.1, 0.2, 0.2, 0.3, 0.7, 0.8, 0.8, 0.9, 0.3, 0.5, 0.9, 0.05, 0.6, 0.5, 0.5, 0.5];

    private static StrategyContext Context(double[] x, int[] y, double[] p0) =>
        new(new DesignMatrix(Y.Length, 2, x), y, Pool, Known, Seed, p0);

    private static ICollectiveStrategy Create(string name) =>
        StrategyCatalog.Create(name, new StrategySettings { K = 3 }, learner => LearnerCatalog.Create(learner, new LearnerSettings(), Seed));

    /// <summary>Every strategy name of the catalog.</summary>
    public static TheoryData<string> Names() => new(StrategyCatalog.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void WhatItDeclaresItNeedsIsWhatItUses(string name)
    {
        var entry = StrategyCatalog.Get(name);
        // k: a strategy that declares k nearest rows ranks differently with another k; one that does not, the same.
        double[] Scores(int k) => StrategyCatalog.Create(name, new StrategySettings { K = k },
            learner => LearnerCatalog.Create(learner, new LearnerSettings(), Seed)).Score(Context(X, Y, P0)).Values.ToArray();
        bool usesK = entry.Needs.HasFlag(StrategyNeeds.KNearestMajorityRows) || entry.Needs.HasFlag(StrategyNeeds.KNearestPositiveMajorityRows);
        Assert.Equal(usesK, !Scores(1).SequenceEqual(Scores(4)));
        // The causal model: only a strategy that declares it reads P0.
        var otherP0 = P0.Select(p => 1 - p).ToArray();
        bool readsP0 = !Create(name).Score(Context(X, Y, P0)).Values.ToArray().SequenceEqual(Create(name).Score(Context(X, Y, otherP0)).Values.ToArray());
        Assert.Equal(entry.Needs.HasFlag(StrategyNeeds.CausalModel), readsP0);
        Assert.Equal(!readsP0, entry.UsableByARealCollective);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ScoresEveryPoolMemberWithAFiniteNumber(string name)
    {
        var strategy = Create(name);
        Assert.Equal(name, strategy.Name);
        var scores = strategy.Score(Context(X, Y, P0));
        Assert.Equal(Pool.Length, scores.Values.Length);
        Assert.All(scores.Values, v => Assert.True(double.IsFinite(v), $"{name}: score {v}"));
        Assert.False(string.IsNullOrWhiteSpace(scores.Rule));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void IsDeterministicForASeed(string name)
    {
        var a = Create(name).Score(Context(X, Y, P0));
        var b = Create(name).Score(Context(X, Y, P0));
        Assert.Equal(a.Rule, b.Rule);
        Assert.Equal(a.Values, b.Values); // bit for bit
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadsOnlyThePoolAndTheKnownMajority(string name)
    {
        var x = (double[])X.Clone();
        var y = (int[])Y.Clone();
        var p0 = (double[])P0.Clone();
        foreach (int row in Hidden)
        {
            x[2 * row] = -x[2 * row] + 1;
            x[2 * row + 1] *= 3;
            y[row] = 1 - y[row];
            p0[row] = 1 - p0[row];
        }
        Assert.Equal(Create(name).Score(Context(X, Y, P0)).Values, Create(name).Score(Context(x, y, p0)).Values);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void IsKnownInAnyCase(string name)
    {
        Assert.True(StrategyCatalog.IsKnown(name.ToLowerInvariant()));
        Assert.Equal(name, StrategyCatalog.Canonical(name.ToUpperInvariant()));
    }

    [Fact]
    public void NamesAreUniqueIgnoringCase() =>
        Assert.Equal(StrategyCatalog.Names.Count, StrategyCatalog.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
}
