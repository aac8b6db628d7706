namespace FairCollective.Mitigation.FirmSide;

/// <summary>Which rows a post-processor (calibrated equalized odds, equalized-odds post-processing, threshold
/// optimizer) is fitted on.</summary>
public enum PostProcessingFit
{
    /// <summary>The training split the base model was fitted on: its scores there are optimistic, so the fitted rates
    /// flatter.</summary>
    Training,

    /// <summary>A validation split carved from the training data, unseen by the base model: the literature's
    /// protocol.</summary>
    Validation,
}
