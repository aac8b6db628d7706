namespace FairCollective.Mitigation.PostProcessing;

/// <summary>How <see cref="EqOddsPostProcessingModel.Predict"/> turns the mixing rates into labels.</summary>
public enum EqOddsRandomization
{
    /// <summary>
    /// AIF360's scheme: in each group, floor(#predicted negatives · n2p) random predicted negatives become 1 and
    /// floor(#predicted positives · (1 − p2p)) random predicted positives become 0 (the rounding biases small groups
    /// toward fewer flips).
    /// </summary>
    ExactCounts,

    /// <summary>Each row independently: ỹ = 1 with probability p2p (predicted 1) or n2p (predicted 0); unbiased per
    /// row.</summary>
    Bernoulli,
}
