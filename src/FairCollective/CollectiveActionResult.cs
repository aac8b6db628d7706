using FairCollective.Fairness;

namespace FairCollective;

/// <summary>
/// What one collective action did, in training-row numbers: who the members are, who could relabel (the pool: members
/// with y = 0), how the strategy scored and ranked them, who flipped, and the labels the firm then trains on. When
/// test data were given, the firm's metrics before and after (the unchanged training procedure refitted on the
/// relabelled labels).
/// </summary>
public sealed record CollectiveActionResult
{
    /// <summary>Training rows of the collective's members (minority rows, in the seeded collective order).</summary>
    public required int[] Members { get; init; }

    /// <summary>Training rows of the pool: members whose label is 0.</summary>
    public required int[] Pool { get; init; }

    /// <summary>The strategy's score per pool member (aligned with <see cref="Pool"/>); higher relabels
    /// first.</summary>
    public required double[] Scores { get; init; }

    /// <summary>How the scores were made: "as specified", or the documented fallback under limited
    /// information.</summary>
    public required string ScoringRule { get; init; }

    /// <summary>Indices into <see cref="Pool"/>, best first (ties ordered by the tie rule).</summary>
    public required int[] Ranking { get; init; }

    /// <summary>Training rows that relabelled 0 -> 1 (the first M of the ranking).</summary>
    public required int[] Flipped { get; init; }

    /// <summary>The training labels after the action: the original labels with <see cref="Flipped"/> set to
    /// 1.</summary>
    public required int[] RelabelledLabels { get; init; }

    /// <summary>With a defence and test data: what the defence flagged of the relabelled labels, against the flips;
    /// null otherwise.</summary>
    public Mitigation.Defences.DefenceDetection? Detection { get; init; }

    /// <summary>The firm's metrics on the test rows when it trains on the original labels (after its defence, if any);
    /// null without test data.</summary>
    public FairnessReport? Before { get; init; }

    /// <summary>The firm's metrics on the test rows when it trains on <see cref="RelabelledLabels"/> (after its
    /// defence, if any); null without test data.</summary>
    public FairnessReport? After { get; init; }
}
