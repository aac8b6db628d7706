using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Fairness.Counterfactual;

/// <summary>The counterfactual measures of one classifier on one set of rows (method.md sections 2 and 4).</summary>
/// <param name="Success">S = P[h(g(x)) = h(x)] over minority rows.</param>
/// <param name="CounterfactualFairnessRate">P[h(x) = argmax_y P0(y | g(x))] over minority rows.</param>
/// <param name="MinorityRows">How many minority rows the rates are over.</param>
public sealed record CounterfactualReport(double Success, double CounterfactualFairnessRate, int MinorityRows);

/// <summary>
/// Counterfactual measures on synthetic data, where the true group counterfactual g is known. Plain functions over
/// per-row arrays: predictions of the firm's model on x and on g(x), the minority mask, the counterfactual label.
/// Majority rows are left out: g(x) = x for them, so they agree by construction and would only dilute the rates.
/// </summary>
public static class CounterfactualMetrics
{
    /// <summary>
    /// Collective-action success S(alpha) = P0[h(g(x)) = h(x)] (Hardt et al. 2023) estimated over the minority rows:
    /// the share whose decision would not change had they been majority members. S = 1 for a Bayes classifier is
    /// minority-focused counterfactual fairness.
    /// </summary>
    public static double Success(ReadOnlySpan<int> predictionOnX, ReadOnlySpan<int> predictionOnCounterfactual,
        GroupMembership groups)
    {
        CheckLengths(predictionOnX.Length, predictionOnCounterfactual.Length, groups.Count,
            nameof(predictionOnCounterfactual));
        return MinorityAgreement(predictionOnX, predictionOnCounterfactual, groups.MinorityFlags);
    }

    /// <summary>
    /// Counterfactual-fairness rate: the share of minority rows whose decision h(x) equals the ideal counterfactual
    /// label argmax_y P0(y | g(x)), i.e. the decision the majority world's Bayes classifier would give them.
    /// </summary>
    public static double CounterfactualFairnessRate(ReadOnlySpan<int> predictionOnX,
        ReadOnlySpan<int> counterfactualLabel, GroupMembership groups)
    {
        CheckLengths(predictionOnX.Length, counterfactualLabel.Length, groups.Count, nameof(counterfactualLabel));
        return MinorityAgreement(predictionOnX, counterfactualLabel, groups.MinorityFlags);
    }

    /// <summary>Both measures at once.</summary>
    public static CounterfactualReport Evaluate(ReadOnlySpan<int> predictionOnX,
        ReadOnlySpan<int> predictionOnCounterfactual,
        ReadOnlySpan<int> counterfactualLabel, GroupMembership groups)
    {
        return new CounterfactualReport(Success(predictionOnX, predictionOnCounterfactual, groups),
            CounterfactualFairnessRate(predictionOnX, counterfactualLabel, groups), groups.MinorityCount);
    }

    private static double MinorityAgreement(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<bool> isMinority)
    {
        int rows = 0, agree = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] is not (0 or 1)
                || b[i] is not (0 or 1)) throw new
                UserInputException($"counterfactual metrics: row {i} has a label other than 0 or 1");
            if (!isMinority[i]) continue;
            rows++;
            if (a[i] == b[i]) agree++;
        }
        if (rows == 0) throw new UserInputException("counterfactual metrics need at least one minority row");
        return (double)agree / rows;
    }

    private static void CheckLengths(int x, int other, int mask, string otherName)
    {
        if (other != x || mask != x)
            throw new UserInputException($"counterfactual metrics: predictionOnX has {x} rows, {otherName} {other}, " +
                $"groups {mask}; they must agree");
    }
}
