using FairCollective.Common;

namespace FairCollective.Mitigation.Defences;

/// <summary>
/// One defence of <see cref="DefenceCatalog"/>: its name, what it does, its options record with named defaults (every
/// public property is an option a spec can set by name) and how it is built. The built-in defences and a plug-in's
/// take the same shape; <see cref="Of{TOptions}"/> builds one.
/// </summary>
/// <param name="Name">The name specs use (matched ignoring case).</param>
/// <param name="Description">One line of what it does, for help and the report.</param>
/// <param name="Defaults">Its options with every default.</param>
/// <param name="Create">Builds it from its options (the defaults with a spec's overrides applied).</param>
public sealed record DefenceEntry(string Name, string Description, Func<object> Defaults, Func<object,
    IDefence> Create) : IRegistryEntry
{
    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256), recorded in each cell it screens; null
    /// when built in.</summary>
    public string? Origin { get; init; }

    /// <summary>An entry whose defence takes the options record <typeparamref name="TOptions"/>.</summary>
    public static DefenceEntry Of<TOptions>(string name, string description, TOptions defaults, Func<TOptions,
        IDefence> create) where TOptions : class =>
        new(name, description, () => defaults, o => create((TOptions)o));
}
