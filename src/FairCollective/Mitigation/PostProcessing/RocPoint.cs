namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// A point of a group's ROC curve and the rule that attains it: predict 1 where score &gt; <see cref="Threshold"/>
/// (the threshold may be ±∞; +∞ predicts nothing positive, −∞ everything).
/// </summary>
/// <param name="FalsePositiveRate">FPR of the rule, in [0, 1].</param>
/// <param name="TruePositiveRate">TPR of the rule, in [0, 1].</param>
/// <param name="Threshold">Predict 1 where score &gt; this (may be ±∞).</param>
public readonly record struct RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
