using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
                var options = new SyntheticOptions { Seed = SyntheticDataSeed };
                var s = SyntheticGenerator.Generate(options);
                return new LoadedDataset(choice, Generated(SyntheticName, options), s.Data, EncoderOptions.Default, s);
            case ToyName:
                var t = ToyData.Generate();
                return new LoadedDataset(choice, Generated(ToyName, ToyData.Options()), t.Data, EncoderOptions.Default, t);
            default:
                // Bundled names and recognised files carry their method.md section 5 preset (acting group, label
                // orientation, sensitive attribute as a feature, column kinds); the encoder defaults fit them all.
                var data = DatasetCatalog.Load(choice.NameOrPath, new LoadOptions { SpecPath = choice.SpecPath });
                return new LoadedDataset(choice, InterimIdentity(choice, data.Name), data, EncoderOptions.Default);
        }
    }

    // MERGE: replaced by the data layer's dataset identity.
    private static DatasetRef InterimIdentity(DatasetChoice choice, string name)
    {
        static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        string content = File.Exists(choice.NameOrPath) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(choice.NameOrPath))) : Sha(choice.NameOrPath);
        string spec = Sha(choice.NameOrPath + "\n" + (choice.SpecPath is { } p ? File.ReadAllText(p) : ""));
        return new DatasetRef(choice.SpecPath is null && !File.Exists(choice.NameOrPath) ? choice.NameOrPath : name, content, spec);
    }

    // Generated data are their generator's settings: both hashes cover them (the content is a pure function of them).
    private static DatasetRef Generated(string name, SyntheticOptions options)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + JsonSerializer.Serialize(options))));
        return new DatasetRef(name, hash, hash);
    }
}
