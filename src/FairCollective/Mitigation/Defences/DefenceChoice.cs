namespace FairCollective.Mitigation.Defences;

/// <summary>A defence by catalog name with every option it runs with, as canonical JSON (keys sorted); built by
/// <see cref="DefenceCatalog.Choice"/>.</summary>
/// <param name="Name">The defence's catalog name.</param>
/// <param name="OptionsJson">Every option, defaults included ("{}" for none), so a recorded configuration never omits
/// one the defence read.</param>
public sealed record DefenceChoice(string Name, string OptionsJson)
{
    /// <summary>The firm without a defence.</summary>
    public static DefenceChoice None { get; } = new(DefenceCatalog.None, "{}");

    /// <summary>True for the firm without a defence.</summary>
    public bool IsNone => Name == DefenceCatalog.None;
}
