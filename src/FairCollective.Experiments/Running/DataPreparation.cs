using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Data.Splitting;

namespace FairCollective.Experiments.Running;

/// <summary>Splits one dataset for one seed (stratified by label x group) and encodes it with an encoder fitted on the training rows only.</summary>
public static class DataPreparation
{
    public static PreparedSplit Prepare(LoadedDataset loaded, int seed, double testFraction)
    {
        var data = loaded.Data;
        var split = StratifiedSplitter.Split(data, new SplitOptions { Seed = seed, TestFraction = testFraction });
        var encoder = TabularEncoder.Fit(data, split.Train, loaded.Encoder);
        var synthetic = loaded.Synthetic;
        return new PreparedSplit
        {
            Dataset = loaded.Name,
            Seed = seed,
            TrainX = encoder.Transform(data, split.Train),
            TrainY = Pick(data.Labels, split.Train),
            TrainMinority = Pick(data.Sensitive.IsMinority, split.Train),
            TestX = encoder.Transform(data, split.Test),
            TestY = Pick(data.Labels, split.Test),
            TestMinority = Pick(data.Sensitive.IsMinority, split.Test),
            TrainP0AtCounterfactual = synthetic is null ? null : Pick(synthetic.P0PositiveAtCounterfactual, split.Train),
            TestCounterfactualX = synthetic is null ? null : encoder.Transform(synthetic.CounterfactualDataset(), split.Test),
            TestCounterfactualLabel = synthetic is null ? null : Pick(synthetic.CounterfactualLabel, split.Test),
        };
    }

    private static T[] Pick<T>(T[] values, int[] rows)
    {
        var picked = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}
