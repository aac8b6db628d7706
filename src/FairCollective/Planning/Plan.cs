namespace FairCollective.Planning;

/// <summary>
/// The planner's answer: which strategy and budget, who flips in which order, and the predicted firm with predictive
/// intervals at every budget, from only what the collective knows (<see cref="Planner"/>; docs/planner.md).
/// </summary>
public sealed record Plan
{
    /// <summary>The firm's population the plan assumes.</summary>
    public required Population Population { get; init; }

    /// <summary>Members in the collective.</summary>
    public required int Members { get; init; }

    /// <summary>Members with the unfavourable label (those who can flip).</summary>
    public required int PoolSize { get; init; }

    /// <summary>Rows of the majority sample (0: the fallback majority was used).</summary>
    public required int MajoritySampleRows { get; init; }

    /// <summary>The metric key forecast.</summary>
    public required string Metric { get; init; }

    /// <summary>The metric's display name.</summary>
    public required string MetricName { get; init; }

    /// <summary>Whether lower values of the metric are fairer (gaps) or higher ones (ratios).</summary>
    public required bool LowerIsFairer { get; init; }

    /// <summary>Level of every interval.</summary>
    public required double Level { get; init; }

    /// <summary>Replicates of the forecast.</summary>
    public required int Replicates { get; init; }

    /// <summary>The firm's assumed learner.</summary>
    public required string Learner { get; init; }

    /// <summary>Every strategy's forecast, in the order asked.</summary>
    public required IReadOnlyList<StrategyForecast> Strategies { get; init; }

    /// <summary>The strategy whose best budget has the fairest median forecast.</summary>
    public required StrategyForecast Recommended { get; init; }

    /// <summary>The members' ids, by member position (what <see cref="StrategyForecast.Ranking"/> indexes).</summary>
    public required IReadOnlyList<string> MemberIds { get; init; }

    /// <summary>The size search for a target; null when no target was asked.</summary>
    public SizeForecast? Target { get; init; }

    /// <summary>The assumptions this plan rests on, in words (docs/planner.md explains each).</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    /// <summary>What the reader must know before trusting the plan (<see cref="PlanWarnings"/>); empty when
    /// nothing.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Rows of the members file that its missing policy dropped: not ranked, never flipped.</summary>
    public IReadOnlyList<Data.DroppedRow> DroppedMembers { get; init; } = [];

    /// <summary>Seconds the plan took.</summary>
    public double Seconds { get; init; }
}
