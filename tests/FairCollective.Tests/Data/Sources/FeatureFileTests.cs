using FairCollective.Common;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;

namespace FairCollective.Tests.Data.Sources;

/// <summary>Extra features for any dataset: an id-keyed CSV or a positional .npy array, joined row by row.</summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class FeatureFileTests
{
    private const string Spec = "label: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\nsensitive: { " +
        "columns: [g], minority: [b] }\nid: key\n";
    private const string Csv = "key,x,g,y\nk1,1,a,1\nk2,2,b,0\nk3,3,a,0\nk4,4,b,1\n";

    /// <summary>A .npy file (format 1.0) of float64 <paramref name="values"/>, <paramref name="cols"/> per
    /// row.</summary>
    private static byte[] Npy(double[] values, int cols, string descr = "<f8")
    {
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({values.Length / cols}, {cols}), }}";
        header = header.PadRight((header.Length + 11) / 16 * 16 + 5) + "\n";
        // NumPy pads the header so data starts 16-aligned
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8)]);
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(header));
        foreach (double v in values) bytes.AddRange(descr == "<f8" ? BitConverter.GetBytes(v) :
            BitConverter.GetBytes((float)v));
        return bytes.ToArray();
    }

    [Fact]
    public void AnIdKeyedCsvJoinsByRowIdInAnyOrder()
    {
        using var dir = new TempDirectory();
        string spec = dir.Write("s.yaml", Spec + "path: d.csv\n");
        dir.Write("d.csv", Csv);
        string emb = dir.Write("e.csv", "key,e0,e1\nk4,4.5,-4\nk2,2.5,-2\nk9,9,9\nk1,1.5,-1\nk3,3.5,-3\n");
        var plain = DatasetSpecFile.Load(null, spec);
        var d = DatasetSpecFile.Load(null, spec, new LoadOptions { EmbeddingsPath = emb });
        Assert.Equal(["x", "g", "e0", "e1"], d.Features.Select(f => f.Name));
        Assert.Equal([1.5, 2.5, 3.5, 4.5], d.Features[2].Numbers!);
        Assert.Equal([-1.0, -2, -3, -4], d.Features[3].Numbers!);
        Assert.NotEqual(plain.Identity!.ContentHash, d.Identity!.ContentHash);
        Assert.Equal(plain.Identity.SpecHash, d.Identity.SpecHash);
    }

    [Fact]
    public void ANpyArrayJoinsByPositionInFloat64OrFloat32()
    {
        using var dir = new TempDirectory();
        string spec = dir.Write("s.yaml", Spec + "path: d.csv\n");
        dir.Write("d.csv", Csv);
        string f8 = Path.Combine(dir.Path, "e.npy");
        File.WriteAllBytes(f8, Npy([1, 10, 2, 20, 3, 30, 4, 40], cols: 2));
        var d = DatasetSpecFile.Load(null, spec, new LoadOptions { EmbeddingsPath = f8 });
        Assert.Equal(["x", "g", "f0", "f1"], d.Features.Select(f => f.Name));
        Assert.Equal([10.0, 20, 30, 40], d.Features[3].Numbers!);
        string f4 = Path.Combine(dir.Path, "e4.npy");
        File.WriteAllBytes(f4, Npy([0.5, 1.5, 2.5, 3.5], cols: 1, descr: "<f4"));
        Assert.Equal([0.5, 1.5, 2.5, 3.5], DatasetSpecFile.Load(null, spec,
            new LoadOptions { EmbeddingsPath = f4 }).Features[2].Numbers!);
    }

    [Fact]
    public void MissingRowsWrongShapesAndOtherFilesAreOneLineErrors()
    {
        using var dir = new TempDirectory();
        string spec = dir.Write("s.yaml", Spec + "path: d.csv\n");
        dir.Write("d.csv", Csv);
        string Err(string file) => Assert.Throws<UserInputException>(() => DatasetSpecFile.Load(null, spec,
            new LoadOptions { EmbeddingsPath = file })).Message;
        Assert.EndsWith("e.csv: no features for row id 'k3' of dataset 'd'", Err(dir.Write("e.csv",
            "k1,1\nk2,2\nk4,4\n")));
        string short3 = Path.Combine(dir.Path, "short.npy");
        File.WriteAllBytes(short3, Npy([1, 2, 3], cols: 1));
        Assert.EndsWith("short.npy: 3 rows, but the dataset has 4 (a .npy file holds one row per dataset row, in " +
            "order)", Err(short3));
        string ints = Path.Combine(dir.Path, "ints.npy");
        File.WriteAllBytes(ints, Npy([1, 2, 3, 4], cols: 1, descr: "<i8"));
        Assert.EndsWith("ints.npy: dtype '<i8' is not little-endian float64 or float32", Err(ints));
        Assert.EndsWith("not.npy: not a NumPy .npy file", Err(dir.Write("not.npy", "hello, numpy")));
        Assert.EndsWith("clash.csv: feature 'x' is already a column of dataset 'd'", Err(dir.Write("clash.csv",
            "key,x\nk1,1\nk2,2\nk3,3\nk4,4\n")));
    }
}
