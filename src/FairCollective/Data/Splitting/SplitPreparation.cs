using FairCollective.Data.Encoding;
using FairCollective.Data.Synthetic;

namespace FairCollective.Data.Splitting;

/// <summary>Splits one dataset for one seed (stratified by label x group) and encodes it with an encoder fitted on the
/// training rows only.</summary>
public static class SplitPreparation
{
    /// <param name="name">The dataset's display name, carried by the split.</param>
    /// <param name="data">The dataset.</param>
    /// <param name="encoder">How to encode its features.</param>
    /// <param name="synthetic">Generated data only: its causal model (the Oracle's scores and the counterfactual test
    /// rows).</param>
    /// <param name="seed">The split's seed.</param>
    /// <param name="testFraction">Share of rows in the test split.</param>
    /// <param name="given">A split to use instead of the seeded stratified one (imported from another
    /// implementation).</param>
    public static PreparedSplit Prepare(string name, Dataset data, EncoderOptions encoder, SyntheticSample? synthetic,
        int seed, double testFraction,
        DataSplit? given = null)
    {
        var split = given ?? StratifiedSplitter.Split(data, new SplitOptions
        {
            Seed = seed,
            TestFraction = testFraction
        });
        var fitted = TabularEncoder.Fit(data, split.Train, encoder);
        return new PreparedSplit
        {
            Dataset = name,
            Seed = seed,
            TrainX = fitted.Transform(data, split.Train),
            TrainY = Pick(data.Labels, split.Train),
            TrainGroups = data.Sensitive.Membership.Select(split.Train),
            TestX = fitted.Transform(data, split.Test),
            TestY = Pick(data.Labels, split.Test),
            TestGroups = data.Sensitive.Membership.Select(split.Test),
            TrainP0AtCounterfactual = synthetic is null ? null : Pick(synthetic.P0PositiveAtCounterfactual,
                split.Train),
            TestCounterfactualX = synthetic is null ? null : fitted.Transform(synthetic.CounterfactualDataset(),
                split.Test),
            TestCounterfactualLabel = synthetic is null ? null : Pick(synthetic.CounterfactualLabel, split.Test),
            ValidationX = split.Validation.Length == 0 ? null : fitted.Transform(data, split.Validation),
            ValidationY = split.Validation.Length == 0 ? null : Pick(data.Labels, split.Validation),
            ValidationGroups = split.Validation.Length == 0 ? null : data.Sensitive.Membership.Select(split.Validation),
            SensitiveColumns = fitted.Columns.Where(c => data.Sensitive.ColumnNames.Contains(c.Name))
                .SelectMany(c => Enumerable.Range(c.Offset, c.Width)).ToArray(),
        };
    }

    private static T[] Pick<T>(T[] values, int[] rows)
    {
        var picked = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}
