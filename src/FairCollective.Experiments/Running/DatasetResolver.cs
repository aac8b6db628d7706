using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;

namespace FairCollective.Experiments.Running;

/// <summary>Turns a spec's dataset choice into data and its identity through the dataset registry
/// (<see cref="DatasetCatalog"/>) and dataset spec files.</summary>
public static class DatasetResolver
{
    /// <summary>Loads <paramref name="choice"/>; generated datasets come with their causal model.</summary>
    public static LoadedDataset Load(DatasetChoice choice)
    {
        // Bundled names and recognised files carry their method.md section 5 preset (acting group, label
        // orientation, sensitive attribute as a feature, column kinds); the encoder defaults fit them all.
        if (choice.SpecPath is null && choice.EmbeddingsPath is null
            && DatasetCatalog.LoadGenerated(choice.NameOrPath) is { } sample)
            return new LoadedDataset(choice, IdentityOf(sample.Data), sample.Data, EncoderOptions.Default, sample);
        var data = DatasetSpecFile.Load(choice.NameOrPath, choice.SpecPath,
            new LoadOptions { EmbeddingsPath = choice.EmbeddingsPath });
        return new LoadedDataset(choice, IdentityOf(data), data, EncoderOptions.Default);
    }

    // Every dataset the registry or a generator returns carries its identity; its name is what tables show.
    private static DatasetIdentity IdentityOf(Dataset data) =>
        data.Identity ?? throw new InvalidOperationException($"dataset '{data.Name}' was loaded without an identity");
}
