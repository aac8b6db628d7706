namespace FairCollective.Fairness;

/// <summary>A per-group quantity that between-group differences and ratios can be taken over (fairlearn's MetricFrame
/// columns).</summary>
public enum GroupRate
{
    /// <summary>Number (or weight) of rows.</summary>
    Count,

    /// <summary>P(yhat = 1): selection rate, the demographic-parity quantity.</summary>
    SelectionRate,

    /// <summary>P(yhat = 1 | y = 1): true-positive rate, the equal-opportunity quantity.</summary>
    TruePositiveRate,

    /// <summary>P(yhat = 1 | y = 0): false-positive rate.</summary>
    FalsePositiveRate,

    /// <summary>P(yhat = y).</summary>
    Accuracy,

    /// <summary>1 - accuracy.</summary>
    ErrorRate,

    /// <summary>P(y = 1): base rate (AIF360).</summary>
    BaseRate,

    /// <summary>P(yhat = 0 | y = 1): false-negative rate, FN / (TP + FN) (undefined when TPR is).</summary>
    FalseNegativeRate,
}
