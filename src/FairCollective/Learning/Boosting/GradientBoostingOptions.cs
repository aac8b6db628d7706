using FairCollective.Common;

namespace FairCollective.Learning.Boosting;

/// <summary>Settings of <see cref="GradientBoostingTrainer"/> (ML.NET FastTree's defaults for the named
/// knobs).</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Default boosting rounds (ML.NET's).</summary>
    public const int DefaultTrees = 100;
    /// <summary>Default most leaves per tree (ML.NET's).</summary>
    public const int DefaultLeaves = 31;
    /// <summary>Default shrinkage per tree (ML.NET's).</summary>
    public const double DefaultLearningRate = 0.1;
    /// <summary>Default fewest rows per leaf (ML.NET's).</summary>
    public const int DefaultMinExamplesPerLeaf = 20;
    /// <summary>Default seed.</summary>
    public const int DefaultSeed = 0;
    /// <summary>Default training threads: one, so the model is reproducible by construction.</summary>
    public const int DefaultThreads = 1;
    /// <summary>Most <see cref="Trees"/>: a thousand times the default.</summary>
    public const int TreesLimit = 100_000;
    /// <summary>Most <see cref="Leaves"/> per tree.</summary>
    public const int LeavesLimit = 10_000;
    /// <summary>Most <see cref="MinExamplesPerLeaf"/>.</summary>
    public const int MinExamplesPerLeafLimit = 1_000_000;

    /// <summary>Boosting rounds (ML.NET NumberOfTrees). Default <see cref="DefaultTrees"/>.</summary>
    public int Trees { get; init; } = DefaultTrees;

    /// <summary>Most leaves per tree (ML.NET NumberOfLeaves). Default <see cref="DefaultLeaves"/>.</summary>
    public int Leaves { get; init; } = DefaultLeaves;

    /// <summary>Shrinkage per tree. Default <see cref="DefaultLearningRate"/>.</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;

    /// <summary>Fewest training rows in a leaf (ML.NET MinimumExampleCountPerLeaf; counts rows, not weight).</summary>
    public int MinExamplesPerLeaf { get; init; } = DefaultMinExamplesPerLeaf;

    /// <summary>Seed for MLContext and FastTree's own generator.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// FastTree's training threads. Default <see cref="DefaultThreads"/> = 1 so results are reproducible by
    /// construction; FastTree splits its work over features, and a test checks that more threads give the same
    /// model on a fixture, but that is not a documented guarantee of ML.NET.
    /// </summary>
    public int Threads { get; init; } = DefaultThreads;

    internal void Validate()
    {
        if (Threads < 1) throw new UserInputException($"gbt: option Threads must be at least 1, got {Threads}.");
        if (Trees < 1) throw new UserInputException($"gbt: option Trees must be at least 1, got {Trees}.");
        if (Leaves < 2) throw new UserInputException($"gbt: option Leaves must be at least 2, got {Leaves}.");
        if (!(LearningRate > 0)
            || !double.IsFinite(LearningRate)) throw new
            UserInputException($"gbt: option LearningRate must be positive, got {LearningRate}.");
        if (MinExamplesPerLeaf < 1) throw new
            UserInputException($"gbt: option MinExamplesPerLeaf must be at least 1, got {MinExamplesPerLeaf}.");
        CountLimit.Check(Trees, TreesLimit, "gbt: option Trees");
        CountLimit.Check(Leaves, LeavesLimit, "gbt: option Leaves");
        CountLimit.Check(MinExamplesPerLeaf, MinExamplesPerLeafLimit, "gbt: option MinExamplesPerLeaf");
    }
}
