using CsCheck;
using FairCollective.Collective;

namespace FairCollective.Tests.Collective;

[Trait(TestKind.Name, TestKind.Unit)]
public class RankingTests
{
    [Fact]
    public void HigherScoresComeFirstAndRowIndexBreaksTies()
    {
        double[] scores = [0.2, 0.9, 0.5, 0.9, 0.2];
        int[] pool = [40, 30, 20, 10, 0];
        // Scores 0.9 at positions 1 (row 30) and 3 (row 10): row 10 first under the row-index rule.
        Assert.Equal([3, 1, 2, 4, 0], Ranking.Rank(scores, pool, TieRule.RowIndex, seed: 0));
    }

    [Fact]
    public void SeededRandomTiesAreAPermutationOrderedByScore() =>
        Gen.Select(Gen.Int[0, 4].Array[0, 200], Gen.Int).Sample((ints, seed) =>
        {
            var scores = ints.Select(i => (double)i).ToArray();
            var pool = Enumerable.Range(0, scores.Length).ToArray();
            var rank = Ranking.Rank(scores, pool, TieRule.SeededRandom, seed);
            Assert.Equal(pool, rank.Order());
            for (int j = 1; j < rank.Length; j++) Assert.True(scores[rank[j - 1]] >= scores[rank[j]]);
            Assert.Equal(rank, Ranking.Rank(scores, pool, TieRule.SeededRandom, seed));
        });

    [Fact]
    public void SeededRandomTiesAreNotInputOrder()
    {
        var scores = new double[50];
        var pool = Enumerable.Range(0, 50).ToArray();
        Assert.NotEqual(pool, Ranking.Rank(scores, pool, TieRule.SeededRandom, seed: 1));
    }

    [Theory]
    [InlineData(0.0, 40, 0)]
    [InlineData(0.25, 40, 10)]
    [InlineData(1.0, 40, 40)]
    [InlineData(0.5, 7, 4)] // 3.5 rounds half up
    public void BudgetShareOfPool(double share, int pool, int expected) => Assert.Equal(expected,
        FlipBudget.ShareOfPool(share).FlipCount(pool));

    [Fact]
    public void BudgetCountIsCappedByThePool() => Assert.Equal(5, FlipBudget.Flips(9).FlipCount(5));

    [Fact]
    public void RelabellingFlipsExactlyTheTopMPoolMembersZeroToOne()
    {
        int[] y = [0, 1, 0, 0, 1, 0];
        int[] pool = [5, 0, 3];
        int[] ranking = [2, 0, 1]; // row 3, then row 5, then row 0
        var flipped = Relabelling.Apply(y, pool, ranking, 2);
        Assert.Equal([0, 1, 0, 1, 1, 1], flipped);
        Assert.Equal([0, 1, 0, 0, 1, 0], y); // input untouched
    }

    [Fact]
    public void TiedAtCutCountsTheChosenMembersThatTieWithTheFirstLeftOut()
    {
        // Scores ranked: 5, 3, 3, 3, 1. A cut after 2 takes one of the three 3s by the tie rule; after 4 none is left
        // out at 3.
        double[] scores = [3, 5, 1, 3, 3];
        var ranking = Ranking.Rank(scores, [0, 1, 2, 3, 4], TieRule.RowIndex, seed: 0);
        Assert.Equal([1, 0, 3, 4, 2], ranking);
        Assert.Equal(0, Ranking.TiedAtCut(scores, ranking, 1));
        Assert.Equal(1, Ranking.TiedAtCut(scores, ranking, 2));
        Assert.Equal(2, Ranking.TiedAtCut(scores, ranking, 3));
        Assert.Equal(0, Ranking.TiedAtCut(scores, ranking, 4));
        Assert.Equal(0, Ranking.TiedAtCut(scores, ranking, 5)); // the whole pool: nothing decided by ties
        Assert.Equal(0, Ranking.TiedAtCut(scores, ranking, 0));
    }
}
