namespace FairCollective.Mitigation.PostProcessing;

/// <summary>Counts and rates of hard predictions against labels within one group (AIF360's ClassificationMetric per
/// group).</summary>
public sealed record ConfusionRates
{
    /// <summary>Rows in the group.</summary>
    public required int Count { get; init; }
    /// <summary>Rows with y = 1.</summary>
    public required int Positives { get; init; }
    /// <summary>Rows with y = 1 and yhat = 1.</summary>
    public required int TruePositives { get; init; }
    /// <summary>Rows with y = 0 and yhat = 1.</summary>
    public required int FalsePositives { get; init; }

    /// <summary>Rows with y = 0.</summary>
    public int Negatives => Count - Positives;
    /// <summary>Rows with y = 1 and yhat = 0.</summary>
    public int FalseNegatives => Positives - TruePositives;
    /// <summary>Rows with y = 0 and yhat = 0.</summary>
    public int TrueNegatives => Negatives - FalsePositives;

    /// <summary>P / n, as AIF360's base_rate.</summary>
    public double BaseRate => (double)Positives / Count;
    /// <summary>TP / P; NaN when the group has no positives.</summary>
    public double TruePositiveRate => (double)TruePositives / Positives;
    /// <summary>FP / N; NaN when the group has no negatives.</summary>
    public double FalsePositiveRate => (double)FalsePositives / Negatives;
    /// <summary>FN / P = 1 - TPR; NaN when the group has no positives.</summary>
    public double FalseNegativeRate => (double)FalseNegatives / Positives;
    /// <summary>TN / N = 1 - FPR; NaN when the group has no negatives.</summary>
    public double TrueNegativeRate => (double)TrueNegatives / Negatives;

    internal static ConfusionRates Of(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, ReadOnlySpan<bool> privileged,
        bool wantPrivileged)
    {
        int n = 0, pos = 0, tp = 0, fp = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            if (privileged[i] != wantPrivileged) continue;
            n++;
            pos += yTrue[i];
            if (yPred[i] == 1) { if (yTrue[i] == 1) tp++; else fp++; }
        }
        return new ConfusionRates { Count = n, Positives = pos, TruePositives = tp, FalsePositives = fp };
    }
}
