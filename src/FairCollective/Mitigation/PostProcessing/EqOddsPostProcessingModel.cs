using FairCollective.Common;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>A fitted <see cref="EqOddsPostProcessing"/>: the LP, its solution and the mixing rates applied.</summary>
public sealed class EqOddsPostProcessingModel
{
    private const string RandomPurpose = "eq-odds-postprocessing";

    internal EqOddsPostProcessingModel(EqOddsPostProcessingOptions options, ConfusionRates privilegedBefore,
        ConfusionRates unprivilegedBefore, MixingRates lpPrivileged, MixingRates lpUnprivileged,
        double[] lpCosts, double[,] lpEqualityMatrix, double[] lpEqualityRhs, double lpObjective)
    {
        Options = options;
        PrivilegedBefore = privilegedBefore;
        UnprivilegedBefore = unprivilegedBefore;
        LpPrivileged = lpPrivileged;
        LpUnprivileged = lpUnprivileged;
        Privileged = lpPrivileged.Toward(options.Strength);
        Unprivileged = lpUnprivileged.Toward(options.Strength);
        LpCosts = lpCosts;
        LpEqualityMatrix = lpEqualityMatrix;
        LpEqualityRhs = lpEqualityRhs;
        LpObjective = lpObjective;
    }

    /// <summary>The options the model was fitted with.</summary>
    public EqOddsPostProcessingOptions Options { get; }

    /// <summary>Rates of the hard predictions in each group before post-processing.</summary>
    public ConfusionRates PrivilegedBefore { get; }
    /// <inheritdoc cref="PrivilegedBefore"/>
    public ConfusionRates UnprivilegedBefore { get; }

    /// <summary>The LP solution (λ = 1), AIF360's priv_p2p/priv_n2p and unpriv_p2p/unpriv_n2p.</summary>
    public MixingRates LpPrivileged { get; }
    /// <inheritdoc cref="LpPrivileged"/>
    public MixingRates LpUnprivileged { get; }

    /// <summary>The rates applied by <see cref="Predict"/>: the LP solution moved toward identity by the strength λ.</summary>
    public MixingRates Privileged { get; }
    /// <inheritdoc cref="Privileged"/>
    public MixingRates Unprivileged { get; }

    /// <summary>LP data as AIF360 passes it to linprog: costs c, equality matrix A_eq (2 × 4) and right-hand side b_eq.</summary>
    public IReadOnlyList<double> LpCosts { get; }
    /// <inheritdoc cref="LpCosts"/>
    public double[,] LpEqualityMatrix { get; }
    /// <inheritdoc cref="LpCosts"/>
    public IReadOnlyList<double> LpEqualityRhs { get; }

    /// <summary>c·x at the LP solution.</summary>
    public double LpObjective { get; }

    /// <summary>Expected TPR and FPR of a group on the fit data after post-processing with the applied rates.</summary>
    public (double TruePositiveRate, double FalsePositiveRate) ExpectedRatesAfter(bool privileged) =>
        privileged ? Privileged.ExpectedRates(PrivilegedBefore) : Unprivileged.ExpectedRates(UnprivilegedBefore);

    /// <summary>P(ỹ = 1) of every row: p2p or n2p of its group.</summary>
    public double[] PositiveProbability(ReadOnlySpan<int> yPred, ReadOnlySpan<bool> privileged)
    {
        Check(yPred, privileged);
        var result = new double[yPred.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = (privileged[i] ? Privileged : Unprivileged).PositiveProbability(yPred[i]);
        return result;
    }

    /// <summary>One seeded random relabelling by <see cref="EqOddsPostProcessingOptions.Randomization"/>.</summary>
    public int[] Predict(ReadOnlySpan<int> yPred, ReadOnlySpan<bool> privileged, int seed)
    {
        Check(yPred, privileged);
        var rng = Seeds.Create(seed, RandomPurpose);
        var result = yPred.ToArray();
        if (Options.Randomization == EqOddsRandomization.Bernoulli)
        {
            for (int i = 0; i < result.Length; i++)
                result[i] = rng.NextDouble() < (privileged[i] ? Privileged : Unprivileged).PositiveProbability(yPred[i]) ? 1 : 0;
            return result;
        }
        foreach (bool group in (ReadOnlySpan<bool>)[true, false])
        {
            var rates = group ? Privileged : Unprivileged;
            var positives = new List<int>();
            var negatives = new List<int>();
            for (int i = 0; i < yPred.Length; i++)
                if (privileged[i] == group) (yPred[i] == 1 ? positives : negatives).Add(i);
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

    private static void Check(ReadOnlySpan<int> yPred, ReadOnlySpan<bool> privileged)
    {
        MitigationInput.SameLength(EqOddsPostProcessing.Name, yPred.Length, privileged.Length, "privileged");
        MitigationInput.Binary(EqOddsPostProcessing.Name, yPred, "yPred");
    }
}
