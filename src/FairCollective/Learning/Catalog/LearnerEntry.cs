using FairCollective.Common;

namespace FairCollective.Learning.Catalog;

/// <summary>
/// One learner of <see cref="LearnerCatalog"/>: its name, what it is, its options record with named defaults (every
/// public property is an option a spec can set by name, but the thread count, the seed and warm starts, which the
/// runner sets), and its trainer. The built-in learners and a plug-in's take the same shape.
/// </summary>
/// <param name="Name">The name specs and options use (matched ignoring case).</param>
/// <param name="Description">One line of what it is.</param>
/// <param name="Defaults">Its options with every default, given the cell's seed and the threads it may use.</param>
/// <param name="Trainer">Builds the trainer from its options (the defaults with a spec's overrides applied).</param>
public sealed record LearnerEntry(string Name, string Description, Func<int, int, object> Defaults, Func<object,
    ITrainer> Trainer) : IRegistryEntry
{
    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256), recorded in each cell it fits; null
    /// when built in.</summary>
    public string? Origin { get; init; }

    /// <summary>An entry whose trainer takes the options record <typeparamref name="TOptions"/>.</summary>
    /// <param name="name">The learner's name.</param>
    /// <param name="description">One line of what it is.</param>
    /// <param name="defaults">Its options with every default, given the cell's seed (a property named Seed is the
    /// runner's, not the spec's).</param>
    /// <param name="trainer">Builds the trainer from its options.</param>
    public static LearnerEntry Of<TOptions>(string name, string description, Func<int, TOptions> defaults,
        Func<TOptions, ITrainer> trainer)
        where TOptions : class =>
        new(name, description, (seed, _) => defaults(seed), o => trainer((TOptions)o));
}
