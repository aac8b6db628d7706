using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>A fitted <see cref="EqOddsPostProcessing"/>: the LP, its solution and the mixing rates applied.</summary>
public sealed class EqOddsPostProcessingModel
{
    private const string RandomPurpose = "eq-odds-postprocessing";

    internal EqOddsPostProcessingModel(EqOddsPostProcessingOptions options, ConfusionRates majorityBefore,
        ConfusionRates minorityBefore, MixingRates lpMajority, MixingRates lpMinority,
        double[] lpCosts, double[,] lpEqualityMatrix, double[] lpEqualityRhs, double lpObjective)
    {
        Options = options;
        MajorityBefore = majorityBefore;
        MinorityBefore = minorityBefore;
        LpMajority = lpMajority;
        LpMinority = lpMinority;
        Majority = lpMajority.Toward(options.Strength);
        Minority = lpMinority.Toward(options.Strength);
        LpCosts = lpCosts;
        LpEqualityMatrix = lpEqualityMatrix;
        LpEqualityRhs = lpEqualityRhs;
        LpObjective = lpObjective;
    }

    /// <summary>The options the model was fitted with.</summary>
    public EqOddsPostProcessingOptions Options { get; }

    /// <summary>Rates of the majority's hard predictions before post-processing.</summary>
    public ConfusionRates MajorityBefore { get; }
    /// <summary>Rates of the minority's hard predictions before post-processing.</summary>
    public ConfusionRates MinorityBefore { get; }

    /// <summary>The majority's LP solution (λ = 1): AIF360's priv_p2p/priv_n2p (the majority is its privileged
    /// group).</summary>
    public MixingRates LpMajority { get; }
    /// <summary>The minority's LP solution (λ = 1): AIF360's unpriv_p2p/unpriv_n2p.</summary>
    public MixingRates LpMinority { get; }

    /// <summary>The majority's rates applied by <see cref="Predict"/>: the LP solution moved toward identity by the
    /// strength λ.</summary>
    public MixingRates Majority { get; }
    /// <summary>The minority's rates applied by <see cref="Predict"/>: the LP solution moved toward identity by the
    /// strength λ.</summary>
    public MixingRates Minority { get; }

    /// <summary>LP data as AIF360 passes it to linprog: costs c, equality matrix A_eq (2 × 4) and right-hand side
    /// b_eq.</summary>
    public IReadOnlyList<double> LpCosts { get; }
    /// <inheritdoc cref="LpCosts"/>
    public double[,] LpEqualityMatrix { get; }
    /// <inheritdoc cref="LpCosts"/>
    public IReadOnlyList<double> LpEqualityRhs { get; }

    /// <summary>c·x at the LP solution.</summary>
    public double LpObjective { get; }

    /// <summary>Expected TPR and FPR of the minority (<paramref name="minority"/> true) or the majority on the fit data
    /// after post-processing with the applied rates.</summary>
    public (double TruePositiveRate, double FalsePositiveRate) ExpectedRatesAfter(bool minority) =>
        minority ? Minority.ExpectedRates(MinorityBefore) : Majority.ExpectedRates(MajorityBefore);

    /// <summary>P(ỹ = 1) of every row: p2p or n2p of its group.</summary>
    public double[] PositiveProbability(ReadOnlySpan<int> yPred, GroupMembership groups)
    {
        Check(yPred, groups);
        var result = new double[yPred.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = (groups[i] ? Minority : Majority).PositiveProbability(yPred[i]);
        return result;
    }

    /// <summary>One seeded random relabelling by <see cref="EqOddsPostProcessingOptions.Randomization"/>.</summary>
    public int[] Predict(ReadOnlySpan<int> yPred, GroupMembership groups, int seed)
    {
        Check(yPred, groups);
        var rng = Seeds.Create(seed, RandomPurpose);
        var result = yPred.ToArray();
        if (Options.Randomization == EqOddsRandomization.Bernoulli)
        {
            for (int i = 0; i < result.Length; i++)
                result[i] = rng.NextDouble() < (groups[i] ? Minority : Majority).PositiveProbability(yPred[i]) ? 1 : 0;
            return result;
        }
        // Majority first, as AIF360 handles its privileged group first: the random draws stay in its order.
        foreach (bool minority in (ReadOnlySpan<bool>)[false, true])
        {
            var rates = minority ? Minority : Majority;
            var positives = new List<int>();
            var negatives = new List<int>();
            for (int i = 0; i < yPred.Length; i++)
                if (groups[i] == minority) (yPred[i] == 1 ? positives : negatives).Add(i);
            // AIF360 truncates the expected number of flips (int(len · rate)).
            FlipFirst(negatives, (int)(negatives.Count * rates.NegativeToPositive), 1, result, rng);
            FlipFirst(positives, (int)(positives.Count * (1 - rates.PositiveToPositive)), 0, result, rng);
        }
        return result;
    }

    private static void FlipFirst(List<int> rows, int count, int label, int[] result, Random rng)
    {
        var order = Seeds.Permutation(rows.Count, rng);
        for (int k = 0; k < count; k++) result[rows[order[k]]] = label;
    }

    private static void Check(ReadOnlySpan<int> yPred, GroupMembership groups)
    {
        MitigationInput.SameLength(EqOddsPostProcessing.Name, yPred.Length, groups.Count, "groups");
        MitigationInput.Binary(EqOddsPostProcessing.Name, yPred, "yPred");
    }
}
