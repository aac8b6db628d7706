namespace FairCollective.Mitigation.PostProcessing;

/// <summary>Options of <see cref="EqOddsPostProcessing"/>.</summary>
public sealed record EqOddsPostProcessingOptions
{
    /// <summary>The full LP solution (AIF360).</summary>
    public const double DefaultStrength = 1.0;

    /// <summary>AIF360's randomisation.</summary>
    public const EqOddsRandomization DefaultRandomization = EqOddsRandomization.ExactCounts;

    /// <summary>
    /// The trade-off knob λ in [0,1]: the mixing rates used are (1 − λ)·(p2p = 1, n2p = 0) + λ·(LP solution), a
    /// straight line from the unchanged classifier (λ = 0) to Hardt et al.'s post-processing (λ = 1). Post-processed
    /// TPR and FPR are linear in the rates, so the expected TPR and FPR gaps between groups shrink as (1 − λ) times the
    /// gaps before, and the expected error moves linearly from the classifier's to the LP optimum's.
    /// </summary>
    public double Strength { get; init; } = DefaultStrength;

    /// <summary>How the mixing rates become relabelled predictions; default AIF360's exact counts per group.</summary>
    public EqOddsRandomization Randomization { get; init; } = DefaultRandomization;
}
