using FairCollective.Data;

namespace FairCollective.Collective;

/// <summary>
/// Everything a strategy may know when it scores the pool: the encoded training features and labels, which rows
/// are the pool, and which majority rows the collective knows (all majority training rows by default, or a seeded
/// sample of m of them). Strategies must read labels and features only of pool members and known majority rows.
/// </summary>
public sealed class StrategyContext
{
    /// <summary>Bundles what a strategy may see; the arrays are kept, not copied.</summary>
    /// <param name="trainFeatures">Encoded training split, n x d.</param>
    /// <param name="trainLabels">True training labels (1 = favourable), length n.</param>
    /// <param name="pool">Training row numbers of the pool.</param>
    /// <param name="knownMajority">Training row numbers of the majority rows the collective knows.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="oracleP0AtCounterfactual">P0(y = 1 | g(x)) per training row on synthetic data; null
    /// otherwise.</param>
    /// <param name="randomPriorities">The Random strategy's priority per training row when imported; null = its seeded
    /// default.</param>
    public StrategyContext(DesignMatrix trainFeatures, int[] trainLabels, int[] pool, int[] knownMajority, int seed,
        double[]? oracleP0AtCounterfactual = null, double[]? randomPriorities = null)
    {
        RandomPriorities = randomPriorities;
        TrainFeatures = trainFeatures;
        TrainLabels = trainLabels;
        Pool = pool;
        KnownMajority = knownMajority;
        Seed = seed;
        OracleP0AtCounterfactual = oracleP0AtCounterfactual;
    }

    /// <summary>Encoded training split (the firm's design matrix), n x d.</summary>
    public DesignMatrix TrainFeatures { get; }

    /// <summary>True training labels, before any relabelling.</summary>
    public int[] TrainLabels { get; }

    /// <summary>Training row numbers of the pool (collective members with y = 0).</summary>
    public int[] Pool { get; }

    /// <summary>Training row numbers of the labelled majority rows the collective knows.</summary>
    public int[] KnownMajority { get; }

    /// <summary>The experiment seed (strategies derive their own streams from it).</summary>
    public int Seed { get; }

    /// <summary>Synthetic data only: P0(y = 1 | g(x)) per training row, from the causal model. Null on real
    /// data.</summary>
    public double[]? OracleP0AtCounterfactual { get; }

    /// <summary>The Random strategy's priority per training row, when imported; null = its seeded default.</summary>
    public double[]? RandomPriorities { get; }
}
