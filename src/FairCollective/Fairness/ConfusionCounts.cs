namespace FairCollective.Fairness;

/// <summary>
/// The (weighted) confusion matrix of one group: sums of sample weights, or plain counts when unweighted.
/// Counts are doubles so weighted and unweighted share one path; integer counts stay exact below 2^53.
/// </summary>
/// <param name="TruePositives">Rows with y = 1 and yhat = 1.</param>
/// <param name="FalsePositives">Rows with y = 0 and yhat = 1.</param>
/// <param name="TrueNegatives">Rows with y = 0 and yhat = 0.</param>
/// <param name="FalseNegatives">Rows with y = 1 and yhat = 0.</param>
public readonly record struct ConfusionCounts(double TruePositives, double FalsePositives, double TrueNegatives,
    double FalseNegatives)
{
    /// <summary>Number (or weight) of rows.</summary>
    public double Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Rows with y = 1 (n_label_pos).</summary>
    public double LabelPositives => TruePositives + FalseNegatives;

    /// <summary>Rows with y = 0 (n_label_neg).</summary>
    public double LabelNegatives => FalsePositives + TrueNegatives;

    /// <summary>Rows with yhat = 1 (n_pred_pos).</summary>
    public double PredictedPositives => TruePositives + FalsePositives;

    /// <summary>Cell-wise sum: the confusion of two disjoint sets of rows pooled.</summary>
    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives,
            a.TrueNegatives + b.TrueNegatives, a.FalseNegatives + b.FalseNegatives);
}
