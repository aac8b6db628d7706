using FairCollective.Common;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// One firm-side method of <see cref="FirmSideCatalog"/>, in the registry shape every component kind shares: its name
/// (the method's), and the method, which describes its one knob and its default knob values. A plug-in may add one.
/// </summary>
/// <param name="Method">The method.</param>
public sealed record FirmSideEntry(IFirmSideMethod Method) : IRegistryEntry
{
    /// <summary>The name specs use (the method's), matched ignoring case.</summary>
    public string Name => Method.Name;

    /// <summary>Where a plug-in's entry came from (assembly, version, SHA-256); null when built in.</summary>
    public string? Origin { get; init; }
}
