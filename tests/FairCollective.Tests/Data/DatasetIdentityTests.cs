using System.Security.Cryptography;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Data.Synthetic;

using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data;

/// <summary>Every loaded dataset says what it is: its data's bytes and the settings that read them.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class DatasetIdentityTests
{
    private const string Csv = "id,x,sex,y\n1,0.5,F,yes\n2,1.5,M,no\n3,2.5,F,no\n4,3.5,M,yes\n";

    private const string Spec = """
        name: loans
        path: d.csv
        id: id
        label: { column: y, favourable: [yes] }
        sensitive: { columns: [sex], minority: [F] }
        """;

    // The same settings: JSON, other key order, other layout, two defaults spelt out.
    private const string SameSpecReformatted = """
        {"sensitive": {"minority": ["F"], "columns": ["sex"]}, "label": {"favourable": ["yes"], "column": "y"},
         "id": "id", "path": "d.csv", "name": "loans", "header": true, "missing": {"policy": "drop-row"}}
        """;

    private static string Sha256(params byte[][] files) =>
        Convert.ToHexStringLower(files.Length == 1 ? SHA256.HashData(files[0]) :
            SHA256.HashData(files.SelectMany(SHA256.HashData).ToArray()));

    [Fact]
    public void ContentHashIsTheFilesSha256AndNameIsTheSpecsName()
    {
        using var dir = new TempDirectory();
        string data = dir.Write("d.csv", Csv);
        var id = DatasetSpecFile.LoadData(dir.Write("s.yaml", Spec)).Identity!;
        Assert.Equal("loans", id.Name);
        Assert.Equal(Sha256(File.ReadAllBytes(data)), id.ContentHash);
        Assert.Equal(64, id.SpecHash.Length);
    }

    [Fact]
    public void SameFileWithTwoSpecsHasTwoIdentities()
    {
        using var dir = new TempDirectory();
        dir.Write("d.csv", Csv);
        var a = DatasetSpecFile.LoadData(dir.Write("a.yaml", Spec)).Identity!;
        var b = DatasetSpecFile.LoadData(dir.Write("b.yaml", Spec.Replace("minority: [F]", "minority: [M]"))).Identity!;
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.SpecHash, b.SpecHash);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void EditingTheFileChangesOnlyTheContentHash()
    {
        using var dir = new TempDirectory();
        dir.Write("d.csv", Csv);
        string spec = dir.Write("s.yaml", Spec);
        var before = DatasetSpecFile.LoadData(spec).Identity!;
        dir.Write("d.csv", Csv.Replace("3.5", "3.6"));
        var after = DatasetSpecFile.LoadData(spec).Identity!;
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.Equal(before.SpecHash, after.SpecHash);
    }

    [Fact]
    public void ReformattedSpecAndEquivalentOverridesKeepTheSpecHash()
    {
        using var dir = new TempDirectory();
        dir.Write("d.csv", Csv);
        var yaml = DatasetSpecFile.LoadData(dir.Write("s.yaml", Spec)).Identity!;
        var json = DatasetSpecFile.LoadData(dir.Write("s.json", SameSpecReformatted)).Identity!;
        Assert.Equal(yaml, json);

        // A command-line minority override is part of the resolved spec: the same as writing it in the file.
        var overridden = DatasetSpecFile.Load(null, Path.Combine(dir.Path, "s.yaml"),
            new LoadOptions { Minority = ["M"] }).Identity!;
        var written = DatasetSpecFile.LoadData(dir.Write("m.yaml", Spec.Replace("minority: [F]",
            "minority: [M]"))).Identity!;
        Assert.Equal(written, overridden);
        Assert.NotEqual(yaml.SpecHash, overridden.SpecHash);
    }

    [Fact]
    public void BundledPresetsHaveStableIdentities()
    {
        var compas = DatasetCatalog.Load("compas").Identity!;
        Assert.Equal(compas, DatasetCatalog.Load("compas").Identity);
        // The bundled file's bytes as stored in the repository (data/compas/compas-scores-two-years.csv.gz).
        Assert.Equal("706137877c1ffafbb8580f2523644bbe34e639dad00922abc6079f8f31d75514", compas.ContentHash);
        Assert.Equal("preset compas\n"
            + """{"label":"Favourable","minorityGroup":"African-American","races":["African-American","Caucasian"],"""
            + "\"raceAsFeature\":true}", DatasetIdentity.Canonical("preset compas", CompasOptions.Default));
        Assert.Equal(DatasetIdentity.HashText(DatasetIdentity.Canonical("preset compas", CompasOptions.Default)),
            compas.SpecHash);

        var paper = DatasetCatalog.Load("compas-recidivism").Identity!;
        Assert.Equal(("compas-recidivism", compas.ContentHash), (paper.Name, paper.ContentHash));
        Assert.NotEqual(compas.SpecHash, paper.SpecHash);
        Assert.NotEqual(compas.SpecHash, DatasetCatalog.Load("compas",
            new LoadOptions { SensitiveAsFeature = false }).Identity!.SpecHash);

        var adult = DatasetCatalog.Load("adult").Identity!;
        Assert.Equal(adult, DatasetCatalog.Load("adult").Identity);
        Assert.Equal(Sha256(Raw(AdultLoader.BundledTrainFile), Raw(AdultLoader.BundledTestFile)), adult.ContentHash);
    }

    [Fact]
    public void FilesByPathHashEveryFileRead()
    {
        using var dir = new TempDirectory();
        string data = Path.Combine(dir.Path, "adult.data.gz"), test = Path.Combine(dir.Path, "adult.test.gz");
        File.WriteAllBytes(data, Raw(AdultLoader.BundledTrainFile));
        File.WriteAllBytes(test, Raw(AdultLoader.BundledTestFile));
        var byPath = DatasetCatalog.Load(data).Identity!;
        var bundled = DatasetCatalog.Load("adult").Identity!;
        Assert.Equal(("adult.data.gz", bundled.ContentHash), (byPath.Name, byPath.ContentHash));
        Assert.NotEqual(bundled.SpecHash, byPath.SpecHash); // a preset and a file layout are read differently
    }

    [Fact]
    public void GeneratedDataIsIdentifiedByItsOptions()
    {
        var a = SyntheticGenerator.Generate(new SyntheticOptions { Seed = 1 }).Data.Identity!;
        Assert.Equal(a, SyntheticGenerator.Generate(new SyntheticOptions { Seed = 1 }).Data.Identity);
        var b = SyntheticGenerator.Generate(new SyntheticOptions { Seed = 2 }).Data.Identity!;
        Assert.NotEqual(a.ContentHash, b.ContentHash);
        Assert.Equal(("toy", "synthetic"), (ToyData.Generate().Data.Identity!.Name, a.Name));
    }

    [Fact]
    public void SubsetsAndHandBuiltDatasetsHaveNoIdentity()
    {
        var compas = DatasetCatalog.Load("compas");
        Assert.Null(compas.Select([0, 1, 2]).Identity);
        Assert.Null(CompasLoader.LoadBundled().Identity);
    }

    private static byte[] Raw(string bundled)
    {
        using var s = EmbeddedData.OpenRaw(bundled);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
