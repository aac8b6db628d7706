using System.IO.Compression;
using FairCollective.Data;
using FairCollective.Data.Sources;

using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

[Trait(TestKind.Name, TestKind.Unit)]
public class DatasetCatalogTests
{
    [Fact]
    public void ListsEveryNamedDatasetWithADescription()
    {
        var list = DatasetCatalog.List();
        Assert.Equal(["compas", "compas-recidivism", "adult", "acs-az", "acs-ut", "acs-wy", "synthetic", "toy",
            "waterbirds"], list.Select(i => i.Name));
        Assert.All(list, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
        Assert.All(list, i => Assert.DoesNotContain('\n', i.Description));
        Assert.Equal(6, list.Count(i => i.Kind == DatasetKind.Bundled));
        Assert.Equal(["synthetic", "toy"], list.Where(i => i.Kind == DatasetKind.Generated).Select(i => i.Name));
        // Every name that needs no file loads, with its identity; generated ones also give their causal model.
        foreach (var info in list.Where(i => i.NeedsNoFile))
            Assert.NotNull(DatasetCatalog.Load(info.Name).Identity);
        Assert.All(list, i => Assert.Equal(i.Kind == DatasetKind.Generated,
            DatasetCatalog.LoadGenerated(i.Name) is not null));
    }

    [Fact]
    public void NamesLoadTheBundledPresets()
    {
        var paper = DatasetCatalog.Load("compas-recidivism");
        Assert.Equal(["Caucasian"], paper.Sensitive.MinorityGroups);
        Assert.Equal(5278, paper.RowCount);
        var wy = DatasetCatalog.Load("ACS-WY", new LoadOptions { SensitiveAsFeature = false, Minority = ["Male"] });
        Assert.Equal(3064, wy.RowCount);
        Assert.DoesNotContain(wy.Features, f => f.Name == "SEX");
        Assert.Equal(["Male"], wy.Sensitive.MinorityGroups);
    }

    [Fact]
    public void FilesAreRecognisedByTheirColumns()
    {
        using var dir = new TempDirectory();
        string compas = Extract(dir, CompasLoader.BundledFile, "c.csv");
        Assert.Equal(CompasLoader.LoadBundled().Labels, DatasetCatalog.Load(compas).Labels);
        string wy = Extract(dir, AcsIncomeLoader.BundledStateFile("WY"), "wy.csv.gz", gzip: true);
        Assert.Equal(3064, DatasetCatalog.Load(wy).RowCount);
        string data = Extract(dir, AdultLoader.BundledTrainFile, "adult.data");
        Extract(dir, AdultLoader.BundledTestFile, "adult.test");
        var adult = DatasetCatalog.Load(data);
        Assert.Equal(45222, adult.RowCount); // adult.test beside adult.data is picked up
        string alone = Extract(dir, AdultLoader.BundledTestFile, "holdout.txt");
        var test = DatasetCatalog.Load(alone);
        Assert.Equal(15060, test.RowCount);
        Assert.Null(test.PredefinedSplit);
        string national = dir.Write("n.csv",
            "row_index,aequitas_split,AGEP,COW,SCHL,MAR,OCCP,POBP,RELP,WKHP,SEX,RAC1P,label\n" +
            "1,test,53,5,17,5,3605,18,16,40,1,1,0\n9,train_sample,40,1,21,1,10,6,0,45,2,2,1\n");
        var n = DatasetCatalog.Load(national);
        Assert.Equal(new string?[] { "test", "train" }, n.PredefinedSplit!);
        Assert.Equal(["1", "9"], n.Ids);
    }

    [Fact]
    public void PumsFileIsBuiltWithTheFolktablesFilter()
    {
        using var dir = new TempDirectory();
        // Row 2 fails AGEP > 16, row 3 fails PINCP > 100, row 4 fails WKHP > 0 (empty = NaN), row 5 fails PWGTP >= 1.
        // Row 6 has COW missing: folktables' np.nan_to_num turns it into 0.
        string pums = dir.WriteGzip("psam_p99.csv.gz",
            "RT,SERIALNO,SPORDER,PWGTP,AGEP,COW,SCHL,MAR,OCCP,POBP,RELP,WKHP,SEX,PINCP,RAC1P\n" +
            "P,A1,01,10,30,1,21,1,10,6,0,40,2,60000,1\n" +
            "P,A2,01,10,16,1,21,1,10,6,0,40,2,60000,1\n" +
            "P,A3,01,10,30,1,21,1,10,6,0,40,1,100,1\n" +
            "P,A4,01,10,30,1,21,1,10,6,0,,1,70000,1\n" +
            "P,A5,01,0,30,1,21,1,10,6,0,40,1,70000,1\n" +
            "P,A6,02,1,45,,16,5,9130,25,17,20,1,50000,8\n");
        var d = DatasetCatalog.Load(pums);
        Assert.Equal(["A1-01", "A6-02"], d.Ids);
        Assert.Equal([1, 0], d.Labels); // PINCP > 50000 strictly
        Assert.Equal(new string?[] { "1", "0" }, d.Features.Single(f => f.Name == "COW").Categories!);
        Assert.Equal(["Female", "Male"], d.Sensitive.GroupOfRow);
    }

    [Fact]
    public void ADatasetSpecGivenAsThePathLoadsTheDataItNames()
    {
        using var dir = new TempDirectory();
        dir.Write("d.csv", "x,g,y\n1,a,1\n2,b,0\n3,a,0\n4,b,1\n");
        string spec = dir.Write("loans.yaml",
            "path: d.csv\nlabel: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n");
        var d = DatasetSpecFile.Load(spec);
        Assert.Equal(("d", 4), (d.Name, d.RowCount));
        Assert.Equal(d.Identity, DatasetSpecFile.Load(null, spec).Identity);

        string experiment = dir.Write("exp.yml", "datasets: [compas]\n");
        var e = Assert.Throws<FairCollective.Common.UserInputException>(() => DatasetSpecFile.Load(experiment));
        Assert.Equal($"{experiment}, line 1: unknown key 'datasets' in the spec (known: name, path, separator, " +
            "header, columns, trim, id, derived, label, sensitive, features, missing, max_levels)", e.Message);
    }

    private static string Extract(TempDirectory dir, string bundled, string name, bool gzip = false)
    {
        string p = Path.Combine(dir.Path, name);
        using var source = EmbeddedData.Open(bundled);
        using var file = File.Create(p);
        if (gzip)
        {
            using var gz = new GZipStream(file, CompressionLevel.Fastest);
            source.CopyTo(gz);
        }
        else source.CopyTo(file);
        return p;
    }
}
