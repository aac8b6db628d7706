using CsCheck;

namespace FairCollective.Tests.Fairness;

/// <summary>Random labelled predictions with 1-4 group labels and a random minority set, for property tests.</summary>
internal sealed record RandomSample(int[] YTrue, int[] YPred, string[] Group, HashSet<string> Minority)
{
    public static Gen<RandomSample> Gen(int minGroups = 1, int maxGroups = 4) =>
        from groupCount in CsCheck.Gen.Int[minGroups, maxGroups]
        from n in CsCheck.Gen.Int[groupCount, 150]
        from yTrue in CsCheck.Gen.Int[0, 1].Array[n]
        from yPred in CsCheck.Gen.Int[0, 1].Array[n]
        from rest in CsCheck.Gen.Int[0, groupCount - 1].Array[n - groupCount]
        from minorityMask in CsCheck.Gen.Bool.Array[groupCount]
        select new RandomSample(yTrue, yPred,
            // The first groupCount rows name every group once, so exactly groupCount groups occur.
            Enumerable.Range(0, groupCount).Concat(rest).Select(g => "g" + g).ToArray(),
            Enumerable.Range(0, groupCount).Where(g => minorityMask[g]).Select(g => "g" + g).ToHashSet());

    public override string ToString() =>
        $"y=[{string.Join(",", YTrue)}] yhat=[{string.Join(",", YPred)}] a=[{string.Join(",", Group)}] " +
            $"minority={{{string.Join(",", Minority)}}}";
}
