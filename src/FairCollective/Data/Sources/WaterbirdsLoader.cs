using System.Globalization;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// Waterbirds (Sagawa et al. 2020): labels, split and background from metadata.csv; features are image
/// embeddings the user computed elsewhere (no image features ship with FairCollective), joined on img_id.
/// y = 1: waterbird. Split 0/1/2 becomes train/validation/test.
/// </summary>
public static class WaterbirdsLoader
{
    /// <summary>Name of the loaded dataset.</summary>
    public const string DatasetName = "waterbirds";
    /// <summary>How to supply the image embeddings, quoted in messages and listings.</summary>
    public const string EmbeddingsHint =
        "--embeddings FILE: a CSV of img_id,f0..fN with one row per image of metadata.csv";

    internal static readonly string[] SignatureColumns = ["img_id", "img_filename", "y", "split", "place"];
    private static readonly string[] SplitNames = ["train", "validation", "test"];

    /// <summary>Joins metadata.csv and the embeddings on img_id; the dataset keeps metadata's train/validation/test
    /// split.</summary>
    /// <exception cref="Common.UserInputException">A path is not given or not found, the minority is not water or land,
    /// a malformed embeddings file, or an image without an embedding.</exception>
    public static Dataset Load(WaterbirdsOptions options)
    {
        if (options.MetadataPath is null)
            throw new UserInputException("Waterbirds needs its metadata.csv (img_id, img_filename, y, split, place, " +
                "place_filename): give its path");
        if (options.EmbeddingsPath is null)
            throw new UserInputException($"Waterbirds has no bundled image features; supply embeddings with " +
                $"{EmbeddingsHint}");
        InputFile.Require(options.EmbeddingsPath, "embeddings file",
            $"{options.EmbeddingsPath}: embeddings file not found (Waterbirds has no bundled image features; " +
                $"{EmbeddingsHint})");
        if (options.MinorityGroup is not (WaterbirdsOptions.Water or WaterbirdsOptions.Land))
            throw new UserInputException($"Waterbirds minority '{options.MinorityGroup}' is not " +
                $"'{WaterbirdsOptions.Water}' or '{WaterbirdsOptions.Land}'");

        var (names, rowOfImage, vectors) = ReadEmbeddings(options.EmbeddingsPath);
        using var reader = CsvRowReader.Open(options.MetadataPath);
        int idField = reader.Column("img_id"), yField = reader.Column("y"), splitField = reader.Column("split"),
            placeField = reader.Column("place");
        int d = names.Length;
        var columns = names.Select(n => new FeatureColumnBuilder(n, FeatureKind.Numeric)).ToArray();
        var place = new FeatureColumnBuilder("place", FeatureKind.Categorical);
        var labels = new List<int>();
        var groups = new List<string>();
        var ids = new List<string>();
        var split = new List<string?>();
        while (reader.MoveNext())
        {
            string id = reader.String(idField);
            if (!rowOfImage.TryGetValue(id, out int e))
                throw new UserInputException($"{options.EmbeddingsPath}: no embedding for img_id {id} " +
                    $"({reader.Source}, line {reader.LineNumber})");
            for (int j = 0; j < d; j++) columns[j].AddNumber(vectors[e * d + j]);
            string background = Code(reader, placeField, 2) == 1 ? WaterbirdsOptions.Water : WaterbirdsOptions.Land;
            place.AddCategory(background);
            labels.Add(Code(reader, yField, 2));
            groups.Add(background);
            ids.Add(id);
            split.Add(SplitNames[Code(reader, splitField, SplitNames.Length)]);
        }
        var features = columns.Select(c => c.Build(reader.Source)).ToList();
        if (options.PlaceAsFeature) features.Add(place.Build(reader.Source));
        var dataset = new Dataset(DatasetName, features, labels.ToArray(), new SensitiveAttribute("place",
            groups.ToArray(), [options.MinorityGroup]),
            ids.ToArray(), split.ToArray(), $"Waterbirds; y = 1: waterbird; sensitive: background; minority " +
                $"{options.MinorityGroup}; {d} embedding dimensions");
        return DatasetChecks.Validate(dataset, reader.Source, options.PartialFile);
    }

    // Embeddings: img_id then d numbers per row (FeatureFile's id-keyed CSV).
    private static (string[] Names, IReadOnlyDictionary<string, int> RowOfImage,
        double[] Vectors) ReadEmbeddings(string path)
    {
        var file = FeatureFile.ReadCsv(path);
        return (file.Names.ToArray(), file.RowById!, file.Vectors);
    }

    private static int Code(CsvRowReader reader, int field, int count)
    {
        if (reader.TryDouble(field, out double v) && v >= 0 && v < count && v == Math.Floor(v)) return (int)v;
        throw new UserInputException($"{reader.Source}, line {reader.LineNumber}, column '{reader.Header[field]}': " +
            $"'{reader.String(field)}' is not an integer in 0..{count - 1}");
    }
}
