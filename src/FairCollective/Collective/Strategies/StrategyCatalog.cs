using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Common;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Collective.Strategies;

/// <summary>
/// The strategies a spec may name, matched case-insensitively, and how each is built from the settings: the paper's,
/// and any a plug-in or a library user registers (<see cref="Register"/>). Every part of the product (runs, the front
/// door, the planner, the checks) reads this one list.
/// </summary>
public static class StrategyCatalog
{
    /// <summary>Score by a classifier fitted on the known majority rows (<see cref="RbProbStrategy"/>).</summary>
    public const string RbProb = "RB-prob";
    /// <summary>Score by the positive labels among the k nearest known majority rows
    /// (<see cref="RbLabelStrategy"/>).</summary>
    public const string RbLabel = "RB-label";
    /// <summary>Score by the distance to the k nearest positive known majority rows
    /// (<see cref="RbDistStrategy"/>).</summary>
    public const string RbDist = "RB-dist";
    /// <summary>Random order, the baseline (<see cref="RandomStrategy"/>).</summary>
    public const string Random = "Random";
    /// <summary>The ideal counterfactual relabelling, synthetic data only (<see cref="OracleStrategy"/>).</summary>
    public const string Oracle = "Oracle";

    private static readonly Registry<StrategyEntry> Registry = new("strategy",
    [
        StrategyEntry.Of(RbProb, "score by a classifier fitted on the known majority rows", StrategyNeeds.None,
            new RbProbOptions(),
            (o, b) => new RbProbStrategy(o, b.TrainerFor)),
        StrategyEntry.Of(RbLabel, "score by the positive labels among the k nearest known majority rows",
            StrategyNeeds.KNearestMajorityRows, new NeighbourStrategyOptions(), (o, _) => new RbLabelStrategy(o)),
        StrategyEntry.Of(RbDist, "score by the distance to the k nearest positive known majority rows",
            StrategyNeeds.KNearestPositiveMajorityRows, new NeighbourStrategyOptions(), (o, _)
                => new RbDistStrategy(o)),
        new(Random, "the pool in a seeded random order, the baseline", StrategyNeeds.None, _ => new RandomStrategy()),
        new(Oracle, "the ideal counterfactual relabelling, from the data's causal model", StrategyNeeds.CausalModel,
            _ => new OracleStrategy()),
    ]);

    /// <summary>Every strategy: the paper's, in its order, then those registered (<see cref="Register"/>) in
    /// registration order.</summary>
    public static IReadOnlyList<StrategyEntry> Entries => Registry.Entries;

    /// <summary>Every strategy name, in <see cref="Entries"/>' order.</summary>
    public static IReadOnlyList<string> Names => Registry.Names;

    /// <summary>RB-prob's own options as the plausible-flips restriction reads them: RB-prob's options among
    /// <paramref name="options"/> (strategy name to canonical JSON, as a spec gives them), else its defaults.</summary>
    public static RbProbOptions PlausibleModelOptions(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue(RbProb, out var json) ? (RbProbOptions)OptionsFromJson(RbProb, json)! : new RbProbOptions();

    /// <summary>The three practical strategies of the paper.</summary>
    public static IReadOnlyList<string> Practical { get; } = [RbProb, RbLabel, RbDist];

    /// <summary>
    /// Adds a strategy (a plug-in's, or a library user's at start-up) so that specs, the front door and the planner can
    /// name it. Its name must be new, ignoring case; registering the same entry again is allowed and changes nothing.
    /// </summary>
    /// <exception cref="UserInputException">Another strategy has the name, or the name is empty or padded.</exception>
    public static void Register(StrategyEntry entry) => Registry.Register(entry);

    /// <summary>Whether <paramref name="name"/> names a strategy, ignoring case.</summary>
    public static bool IsKnown(string name) => Find(name) is not null;

    /// <summary>The registered spelling of a known strategy name given in any case.</summary>
    /// <exception cref="InvalidOperationException">The name is not known; check <see cref="IsKnown"/>
    /// first.</exception>
    public static string Canonical(string name) => Get(name).Name;

    /// <summary>The entry of a known strategy name given in any case.</summary>
    /// <exception cref="InvalidOperationException">The name is not known; check <see cref="IsKnown"/>
    /// first.</exception>
    public static StrategyEntry Get(string name) => Find(name)
        ?? throw new InvalidOperationException($"unknown strategy '{name}'");

    /// <summary>The entry of a strategy name given in any case; null when none has it.</summary>
    public static StrategyEntry? Find(string name) => Registry.Find(name);

    /// <param name="name">A known strategy name.</param>
    /// <param name="settings">The tie rule and the scoring space, shared by every strategy.</param>
    /// <param name="trainerFor">Builds a trainer by learner name (for RB-prob's majority model).</param>
    /// <param name="options">The strategy's own options (its entry's <see cref="StrategyEntry.Defaults"/> type); null =
    /// its defaults.</param>
    public static ICollectiveStrategy Create(string name, StrategySettings settings, Func<string, ITrainer> trainerFor,
        object? options = null)
    {
        var entry = Get(name);
        if (options is not null && (entry.Defaults is null || options.GetType() != entry.Defaults.GetType()))
            throw new UserInputException($"strategy '{entry.Name}' takes " + (entry.Defaults is null
                ? "no options of its own"
                : $"options of type {entry.Defaults.GetType().Name}") + $"; got {options.GetType().Name}");
        return entry.Create(new StrategyBuild(settings, trainerFor) { Options = options });
    }

    /// <summary>
    /// A strategy's own options: its defaults with <paramref name="overrides"/> applied by option name (snake_case or
    /// PascalCase); an unknown option, a wrong type or a value the strategy refuses is a user error naming it.
    /// </summary>
    public static object? OptionsWith(string name, IEnumerable<(string Option, JsonNode? Value)> overrides)
    {
        var entry = Get(name);
        var options = entry.OptionsWith(overrides);
        if (options is null) return null;
        try
        {
            Create(entry.Name, new StrategySettings(), learner => LearnerCatalog.Create(learner, new LearnerSettings(),
                seed: 0), options); // its own checks
        }
        catch (UserInputException e) when (!e.Message.StartsWith("strategy '", StringComparison.Ordinal))
        {
            throw new UserInputException($"strategy '{entry.Name}': {e.Message}");
        }
        return options;
    }

    /// <summary>A strategy's own options as canonical JSON (keys sorted, defaults included); null for a strategy
    /// without any.</summary>
    public static string? OptionsJson(string name, object? options)
    {
        var entry = Get(name);
        return entry.Defaults is null ? null : OptionOverrides.Canonical(options ?? entry.Defaults, [],
            OptionOverrides.EnumsAsText);
    }

    /// <summary>Reads <see cref="OptionsJson"/>'s output back into the strategy's options record.</summary>
    public static object? OptionsFromJson(string name, string? json)
    {
        var entry = Get(name);
        if (entry.Defaults is null || json is null) return null;
        return JsonSerializer.Deserialize(json, entry.Defaults.GetType(), OptionOverrides.EnumsAsText)
               ?? throw new UserInputException($"strategy '{entry.Name}': options '{json}' are not readable");
    }

    /// <summary>The options a spec can set for <paramref name="name"/>, with their defaults (JSON values), in name
    /// order.</summary>
    public static IReadOnlyList<(string Option, string Default)> SettableOptions(string name) =>
        Get(name).Defaults is { } defaults ? OptionOverrides.Settable(defaults, [], OptionOverrides.EnumsAsText) : [];
}
