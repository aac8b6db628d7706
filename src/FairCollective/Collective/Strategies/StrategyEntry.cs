using FairCollective.Learning;

namespace FairCollective.Collective.Strategies;

/// <summary>One strategy of <see cref="StrategyCatalog"/>: its name, what it does, what it needs, and how it is built.</summary>
/// <param name="Name">The name specs and options use, in the paper's spelling (matched ignoring case).</param>
/// <param name="Description">One sentence on how it ranks the pool.</param>
/// <param name="Needs">What it needs from the data and settings; checks read this, never the name.</param>
/// <param name="Create">Builds it from the settings and a trainer by learner name (for a strategy that fits a model).</param>
public sealed record StrategyEntry(string Name, string Description, StrategyNeeds Needs, Func<StrategySettings, Func<string, ITrainer>, ICollectiveStrategy> Create)
{
    /// <summary>Whether a real collective can use it: it needs nothing only simulation knows (Random included; not to be
    /// confused with <see cref="StrategyCatalog.Practical"/>, the paper's three scores).</summary>
    public bool UsableByARealCollective => !Needs.HasFlag(StrategyNeeds.CausalModel);
}
