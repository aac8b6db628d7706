namespace FairCollective.Common;

/// <summary>
/// An option's earlier name (snake_case, as specs wrote it): a spec that still uses it is refused with a message naming
/// the new one, rather than the option being silently ignored or the old name kept beside the new.
/// </summary>
/// <param name="name">The earlier name.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class FormerNameAttribute(string name) : Attribute
{
    /// <summary>The earlier name.</summary>
    public string Name { get; } = name;
}
