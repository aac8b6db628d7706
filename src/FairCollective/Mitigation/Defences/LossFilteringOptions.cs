using FairCollective.Common;

namespace FairCollective.Mitigation.Defences;

/// <summary>Options of <see cref="LossFiltering"/>.</summary>
public sealed record LossFilteringOptions
{
    /// <summary>Default <see cref="Share"/>: a firm trimming the worst-fitting 5% of its rows.</summary>
    public const double DefaultShare = 0.05;

    /// <summary>q: the share of training rows with the highest loss that is dropped; in [0, 1).</summary>
    public double Share { get; init; } = DefaultShare;

    internal void Validate()
    {
        if (!(Share >= 0 && Share < 1))
            throw new UserInputException($"{DefenceCatalog.LossFiltering}: option 'share' must lie in [0, 1); got " +
                $"{Share}");
    }
}
