namespace FairCollective.Fairness;

/// <summary>
/// The built-in columns of a <see cref="MetricFrame"/>, named as fairlearn names its metric functions (count,
/// selection_rate, true_positive_rate, ...), each one per-group quantity of <see cref="GroupRates"/>.
/// </summary>
public static class MetricFrameColumns
{
    /// <summary>Number of rows of the group (unweighted, as fairlearn's <c>count</c>).</summary>
    public const string Count = "count";
    /// <summary>P(y = 1): n_label_pos / count (weighted when weights are given).</summary>
    public const string BaseRate = "base_rate";
    /// <summary>P(yhat = 1).</summary>
    public const string SelectionRate = "selection_rate";
    /// <summary>TPR = P(yhat = 1 | y = 1); undefined without positive labels.</summary>
    public const string TruePositiveRate = "true_positive_rate";
    /// <summary>FPR = P(yhat = 1 | y = 0); undefined without negative labels.</summary>
    public const string FalsePositiveRate = "false_positive_rate";
    /// <summary>FNR = P(yhat = 0 | y = 1); undefined without positive labels.</summary>
    public const string FalseNegativeRate = "false_negative_rate";
    /// <summary>P(yhat = y).</summary>
    public const string Accuracy = "accuracy";
    /// <summary>1 - accuracy.</summary>
    public const string ErrorRate = "error_rate";

    /// <summary>The rate behind each built-in column except <see cref="Count"/>, in column order.</summary>
    internal static readonly (string Name, GroupRate Rate)[] Rates =
    [
        (BaseRate, GroupRate.BaseRate), (SelectionRate, GroupRate.SelectionRate), (TruePositiveRate,
            GroupRate.TruePositiveRate),
        (FalsePositiveRate, GroupRate.FalsePositiveRate), (FalseNegativeRate, GroupRate.FalseNegativeRate),
        (Accuracy, GroupRate.Accuracy), (ErrorRate, GroupRate.ErrorRate),
    ];

    /// <summary>Every built-in column in the order a frame lists them: count first, then the rates.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Count, .. Rates.Select(r => r.Name)];
}
