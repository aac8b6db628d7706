namespace FairCollective.Experiments.Specs;

/// <summary>
/// Which way an imported <c>random_priorities.csv</c> ranks: FairCollective's Random flips the highest priority first;
/// another implementation may flip the lowest first (an ascending sort of uniform draws). Lowest-first priorities are
/// negated on import, so Random flips the same rows in the same order, and the negated values are what the cell's
/// randomness hash covers.
/// </summary>
public enum PriorityOrder
{
    /// <summary>The highest priority flips first (FairCollective's own export).</summary>
    HighestFirst,

    /// <summary>The lowest priority flips first.</summary>
    LowestFirst,
}
