using FairCollective.Common;

namespace FairCollective.Mitigation.Defences;

/// <summary>Options of <see cref="KnnSanitisation"/>.</summary>
public sealed record KnnSanitisationOptions
{
    /// <summary>Default <see cref="K"/>: Paudice et al.'s (2018) neighbourhood size.</summary>
    public const int DefaultK = 10;

    /// <summary>Default <see cref="Eta"/>: a clear majority of the neighbours, not a bare one.</summary>
    public const double DefaultEta = 0.7;

    /// <summary>Most <see cref="K"/>: far above any neighbourhood the method is used with (Paudice et al. use
    /// 10).</summary>
    public const int KLimit = 10_000;

    /// <summary>Neighbours consulted per row (1 to <see cref="KLimit"/>).</summary>
    public int K { get; init; } = DefaultK;

    /// <summary>A row is flagged when at least this share of its neighbours carry the other label; in (0, 1].</summary>
    public double Eta { get; init; } = DefaultEta;

    /// <summary>Relabel flagged rows (the published method) or drop them.</summary>
    public DefenceAction Action { get; init; } = DefenceAction.Relabel;

    internal void Validate()
    {
        if (K < 1) throw new
            UserInputException($"{DefenceCatalog.KnnSanitisation}: option 'k' must be at least 1; got {K}");
        CountLimit.Check(K, KLimit, $"{DefenceCatalog.KnnSanitisation}: option 'k'");
        if (!(Eta > 0 && Eta <= 1))
            throw new UserInputException($"{DefenceCatalog.KnnSanitisation}: option 'eta' must lie in (0, 1]; got " +
                $"{Eta}");
    }
}
