namespace FairCollective.Data;

/// <summary>How a raw feature column is encoded: numeric columns are standard-scaled, categorical ones
/// one-hot.</summary>
public enum FeatureKind
{
    /// <summary>Real values (NaN = missing); standard-scaled by the encoder.</summary>
    Numeric,
    /// <summary>String levels (null = missing); one-hot encoded.</summary>
    Categorical,
}
