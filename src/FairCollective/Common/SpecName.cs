namespace FairCollective.Common;

/// <summary>
/// How a spec writes an enum value when it is not the kebab-case of the member's name (NeighbourScaling's
/// EncodedStandardised is written "encoded"); read and written by the one settings codec.
/// </summary>
/// <param name="name">The spelling in specs.</param>
[AttributeUsage(AttributeTargets.Field)]
public sealed class SpecNameAttribute(string name) : Attribute
{
    /// <summary>The spelling in specs.</summary>
    public string Name { get; } = name;
}
