namespace FairCollective.Planning;

/// <summary>
/// How large a collective must be to reach a target (the plan's metric at its fairest budget), from the size search
/// over shares of the minority.
/// </summary>
/// <param name="Target">The metric value to reach (for a ratio metric: at least this; otherwise at most).</param>
/// <param name="ReachableNow">Whether the current collective reaches it at the recommended budget (median
/// forecast).</param>
/// <param name="ReachProbabilityNow">Share of replicates in which the recommended budget reaches it.</param>
/// <param name="NeededShare">Share of the minority needed: median and interval over the search's replicates; an end is
/// +infinity where more than that share of replicates never reached the target on the grid.</param>
/// <param name="NeededUsers">Head count of <see cref="NeededShare"/>'s median (rounded up); null when not
/// reachable.</param>
/// <param name="ReachedReplicates">Share of the search's replicates that reached the target at some size on the
/// grid.</param>
/// <param name="Reachable">Whether the median replicate reaches it on the grid (false: "not reachable with this
/// strategy").</param>
public sealed record SizeForecast(double Target, bool ReachableNow, double ReachProbabilityNow,
    PredictiveInterval NeededShare, int? NeededUsers,
    double ReachedReplicates, bool Reachable);
