using FairCollective.Common;
using FairCollective.Learning;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// One strategy of <see cref="StrategyCatalog"/>: its name, what it does, what it needs, its own options (a record with
/// named defaults, settable from a spec under <c>strategy.options.&lt;name&gt;</c>) and how it is built. The built-in
/// strategies and a plug-in's take the same shape; <see cref="Of{TOptions}"/> builds an entry with options.
/// </summary>
/// <param name="Name">The name specs and options use, in its own spelling (matched ignoring case).</param>
/// <param name="Description">One sentence on how it ranks the pool.</param>
/// <param name="Needs">What it needs from the data and settings; checks read this, never the name.</param>
/// <param name="Create">Builds it from the shared settings, its own options and a trainer by learner name.</param>
public sealed record StrategyEntry(string Name, string Description, StrategyNeeds Needs, Func<StrategyBuild,
    ICollectiveStrategy> Create) : IRegistryEntry
{
    /// <summary>Its own options record with every default; null when it has none (Random, the Oracle).</summary>
    public object? Defaults { get; init; }

    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256), recorded in each cell it computes; null
    /// when built in.</summary>
    public string? Origin { get; init; }

    /// <summary>Whether a real collective can use it: it needs nothing only simulation knows (Random included; not to
    /// be confused with <see cref="StrategyCatalog.Practical"/>, the paper's three scores).</summary>
    public bool UsableByARealCollective => !Needs.HasFlag(StrategyNeeds.CausalModel);

    /// <summary>Its defaults with <paramref name="overrides"/> applied by option name (snake_case or PascalCase); null
    /// for an entry without options and no overrides.</summary>
    /// <exception cref="UserInputException">An unknown option, a value of the wrong type, or options given to an entry
    /// without any.</exception>
    public object? OptionsWith(IEnumerable<(string Option, System.Text.Json.Nodes.JsonNode? Value)> overrides)
    {
        var given = overrides.ToArray();
        if (Defaults is null)
            return given.Length == 0 ? null : throw new
                UserInputException($"strategy '{Name}' has no options of its own");
        return OptionOverrides.Apply(Defaults, given, $"strategy '{Name}'", [], OptionOverrides.EnumsAsText);
    }

    /// <summary>An entry whose strategy takes its own options record <typeparamref name="TOptions"/> (its properties
    /// with defaults are the options).</summary>
    /// <param name="name">The strategy's name.</param>
    /// <param name="description">One sentence on how it ranks the pool.</param>
    /// <param name="needs">What it needs.</param>
    /// <param name="defaults">The options with every default.</param>
    /// <param name="create">Builds the strategy from its options (the defaults with a spec's overrides applied) and the
    /// build's shared parts.</param>
    public static StrategyEntry Of<TOptions>(string name, string description, StrategyNeeds needs, TOptions defaults,
        Func<TOptions, StrategyBuild, ICollectiveStrategy> create) where TOptions : class =>
        new(name, description, needs, build => create(build.Options as TOptions ?? defaults,
            build))
        { Defaults = defaults };
}

/// <summary>What a strategy is built from.</summary>
/// <param name="Settings">The settings all strategies share (tie rule, scoring space).</param>
/// <param name="TrainerFor">Builds a trainer by learner name, for a strategy that fits a model.</param>
public sealed record StrategyBuild(StrategySettings Settings, Func<string, ITrainer> TrainerFor)
{
    /// <summary>The strategy's own options (its entry's <see cref="StrategyEntry.Defaults"/> type); null = the
    /// defaults.</summary>
    public object? Options { get; init; }
}
