using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Data.Encoding;
using FairCollective.Data.Sources;
using FairCollective.Data.Synthetic;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;

namespace FairCollective.Experiments.Running;

/// <summary>Turns a spec's dataset choice into data and its identity: the synthetic generators by name, otherwise the dataset catalog (names and paths).</summary>
public static class DatasetResolver
{
    public const string SyntheticName = "synthetic";
    public const string ToyName = "toy";

    /// <summary>The synthetic sample is fixed (this seed) across experiment seeds, which vary the split and the collective.</summary>
    public const int SyntheticDataSeed = 0;

    public static LoadedDataset Load(DatasetChoice choice)
    {
        switch (choice.NameOrPath)
        {
            case SyntheticName:
                var s = SyntheticGenerator.Generate(new SyntheticOptions { Seed = SyntheticDataSeed });
                return new LoadedDataset(choice, RefOf(s.Data, SyntheticName), s.Data, EncoderOptions.Default, s);
            case ToyName:
                var t = ToyData.Generate();
                return new LoadedDataset(choice, RefOf(t.Data, ToyName), t.Data, EncoderOptions.Default, t);
            default:
                // Bundled names and recognised files carry their method.md section 5 preset (acting group, label
                // orientation, sensitive attribute as a feature, column kinds); the encoder defaults fit them all.
                var data = DatasetSpecFile.Load(choice.NameOrPath, choice.SpecPath);
                return new LoadedDataset(choice, RefOf(data, null), data, EncoderOptions.Default);
        }
    }

    // Every dataset the catalog or a generator returns carries its identity; its name is what tables show.
    private static DatasetIdentity RefOf(Dataset data, string? name)
    {
        var id = data.Identity ?? throw new InvalidOperationException($"dataset '{data.Name}' was loaded without an identity");
        return name is null ? id : id with { Name = name };
    }
}
