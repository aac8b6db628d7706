using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// Equalized-odds post-processing (Hardt, Price &amp; Srebro 2016; AIF360 <c>EqOddsPostprocessing</c>). From hard
/// predictions it finds, per group, p2p = P(ỹ = 1 | ŷ = 1) and n2p = P(ỹ = 1 | ŷ = 0) by the linear program AIF360
/// builds: variables (priv p2p, priv n2p, unpriv p2p, unpriv n2p) in [0,1], objective
/// (FPR_p − TPR_p)·x0 + (TNR_p − FNR_p)·x1 + (FPR_u − TPR_u)·x2 + (TNR_u − FNR_u)·x3 — not weighted by group size,
/// as AIF360 codes it — and equality constraints that the post-processed TPR and FPR of the two groups are equal.
/// The LP is solved exactly by <see cref="BoxEqualityLp"/>. The majority plays AIF360's privileged group (g = 1, the
/// first two variables) and the minority the unprivileged one; <see cref="Fit"/> translates on entry.
/// </summary>
public static class EqOddsPostProcessing
{
    internal const string Name = "equalized-odds post-processing";

    /// <summary>Solves the LP for each group's mixing rates on hard predictions with known labels.</summary>
    /// <param name="yTrue">true labels in {0,1}.</param>
    /// <param name="yPred">the classifier's hard predictions in {0,1}.</param>
    /// <param name="groups">minority or majority of each row.</param>
    /// <param name="options">strength λ and randomisation; defaults when null.</param>
    public static EqOddsPostProcessingModel Fit(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        GroupMembership groups,
        EqOddsPostProcessingOptions? options = null)
    {
        options ??= new EqOddsPostProcessingOptions();
        MitigationInput.UnitInterval(Name, options.Strength, nameof(EqOddsPostProcessingOptions.Strength));
        MitigationInput.Rows(Name, yTrue, "yTrue", groups);
        MitigationInput.SameLength(Name, yTrue.Length, yPred.Length, "yPred");
        MitigationInput.Binary(Name, yPred, "yPred");

        var privileged = MitigationInput.Privileged(groups); // AIF360's orientation from here on: privileged = majority
        var p = ConfusionRates.Of(yTrue, yPred, privileged, wantPrivileged: true);
        var u = ConfusionRates.Of(yTrue, yPred, privileged, wantPrivileged: false);
        RequireBothLabels(p, "majority");
        RequireBothLabels(u, "minority");

        double[] c =
        [
            p.FalsePositiveRate - p.TruePositiveRate, p.TrueNegativeRate - p.FalseNegativeRate,
            u.FalsePositiveRate - u.TruePositiveRate, u.TrueNegativeRate - u.FalseNegativeRate,
        ];
        // Same floating-point path as AIF360: group-mean of each confusion cell divided by the base rate (or 1 − it).
        double sbr = p.BaseRate, obr = u.BaseRate;
        double[,] aEq =
        {
            { Mean(p.TruePositives, p) / sbr, Mean(p.FalseNegatives, p) / sbr, -(Mean(u.TruePositives, u) / obr),
                -(Mean(u.FalseNegatives, u) / obr) },
            { Mean(p.FalsePositives, p) / (1 - sbr), Mean(p.TrueNegatives, p) / (1 - sbr), -(Mean(u.FalsePositives,
                u) / (1 - obr)), -(Mean(u.TrueNegatives, u) / (1 - obr)) },
        };
        double[] bEq = [0.0, 0.0];

        // x = (1,1,1,1) (everyone positive) is always feasible, so the LP always has a solution.
        var (x, objective) = BoxEqualityLp.Solve(c, aEq, bEq)
            ?? throw new
                InvalidOperationException("Equalized-odds LP found no feasible vertex, although all-ones is feasible.");
        return new EqOddsPostProcessingModel(options, majorityBefore: p, minorityBefore: u,
            new MixingRates(x[0], x[1]), new MixingRates(x[2], x[3]), c, aEq, bEq, objective);
    }

    private static double Mean(int cellCount, ConfusionRates group) => (double)cellCount / group.Count;

    private static void RequireBothLabels(ConfusionRates g, string group)
    {
        if (g.Positives == 0 || g.Negatives == 0)
            throw new UserInputException($"{Name}: the {group} needs both labels (it has {g.Positives} positives " +
                $"among {g.Count} rows).");
    }
}
