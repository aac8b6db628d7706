namespace FairCollective.Mitigation.Defences;

/// <summary>
/// How a defence's flags meet the truth a simulation knows: precision and recall against the collective's flips, and
/// the share of honest rows flagged in each group. Undefined values are NaN (precision with nothing flagged, recall
/// without flips), never 0.
/// </summary>
/// <param name="Flagged">Rows flagged.</param>
/// <param name="Precision">Flagged rows that are flips, over flagged rows.</param>
/// <param name="Recall">Flips flagged, over flips.</param>
/// <param name="FalseFlagsMinority">Honest minority rows (not flipped) flagged, over honest minority rows.</param>
/// <param name="FalseFlagsMajority">Majority rows flagged, over majority rows.</param>
public sealed record DefenceDetection(int Flagged, double Precision, double Recall, double FalseFlagsMinority,
    double FalseFlagsMajority)
{
    /// <summary>Counts the flags against the flips.</summary>
    /// <param name="flagged">The defence's flags, one per training row.</param>
    /// <param name="flipped">The collective's flips, one per training row.</param>
    /// <param name="minority">Minority membership, one per training row.</param>
    public static DefenceDetection Of(ReadOnlySpan<bool> flagged, ReadOnlySpan<bool> flipped,
        ReadOnlySpan<bool> minority)
    {
        if (flagged.Length != flipped.Length
            || flagged.Length != minority.Length) throw new
            ArgumentException("flags, flips and groups must have one entry per row");
        int f = 0, flips = 0, hit = 0, honestMinority = 0, falseMinority = 0, majority = 0, falseMajority = 0;
        for (int i = 0; i < flagged.Length; i++)
        {
            if (flagged[i]) f++;
            if (flipped[i]) { flips++; if (flagged[i]) hit++; }
            else if (minority[i]) { honestMinority++; if (flagged[i]) falseMinority++; }
            else { majority++; if (flagged[i]) falseMajority++; }
        }
        static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
        return new DefenceDetection(f, Ratio(hit, f), Ratio(hit, flips), Ratio(falseMinority, honestMinority),
            Ratio(falseMajority, majority));
    }
}
