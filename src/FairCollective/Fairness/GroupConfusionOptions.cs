namespace FairCollective.Fairness;

/// <summary>Options of <see cref="GroupConfusion"/>.</summary>
public sealed record GroupConfusionOptions
{
    /// <summary>Default: undefined rates are NaN (see <see cref="Fairness.UndefinedRate"/>).</summary>
    public const UndefinedRate DefaultUndefinedRate = UndefinedRate.NaN;

    /// <summary>The defaults: undefined rates are NaN.</summary>
    public static GroupConfusionOptions Default { get; } = new();

    /// <summary>Reproduces fairlearn 0.12's numbers (undefined TPR/FPR become 0).</summary>
    public static GroupConfusionOptions FairlearnCompatible { get; } = new()
    {
        UndefinedRate =
        UndefinedRate.ZeroLikeFairlearn
    };

    /// <summary>What a TPR or FPR with an empty denominator becomes; default NaN.</summary>
    public UndefinedRate UndefinedRate { get; init; } = DefaultUndefinedRate;
}
