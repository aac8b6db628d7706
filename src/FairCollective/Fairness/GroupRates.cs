namespace FairCollective.Fairness;

/// <summary>
/// The counts and rates of one group (or of the overall population, or of a pooled set of groups).
/// A rate whose denominator is empty follows <see cref="UndefinedRate"/> for TPR and FPR; selection rate,
/// accuracy and base rate of an empty group are NaN in either mode (fairlearn never produces an empty group).
/// </summary>
public readonly record struct GroupRates
{
    /// <summary>Derives the rates from <paramref name="counts"/>; <paramref name="undefinedRate"/> decides TPR and FPR
    /// with an empty denominator.</summary>
    public GroupRates(ConfusionCounts counts, UndefinedRate undefinedRate)
    {
        Counts = counts;
        double n = counts.Count, pos = counts.LabelPositives, neg = counts.LabelNegatives;
        double undefined = undefinedRate == UndefinedRate.ZeroLikeFairlearn ? 0.0 : double.NaN;
        SelectionRate = n > 0 ? counts.PredictedPositives / n : double.NaN;
        TruePositiveRate = pos > 0 ? counts.TruePositives / pos : undefined;
        FalsePositiveRate = neg > 0 ? counts.FalsePositives / neg : undefined;
        FalseNegativeRate = pos > 0 ? counts.FalseNegatives / pos : undefined;
        Accuracy = n > 0 ? (counts.TruePositives + counts.TrueNegatives) / n : double.NaN;
        BaseRate = n > 0 ? pos / n : double.NaN;
    }

    /// <summary>The confusion counts (or weights) the rates come from.</summary>
    public ConfusionCounts Counts { get; }
    /// <summary>Number (or total weight) of rows.</summary>
    public double Count => Counts.Count;
    /// <summary>P(yhat = 1), in [0, 1].</summary>
    public double SelectionRate { get; }
    /// <summary>TPR = P(yhat = 1 | y = 1), in [0, 1]; undefined without positive labels.</summary>
    public double TruePositiveRate { get; }
    /// <summary>FPR = P(yhat = 1 | y = 0), in [0, 1]; undefined without negative labels.</summary>
    public double FalsePositiveRate { get; }
    /// <summary>FNR = P(yhat = 0 | y = 1), in [0, 1]; undefined (like TPR) without positive labels.</summary>
    public double FalseNegativeRate { get; }
    /// <summary>P(yhat = y), in [0, 1].</summary>
    public double Accuracy { get; }

    /// <summary>
    /// 1 - accuracy, computed that way (not (FP+FN)/n) so it agrees bit for bit with AIF360's error_rate and
    /// sklearn's zero_one_loss; the two forms differ by at most one ulp.
    /// </summary>
    public double ErrorRate => 1.0 - Accuracy;

    /// <summary>P(y = 1), in [0, 1].</summary>
    public double BaseRate { get; }

    /// <summary>The rate named by <paramref name="rate"/>.</summary>
    public double Get(GroupRate rate) => rate switch
    {
        GroupRate.Count => Count,
        GroupRate.SelectionRate => SelectionRate,
        GroupRate.TruePositiveRate => TruePositiveRate,
        GroupRate.FalsePositiveRate => FalsePositiveRate,
        GroupRate.Accuracy => Accuracy,
        GroupRate.ErrorRate => ErrorRate,
        GroupRate.BaseRate => BaseRate,
        GroupRate.FalseNegativeRate => FalseNegativeRate,
        _ => throw new ArgumentOutOfRangeException(nameof(rate), rate, null),
    };
}
