namespace FairCollective.Reporting.Figures;

/// <summary>Axis labels with their units, shared by every figure so the same quantity is always named the same
/// way.</summary>
public static class AxisLabels
{
    /// <summary>x axis of the collective-size and synthetic figures: alpha, a share in [0, 1].</summary>
    public const string Alpha = "collective size α (share of minority training rows)";

    /// <summary>A label longer than this many characters is set on two lines, so a panel's height or width never clips
    /// it.</summary>
    public const int MaxLineLength = 40;

    /// <summary>
    /// <paramref name="label"/> as it fits beside a panel: on one line up to <see cref="MaxLineLength"/> characters,
    /// else broken at the space nearest its middle ("best DemographicParityDifference over budgets (0–1, lower is
    /// fairer)" is too long for the y axis of a 400-pixel panel).
    /// </summary>
    public static string Fit(string label)
    {
        if (label.Length <= MaxLineLength) return label;
        int middle = label.Length / 2, best = -1;
        for (int i = 0; i < label.Length; i++)
            if (label[i] == ' ' && (best < 0 || Math.Abs(i - middle) < Math.Abs(best - middle))) best = i;
        return best < 0 ? label : label[..best] + "\n" + label[(best + 1)..];
    }

    /// <summary>Axis of the shown metric (<see cref="Fairness.ShownMetric.Axis"/>).</summary>
    public static string Of(Fairness.ShownMetric metric) => metric.Axis;

    /// <summary>Axis of the best value over flip budgets of the shown metric's seed mean.</summary>
    public static string Best(Fairness.ShownMetric metric) => $"best {metric.Name} over budgets (0–1, {metric.Fairer})";
    /// <summary>Axis of the firm's error on the test split, in [0, 1].</summary>
    public const string Error = "test error rate (0–1)";
    /// <summary>Axis of the test error at the budget with the best EqOd (the error cost of the best EqOd), in [0,
    /// 1].</summary>
    public const string ErrorAtBest = "test error at that budget (0–1)";
    /// <summary>x axis of the flip-efficiency figure: the flip budget M as a count.</summary>
    public const string Flips = "flips M (relabelled pool members, count)";
    /// <summary>Axis of the counterfactual success S(alpha) on synthetic data, in [0, 1].</summary>
    public const string CounterfactualSuccess = "S(α) (share of minority test rows)";
    /// <summary>Axis of the share of a strategy's flips that the ideal relabelling also makes, in [0, 1].</summary>
    public const string IdealPrecision = "precision at M* (0–1)";
    /// <summary>First feature of the 2-D toy data.</summary>
    public const string Feature1 = "x₁ (feature units)";
    /// <summary>Second feature of the 2-D toy data.</summary>
    public const string Feature2 = "x₂ (feature units)";
    /// <summary>Axis of the share of the collective's gain that survives a defence (1 = all kept, 0 = all
    /// lost).</summary>
    public const string GainKept = "share of gain kept (1 = all)";
    /// <summary>Axis of a defence's recall of the collective's flips, in [0, 1].</summary>
    public const string DefenceRecall = "flips caught (recall, 0–1)";
    /// <summary>Axis of a defence's false flags among honest minority training rows, in [0, 1].</summary>
    public const string FalseFlagsMinority = "honest minority rows flagged (0–1)";
    /// <summary>Axis of the collective's gain against a defended firm: its unfairness without the collective minus with
    /// it.</summary>
    public static string GainAgainstDefence(Fairness.ShownMetric metric) => $"gain in {metric.Name} against it";
}
