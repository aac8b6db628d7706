using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Data.Splitting;
using FairCollective.Data.Synthetic;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;

namespace FairCollective.Experiments.Running;

/// <summary>A dataset ready for experiments: the data, its identity (name and hashes), how to encode it, and (synthetic data only) its causal model.</summary>
public sealed record LoadedDataset(DatasetChoice Choice, DatasetIdentity Identity, Dataset Data, EncoderOptions Encoder, SyntheticSample? Synthetic = null)
{
    /// <summary>The display name every table and cell uses.</summary>
    public string Name => Identity.Name;

    /// <summary>This dataset split for <paramref name="seed"/> and encoded (see <see cref="SplitPreparation"/>).</summary>
    public PreparedSplit Prepare(int seed, double testFraction) => SplitPreparation.Prepare(Name, Data, Encoder, Synthetic, seed, testFraction);
}
