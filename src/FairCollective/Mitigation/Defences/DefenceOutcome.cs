using FairCollective.Data;

namespace FairCollective.Mitigation.Defences;

/// <summary>The rows a defence flagged, what it does with them, and the training set the firm then fits on.</summary>
/// <param name="Flagged">One flag per training row.</param>
/// <param name="Action">Whether flagged rows are dropped or relabelled.</param>
public sealed record DefenceOutcome(bool[] Flagged, DefenceAction Action)
{
    /// <summary>No row flagged (the firm without a defence).</summary>
    public static DefenceOutcome Nothing(int rows) => new(new bool[rows], DefenceAction.Drop);

    /// <summary>How many rows were flagged.</summary>
    public int FlaggedCount => Flagged.Count(f => f);

    /// <summary>
    /// The firm's training set after the defence: the same rows with flagged labels flipped (relabel), or the
    /// unflagged rows in their order (drop). Unchanged inputs are returned as they are.
    /// </summary>
    public (DesignMatrix X, int[] Labels) TrainingSet(DesignMatrix x, int[] labels)
    {
        if (Flagged.Length != labels.Length) throw new
            ArgumentException($"{Flagged.Length} flags for {labels.Length} rows");
        if (FlaggedCount == 0) return (x, labels);
        if (Action == DefenceAction.Relabel)
        {
            var relabelled = (int[])labels.Clone();
            for (int i = 0; i < relabelled.Length; i++) if (Flagged[i]) relabelled[i] = 1 - relabelled[i];
            return (x, relabelled);
        }
        var keep = new List<int>(labels.Length);
        for (int i = 0; i < labels.Length; i++) if (!Flagged[i]) keep.Add(i);
        return (x.SelectRows(keep), keep.Select(i => labels[i]).ToArray());
    }
}
