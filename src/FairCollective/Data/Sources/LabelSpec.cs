namespace FairCollective.Data.Sources;

/// <summary>The label column of a <see cref="DatasetSpec"/>: which values are favourable (y = 1).</summary>
public sealed record LabelSpec
{
    /// <summary>Name (or 1-based position) of the label column. Required.</summary>
    public string? Column { get; init; }

    /// <summary>Values meaning y = 1.</summary>
    public List<string> Favourable { get; init; } = [];

    /// <summary>Values meaning y = 0. When given, any value outside favourable and unfavourable is an error; else every
    /// other value is 0.</summary>
    public List<string>? Unfavourable { get; init; }
}
