using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Data.Splitting;
using FairCollective.Data.Synthetic;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;

namespace FairCollective.Experiments.Running;

/// <summary>A dataset ready for experiments: the data, its identity (name and hashes), how to encode it, and (synthetic
/// data only) its causal model.</summary>
/// <param name="Choice">How the spec named it.</param>
/// <param name="Identity">Display name, data hash and settings hash, stored with every cell.</param>
/// <param name="Data">The rows: features, labels, groups.</param>
/// <param name="Encoder">How features are encoded; the encoder itself is fitted on each split's training rows.</param>
/// <param name="Synthetic">The generator's sample with its causal model; null for real data.</param>
public sealed record LoadedDataset(DatasetChoice Choice, DatasetIdentity Identity, Dataset Data, EncoderOptions Encoder,
    SyntheticSample? Synthetic = null)
{
    /// <summary>The display name every table and cell uses.</summary>
    public string Name => Identity.Name;

    /// <summary>This dataset split for <paramref name="seed"/> and encoded (see
    /// <see cref="SplitPreparation"/>).</summary>
    /// <param name="seed">The split's seed.</param>
    /// <param name="testFraction">Share of rows in the test split.</param>
    /// <param name="given">A split to use instead of the seeded stratified one (imported).</param>
    public PreparedSplit Prepare(int seed, double testFraction, DataSplit? given = null) =>
        SplitPreparation.Prepare(Name, Data, Encoder, Synthetic, seed, testFraction, given);
}
