using System.Globalization;
using System.Text;
using FairCollective.Common;
using FairCollective.Data.Sources;

namespace FairCollective.Tests.Data.Sources;

[Trait(TestKind.Name, TestKind.Unit)]
public class WaterbirdsLoaderTests
{
    private const string Metadata = "datasets/waterbirds/metadata.csv";

    private const string SmallMetadata =
        "img_id,img_filename,y,split,place,place_filename\n" +
        "1,a.jpg,1,0,1,/o/ocean/1.jpg\n" +
        "2,b.jpg,0,0,0,/f/forest/2.jpg\n" +
        "3,c.jpg,1,1,0,/f/forest/3.jpg\n" +
        "4,d.jpg,0,2,1,/l/lake/4.jpg\n";

    [Fact]
    public void EmbeddingsJoinOnImageIdWithOrWithoutHeader()
    {
        using var dir = new TempDirectory();
        string meta = dir.Write("metadata.csv", SmallMetadata);
        // Embedding rows in a different order than the metadata: the join is by img_id.
        string withHeader = dir.Write("e1.csv", "img_id,e0,e1\n4,4.0,-4\n2,2.0,-2\n1,1.5,-1\n3,3.0,-3\n");
        string bare = dir.Write("e2.csv", "4,4.0,-4\n2,2.0,-2\n1,1.5,-1\n3,3.0,-3\n");
        var a = WaterbirdsLoader.Load(new WaterbirdsOptions { MetadataPath = meta, EmbeddingsPath = withHeader });
        var b = WaterbirdsLoader.Load(new WaterbirdsOptions
        {
            MetadataPath = meta, EmbeddingsPath = bare,
            MinorityGroup = WaterbirdsOptions.Land, PlaceAsFeature = true
        });
        Assert.Equal(["e0", "e1"], a.Features.Select(f => f.Name));
        Assert.Equal(["f0", "f1", "place"], b.Features.Select(f => f.Name));
        Assert.Equal([1.5, 2, 3, 4], a.Features[0].Numbers!);
        Assert.Equal([-1.0, -2, -3, -4], b.Features[1].Numbers!);
        Assert.Equal([1, 0, 1, 0], a.Labels);
        Assert.Equal(new string?[] { "train", "train", "validation", "test" }, a.PredefinedSplit!);
        Assert.Equal(["water", "land", "land", "water"], a.Sensitive.GroupOfRow);
        Assert.Equal([true, false, false, true], a.Sensitive.Membership);
        Assert.Equal([false, true, true, false], b.Sensitive.Membership);
    }

    [Fact]
    public void MissingEmbeddingsSayHowToSupplyThem()
    {
        using var dir = new TempDirectory();
        string meta = dir.Write("metadata.csv", SmallMetadata);
        var e = Assert.Throws<UserInputException>(()
            => WaterbirdsLoader.Load(new WaterbirdsOptions { MetadataPath = meta }));
        Assert.Equal("Waterbirds has no bundled image features; supply embeddings with --embeddings FILE: a CSV of " +
            "img_id,f0..fN with one row per image of metadata.csv", e.Message);
        var viaCatalog = Assert.Throws<UserInputException>(() => DatasetCatalog.Load(meta));
        Assert.Equal(e.Message, viaCatalog.Message);
        string partial = dir.Write("e.csv", "1,0.1\n2,0.2\n4,0.4\n");
        Assert.Equal($"{partial}: no embedding for img_id 3 ({meta}, line 4)",
            Assert.Throws<UserInputException>(() => WaterbirdsLoader.Load(new WaterbirdsOptions
            {
                MetadataPath = meta,
                EmbeddingsPath = partial
            })).Message);
    }

    [RequiresSharedDataFact(Metadata)]
    public void RealMetadataKeepsTheCanonicalGroupCountsPerSplit()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder("img_id,z\n");
        for (int id = 1; id <= 11_788; id++) text.Append(id).Append(',').Append((id * 0.25).ToString("R",
            CultureInfo.InvariantCulture)).Append('\n');
        var d = DatasetCatalog.Load(SharedData.File(Metadata), new LoadOptions
        {
            EmbeddingsPath = dir.Write("z.csv",
            text.ToString())
        });
        Assert.Equal(11_788, d.RowCount);
        for (int i = 0; i < d.RowCount; i++) Assert.Equal(int.Parse(d.Ids[i], CultureInfo.InvariantCulture) * 0.25,
            d.Features[0].Numbers![i]);
        // waterbirds/SOURCE.md: (landbird,land) (landbird,water) (waterbird,land) (waterbird,water) per split.
        var expected = new Dictionary<string, int[]>
        {
            ["train"] = [3498, 184, 56, 1057],
            ["validation"] = [467, 466, 133, 133],
            ["test"] = [2255, 2255, 642, 642],
        };
        foreach (var (split, counts) in expected)
        {
            var got = new int[4];
            for (int i = 0; i < d.RowCount; i++)
                if (d.PredefinedSplit![i] == split) got[d.Labels[i] * 2 + (d.Sensitive.GroupOfRow[i] == "water" ? 1 :
                    0)]++;
            Assert.Equal(counts, got);
        }
        Assert.Equal(4737, d.Sensitive.Membership.Count(a => a));
    }
}
