namespace SamplePlugin;

/// <summary>The Centroid strategy's one option, with its default.</summary>
public sealed record CentroidOptions
{
    /// <summary>The default <see cref="Power"/>: Euclidean distance.</summary>
    public const double DefaultPower = 2;

    /// <summary>p of the Minkowski distance to the centroid (1 = city block, 2 = Euclidean); at least 1.</summary>
    public double Power { get; init; } = DefaultPower;
}
