using FairCollective.Common;
using FairCollective.Data.Csv;
using FairCollective.Data.Synthetic;

namespace FairCollective.Data.Sources;

/// <summary>
/// The one registry of datasets: bundled in the assembly, generated from a known causal model, or described here
/// and supplied by the user; and loading by name or by path. A path is recognised by its columns: COMPAS two-year file,
/// Adult, ACS state task file, ACS national subset, raw PUMS person file (built with folktables' filter), Waterbirds
/// metadata, HSLS:09 (<see cref="HslsPreset"/>); anything else needs a spec.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>COMPAS, favourable-label preset: y = 1 = no two-year recidivism, African-American minority.</summary>
    public const string Compas = "compas";
    /// <summary>COMPAS, paper-faithful preset: y = 1 = two-year recidivism, Caucasian minority.</summary>
    public const string CompasRecidivism = "compas-recidivism";
    /// <summary>UCI Adult: y = 1 = income above 50K, female minority.</summary>
    public const string Adult = "adult";
    /// <summary>Waterbirds: needs the user's metadata.csv and image embeddings.</summary>
    public const string Waterbirds = "waterbirds";
    /// <summary>Synthetic causal data (A and U cause X and Y) with the exact counterfactual; seed
    /// <see cref="GeneratedDataSeed"/>.</summary>
    public const string Synthetic = "synthetic";
    /// <summary>The paper's 2-D toy picture (200 rows) drawn from the same causal model.</summary>
    public const string Toy = "toy";

    /// <summary>
    /// The synthetic sample is fixed (this seed) whatever the experiment's seeds, which vary the split and the
    /// collective; the toy keeps the seed of the published figure (<see cref="Synthetic.ToyData.DefaultSeed"/>).
    /// </summary>
    public const int GeneratedDataSeed = 0;

    private const string AcsPrefix = "acs-";

    private static readonly Registry<DatasetEntry> Registry = new("dataset",
    [
        new(Compas,
            "COMPAS (ProPublica), 5,278 rows; y = 1 no two-year recidivism; minority African-American; race a feature",
            DatasetKind.Bundled,
            o => BundledCompas(Compas, CompasOptions.Default, o)),
        new(CompasRecidivism,
            "COMPAS paper-faithful preset: y = 1 two-year recidivism; Caucasian (the smaller group) acts",
            DatasetKind.Bundled,
            o => BundledCompas(CompasRecidivism, CompasOptions.PaperFaithful, o)),
        new(Adult, "UCI Adult, 45,222 rows without '?' (train/test files); y = 1 income >50K; minority female",
            DatasetKind.Bundled, o =>
        {
            var adult = Apply(AdultOptions.Default, o, SingleMinority(o, Adult));
            return AdultLoader.LoadBundled(adult).Identify(DatasetIdentity.OfBundled(Adult,
                [AdultLoader.BundledTrainFile, AdultLoader.BundledTestFile], adult));
        }),
        new("acs-az", "ACS Income 2018 Arizona (folktables), 33,277 rows; y = 1 income >50K; minority female",
            DatasetKind.Bundled, o => BundledAcs("az", o)),
        new("acs-ut", "ACS Income 2018 Utah (folktables), 16,337 rows; y = 1 income >50K; minority female",
            DatasetKind.Bundled, o => BundledAcs("ut", o)),
        new("acs-wy", "ACS Income 2018 Wyoming (folktables), 3,064 rows; y = 1 income >50K; minority female",
            DatasetKind.Bundled, o => BundledAcs("wy", o)),
        new(Synthetic,
            "Synthetic causal data, 2,000 rows: A and U cause X and Y, with the exact counterfactual g(x) and P0(y | " +
            "g(x))", DatasetKind.Generated,
            o => Generated(Synthetic, o)) { Generate = ()
                => SyntheticGenerator.Generate(new SyntheticOptions { Seed = GeneratedDataSeed }) },
        new(Toy, "The paper's 2-D toy example, 200 rows from the same causal model", DatasetKind.Generated, o
            => Generated(Toy, o)) { Generate = () => ToyData.Generate() },
        new(Waterbirds, $"Waterbirds: pass its metadata.csv path and {WaterbirdsLoader.EmbeddingsHint}",
            DatasetKind.ByPath,
            _ => throw new UserInputException($"waterbirds is not bundled: give the path of its metadata.csv and " +
                $"{WaterbirdsLoader.EmbeddingsHint}")),
    ]);

    /// <summary>Adds a dataset (a plug-in's, or a library user's at start-up); its name must be new, ignoring
    /// case.</summary>
    /// <exception cref="UserInputException">Another dataset has the name, or the name is empty or padded.</exception>
    public static void Register(DatasetEntry entry) => Registry.Register(entry);

    /// <summary>Every named dataset with its description, in listing order.</summary>
    public static IReadOnlyList<DatasetEntry> List() => Registry.Entries;

    /// <summary>
    /// Loads a catalog name, or a file recognised by its columns, or (with <see cref="LoadOptions.Spec"/>) a
    /// user CSV described by a dataset spec (the file given, or else the spec's <c>path</c>).
    /// The dataset carries its <see cref="Dataset.Identity"/>.
    /// </summary>
    public static Dataset Load(string? nameOrPath, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var data = LoadRows(nameOrPath, options);
        // Waterbirds joins its own embeddings; any other dataset gets the feature file's columns appended by row id.
        return options.EmbeddingsPath is { } features
            && data.Name != WaterbirdsLoader.DatasetName ? FeatureFile.Join(data, features) : data;
    }

    private static Dataset LoadRows(string? nameOrPath, LoadOptions options)
    {
        if (options.Spec is { } spec) return LoadWithSpec(spec, options.SpecSource ?? "dataset spec", nameOrPath,
            options);
        if (string.IsNullOrWhiteSpace(nameOrPath)) throw new
            UserInputException($"no dataset given (known: {KnownNames()})");
        // synthetic(key=value, ...): the generator with those settings (SyntheticName).
        if (SyntheticName.Is(nameOrPath)) return LoadGenerated(nameOrPath)!.Data;
        if (Registry.Find(nameOrPath) is { } entry) return entry.Load(options);
        if (File.Exists(nameOrPath)) return LoadPath(nameOrPath, options);
        if (Directory.Exists(nameOrPath)) InputFile.Require(nameOrPath, "data file");
        bool looksLikePath = nameOrPath.Contains('/') || nameOrPath.Contains('\\') || nameOrPath.Contains('.');
        throw new UserInputException(looksLikePath
            ? $"{nameOrPath}: file not found"
            : $"unknown dataset '{nameOrPath}' (known: {KnownNames()}; or give a file path)");
    }

    private static string KnownNames() => string.Join(", ", Registry.Names);

    /// <summary>
    /// The sample of a generated dataset (<see cref="DatasetKind.Generated"/>), with its causal model: what the
    /// Oracle and S(alpha) need beyond the rows. Null for any other name.
    /// </summary>
    public static SyntheticSample? LoadGenerated(string name) =>
        SyntheticName.Is(name) ? SyntheticGenerator.Generate(SyntheticName.Parse(name)) :
            Registry.Find(name)?.Generate?.Invoke();

    private static Dataset Generated(string name, LoadOptions o)
    {
        if (SingleMinority(o, name) is not null || o.SensitiveAsFeature is not null)
            throw new UserInputException($"{name} is generated: its minority and features are fixed by the causal " +
                "model (no --minority)");
        return LoadGenerated(name)!.Data;
    }

    private static Dataset BundledCompas(string name, CompasOptions preset, LoadOptions o)
    {
        var compas = Apply(preset, o, SingleMinority(o, name));
        return CompasLoader.LoadBundled(compas).Identify(DatasetIdentity.OfBundled(name, [CompasLoader.BundledFile],
            compas));
    }

    private static Dataset BundledAcs(string state, LoadOptions o)
    {
        var acs = Apply(AcsIncomeOptions.Default, o, SingleMinority(o, AcsPrefix + state));
        return AcsIncomeLoader.LoadBundledState(state, acs).Identify(DatasetIdentity.OfBundled(AcsPrefix + state,
            [AcsIncomeLoader.BundledStateFile(state)], acs));
    }

    // Each recognised layout with the options it was read with; the identity hashes the files it read.
    private static Dataset LoadPath(string path, LoadOptions o)
    {
        string firstLine = FirstLine(path);
        var columns = new HashSet<string>(firstLine.Split(',').Select(c => c.Trim()), StringComparer.Ordinal);
        string? minority = SingleMinority(o, path);
        bool acsFeatures = FolktablesAcsIncome.Features.All(columns.Contains);
        Dataset Identified(Dataset d, string layout, object settings, params string[] files) =>
            d.Identify(DatasetIdentity.OfFiles(Path.GetFileName(path), files, layout, settings));
        if (CompasLoader.SignatureColumns.All(columns.Contains))
        {
            var compas = Apply(CompasOptions.Default, o, minority);
            return Identified(CompasLoader.Load(path, compas), "compas file", compas, path);
        }
        if (acsFeatures)
        {
            var acs = Apply(AcsIncomeOptions.Default, o, minority);
            if (columns.Contains(AcsIncomeLoader.NationalSplitColumn)
                && columns.Contains(AcsIncomeLoader.NationalLabelColumn))
                return Identified(AcsIncomeLoader.LoadNationalSubset(path, acs), "acs national subset", acs, path);
            if (AcsIncomeLoader.PumsSignatureColumns.All(columns.Contains))
                return Identified(AcsIncomeLoader.BuildFromPums(path, acs), "acs pums file", acs, path);
            if (columns.Contains(AcsIncomeLoader.StateLabelColumn))
                return Identified(AcsIncomeLoader.LoadStateFile(path, acs), "acs state file", acs, path);
        }
        if (WaterbirdsLoader.SignatureColumns.All(columns.Contains))
        {
            var w = new WaterbirdsOptions
            {
                MetadataPath = path, EmbeddingsPath = o.EmbeddingsPath,
                PartialFile = o.PartialFile
            };
            w = w with
            {
                MinorityGroup = minority ?? w.MinorityGroup,
                PlaceAsFeature = o.SensitiveAsFeature
                ?? w.PlaceAsFeature
            };
            return Identified(WaterbirdsLoader.Load(w), "waterbirds", w with
            {
                MetadataPath = null,
                EmbeddingsPath = null
            }, path, w.EmbeddingsPath!);
        }
        if (HslsPreset.SignatureColumns.All(columns.Contains))
            return LoadWithSpec(HslsPreset.Spec, path, path, o);
        if (AdultLoader.LooksLikeAdult(firstLine))
        {
            var adult = Apply(AdultOptions.Default, o, minority);
            string? test = o.AdultTestPath ?? SiblingAdultTest(path);
            return Identified(AdultLoader.Load(path, test, adult),
                test is null ? "adult data file" : "adult data and test files", adult,
                test is null ? [path] : [path, test]);
        }
        string shown = firstLine.Length > 80 ? firstLine[..80] + "..." : firstLine;
        throw new UserInputException($"{path}: not a known dataset layout (first line: '{shown}'); describe it with " +
            "--spec FILE (a DatasetSpec in YAML or JSON)");
    }

    private static string FirstLine(string path)
    {
        using var stream = CsvInput.Open(path);
        using var text = new StreamReader(stream);
        try
        {
            return text.ReadLine() ?? "";
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"{path}: cannot read ({e.Message})", e);
        }
    }

    // adult.data[.gz] -> adult.test[.gz] in the same directory, when present.
    private static string? SiblingAdultTest(string path)
    {
        string file = Path.GetFileName(path);
        if (!file.StartsWith("adult.data", StringComparison.Ordinal)) return null;
        string test = Path.Combine(Path.GetDirectoryName(path) ?? ".", "adult.test" + file["adult.data".Length..]);
        return File.Exists(test) ? test : null;
    }

    private static Dataset LoadWithSpec(DatasetSpec spec, string specPath, string? dataPath, LoadOptions o)
    {
        if (o.Minority is not null
            && spec.Sensitive is not null) spec = spec with
            {
                Sensitive = spec.Sensitive with
                {
                    Minority =
            o.Minority.ToList()
                }
            };
        if (o.SensitiveAsFeature is { } asFeature
            && spec.Sensitive is not null) spec = spec with
            {
                Sensitive = spec.Sensitive with { AsFeature = asFeature }
            };
        return CsvDatasetLoader.Load(spec, specPath, string.IsNullOrWhiteSpace(dataPath) ? null : dataPath,
            o.PartialFile);
    }

    // The built-in sources have one sensitive column with a single minority value.
    private static string? SingleMinority(LoadOptions o, string dataset) => o.Minority switch
    {
        null => null,
        [var one] => one,
        _ => throw new UserInputException($"{dataset}: give exactly one minority group (got {o.Minority.Count}: " +
            $"{string.Join(", ", o.Minority)})"),
    };

    private static CompasOptions Apply(CompasOptions c, LoadOptions o, string? minority) =>
        c with
        {
            MinorityGroup = minority ?? c.MinorityGroup,
            RaceAsFeature = o.SensitiveAsFeature ?? c.RaceAsFeature,
            PartialFile = o.PartialFile
        };

    private static AdultOptions Apply(AdultOptions a, LoadOptions o, string? minority) =>
        a with
        {
            MinorityGroup = minority ?? a.MinorityGroup,
            SexAsFeature = o.SensitiveAsFeature ?? a.SexAsFeature,
            PartialFile = o.PartialFile
        };

    private static AcsIncomeOptions Apply(AcsIncomeOptions a, LoadOptions o, string? minority) =>
        a with
        {
            MinorityGroup = minority ?? a.MinorityGroup,
            SexAsFeature = o.SensitiveAsFeature ?? a.SexAsFeature,
            PartialFile = o.PartialFile
        };
}
