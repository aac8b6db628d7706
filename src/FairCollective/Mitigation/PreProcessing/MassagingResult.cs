namespace FairCollective.Mitigation.PreProcessing;

/// <summary>What <see cref="Massaging"/> did: the prescribed count, the rows it relabelled and the new
/// labels.</summary>
public sealed class MassagingResult
{
    internal MassagingResult(int prescribedRelabels, int requestedRelabels, int[] promoted, int[] demoted, int[] labels)
    {
        PrescribedRelabels = prescribedRelabels;
        RequestedRelabels = requestedRelabels;
        Promoted = promoted;
        Demoted = demoted;
        Labels = labels;
    }

    /// <summary>n = ceil((|s1|·|s0 ∧ y=1| − |s0|·|s1 ∧ y=1|) / N); zero or negative when nothing needs
    /// relabelling.</summary>
    public int PrescribedRelabels { get; }

    /// <summary>round(Fraction · n) for n &gt; 0, else 0: the relabels asked of each kind before the candidate
    /// cap.</summary>
    public int RequestedRelabels { get; }

    /// <summary>Rows of the minority moved from 0 to 1, ascending.</summary>
    public IReadOnlyList<int> Promoted { get; }

    /// <summary>Rows of the majority moved from 1 to 0, ascending.</summary>
    public IReadOnlyList<int> Demoted { get; }

    /// <summary>The labels after massaging (a new array).</summary>
    public int[] Labels { get; }
}
