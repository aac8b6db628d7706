using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>A fitted <see cref="ThresholdOptimizer"/>: one randomised threshold rule per group plus the fit
/// diagnostics.</summary>
public sealed class ThresholdOptimizerModel
{
    private const string RandomPurpose = "threshold-optimizer";
    private readonly Dictionary<int, int> _indexOfCode;

    internal ThresholdOptimizerModel(ThresholdOptimizerOptions options, int[] groupCodes, RocPoint[][] hulls,
        GroupThresholdRule[] rules, int gridIndexBest, double bestFpr, double bestTpr, double[] groupTargetTpr, double
            objective)
    {
        Options = options;
        GroupCodes = groupCodes;
        Hulls = hulls;
        Rules = rules;
        GridIndexBest = gridIndexBest;
        BestFalsePositiveRate = bestFpr;
        BestTruePositiveRate = bestTpr;
        GroupTargetTruePositiveRate = groupTargetTpr;
        Objective = objective;
        _indexOfCode = new Dictionary<int, int>();
        for (int g = 0; g < groupCodes.Length; g++) _indexOfCode[groupCodes[g]] = g;
    }

    /// <summary>The options the model was fitted with.</summary>
    public ThresholdOptimizerOptions Options { get; }

    /// <summary>The group codes seen at fit, ascending; the other per-group lists follow this order.</summary>
    public IReadOnlyList<int> GroupCodes { get; }

    /// <summary>Each group's upper ROC convex hull, sorted by FPR (fairlearn's <c>_tradeoff_curve</c>).</summary>
    public IReadOnlyList<RocPoint[]> Hulls { get; }

    /// <summary>Each group's randomised rule (fairlearn's interpolation_dict).</summary>
    public IReadOnlyList<GroupThresholdRule> Rules { get; }

    /// <summary>Index of the chosen point on the FPR grid.</summary>
    public int GridIndexBest { get; }

    /// <summary>The common FPR of every group (fairlearn's x_best).</summary>
    public double BestFalsePositiveRate { get; }

    /// <summary>The minimum over groups of the hull TPR at the chosen FPR (fairlearn's y_best).</summary>
    public double BestTruePositiveRate { get; }

    /// <summary>The TPR each group is brought to; all equal <see cref="BestTruePositiveRate"/> when the tolerance is
    /// 0.</summary>
    public IReadOnlyList<double> GroupTargetTruePositiveRate { get; }

    /// <summary>The expected overall accuracy on the fit data at the chosen point (rounded to 15 decimals).</summary>
    public double Objective { get; }

    /// <summary>The rule of group <paramref name="code"/>.</summary>
    public GroupThresholdRule RuleOf(int code) => Rules[IndexOf(code)];

    /// <summary>P(ŷ = 1) of every row (fairlearn's <c>_pmf_predict(X)[:, 1]</c>).</summary>
    public double[] PositiveProbability(ReadOnlySpan<double> scores, ReadOnlySpan<int> group)
    {
        MitigationInput.SameLength(ThresholdOptimizer.Name, scores.Length, group.Length, "group");
        var result = new double[scores.Length];
        for (int i = 0; i < result.Length; i++) result[i] = Rules[IndexOf(group[i])].PositiveProbability(scores[i]);
        return result;
    }

    /// <summary>One seeded draw: ŷ = 1 where a uniform u in [0,1), one per row in row order, is below P(ŷ =
    /// 1).</summary>
    public int[] Predict(ReadOnlySpan<double> scores, ReadOnlySpan<int> group, int seed)
    {
        var p = PositiveProbability(scores, group);
        var rng = Seeds.Create(seed, RandomPurpose);
        var result = new int[p.Length];
        for (int i = 0; i < p.Length; i++) result[i] = rng.NextDouble() < p[i] ? 1 : 0;
        return result;
    }

    /// <summary>P(ŷ = 1) of every row of a binary membership (a model fitted with its codes: 1 = minority, 0 =
    /// majority).</summary>
    public double[] PositiveProbability(ReadOnlySpan<double> scores, GroupMembership groups)
        => PositiveProbability(scores, groups.Codes);

    /// <summary>One seeded draw for the rows of a binary membership (a model fitted with its codes: 1 = minority, 0 =
    /// majority).</summary>
    public int[] Predict(ReadOnlySpan<double> scores, GroupMembership groups, int seed) => Predict(scores, groups.Codes,
        seed);

    private int IndexOf(int code) => _indexOfCode.TryGetValue(code, out int g) ? g
        : throw new UserInputException($"{ThresholdOptimizer.Name}: group {code} was not seen when fitting.");
}
