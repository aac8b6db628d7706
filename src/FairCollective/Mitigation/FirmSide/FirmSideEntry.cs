using FairCollective.Common;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// One firm-side method of <see cref="FirmSideCatalog"/>, in the registry shape every component kind shares: its name
/// (the method's), the method as built with its default options (it describes its one knob and its default knob
/// values), and, for a method with options beyond the knob, its options record and how it is built from it
/// (<see cref="Of{TOptions}"/>). A plug-in may add one.
/// </summary>
/// <param name="Method">The method with its default options.</param>
public sealed record FirmSideEntry(IFirmSideMethod Method) : IRegistryEntry
{
    /// <summary>The name specs use (the method's), matched ignoring case.</summary>
    public string Name => Method.Name;

    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256); null when built in.</summary>
    public string? Origin { get; init; }

    /// <summary>Its options record with every default; null when the knob is its one setting.</summary>
    public object? Defaults { get; init; }

    /// <summary>Properties of <see cref="Defaults"/> a spec cannot set: the knob, which each cell sets, and any the
    /// method's name fixes (FARE's fairness weight; a steering variant's mode and covariance).</summary>
    public IReadOnlyCollection<string> SetByTheMethod { get; init; } = [];

    /// <summary>Builds the method from its options record (of <see cref="Defaults"/>' type); null without
    /// options.</summary>
    public Func<object, IFirmSideMethod>? Create { get; init; }

    /// <summary>An entry whose method takes the options record <typeparamref name="TOptions"/>.</summary>
    /// <param name="defaults">The options with every default.</param>
    /// <param name="setByTheMethod">Properties of the record the method sets itself (its knob, its variant).</param>
    /// <param name="create">Builds the method from options (the defaults with a spec's overrides); refuses values it
    /// cannot run with as a <see cref="UserInputException"/>.</param>
    public static FirmSideEntry Of<TOptions>(TOptions defaults, IReadOnlyCollection<string> setByTheMethod,
        Func<TOptions, IFirmSideMethod> create)
        where TOptions : class =>
        new(create(defaults))
        {
            Defaults = defaults, SetByTheMethod = setByTheMethod, Create = o
            => create((TOptions)o)
        };
}
