using FairCollective.Common;
using FairCollective.Data;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace FairCollective.Learning.Boosting;

/// <summary>
/// Gradient-boosted trees through ML.NET's FastTreeBinaryTrainer (a well-kept library, so not written by hand).
/// Sample weights go in as FastTree's example-weight column. Deterministic for a seed: the MLContext and FastTree are
/// seeded, and training runs on one thread by default (<see cref="GradientBoostingOptions.Threads"/>) so no
/// parallel reduction order can enter.
/// </summary>
public sealed class GradientBoostingTrainer : ITrainer
{
    /// <summary>A trainer with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="UserInputException">An option is out of range.</exception>
    public GradientBoostingTrainer(GradientBoostingOptions? options = null)
    {
        Options = options ?? new GradientBoostingOptions();
        Options.Validate();
    }

    /// <summary>The validated settings every fit uses.</summary>
    public GradientBoostingOptions Options { get; }

    /// <inheritdoc/>
    public string Name => "gbt";

    /// <inheritdoc/>
    public IClassifier Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> sampleWeights = default)
    {
        var weights = TrainingInput.Validate(Name, x, y, sampleWeights);
        var o = Options;
        var ml = new MLContext(Seeds.Derive(o.Seed, "gbt-mlcontext"));
        var data = FastTreeData.Load(ml, x, y, weights);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = FastTreeData.Label,
            FeatureColumnName = FastTreeData.Features,
            ExampleWeightColumnName = FastTreeData.Weight,
            NumberOfTrees = o.Trees,
            NumberOfLeaves = o.Leaves,
            LearningRate = o.LearningRate,
            MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf,
            Seed = Seeds.Derive(o.Seed, "gbt-fasttree"),
            NumberOfThreads = o.Threads,
        });
        return new GradientBoostingModel(ml, trainer.Fit(data), x.Cols);
    }
}
