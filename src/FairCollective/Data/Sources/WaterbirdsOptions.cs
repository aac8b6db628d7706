namespace FairCollective.Data.Sources;

/// <summary>
/// How Waterbirds (metadata.csv plus user-supplied image embeddings) becomes a <see cref="Dataset"/>.
/// The sensitive attribute is the background (place). The default minority is the water background: it is
/// the smaller background overall (4,737 of 11,788 images) and in training (1,241 of 4,795), and it holds the
/// rare training cell landbird-on-water (184 images); the other rare cell, waterbird-on-land (56), lies in the
/// land group, so choose <see cref="Land"/> to make that the acting group instead.
/// </summary>
public sealed record WaterbirdsOptions
{
    /// <summary>Group label of images on a water background.</summary>
    public const string Water = "water";
    /// <summary>Group label of images on a land background.</summary>
    public const string Land = "land";
    /// <summary>The default minority: water background.</summary>
    public const string DefaultMinority = Water;

    /// <summary>Path of metadata.csv (img_id, img_filename, y, split, place, place_filename). Required.</summary>
    public string? MetadataPath { get; init; }

    /// <summary>Path of the embeddings CSV: img_id then one numeric column per dimension (header optional).
    /// Required.</summary>
    public string? EmbeddingsPath { get; init; }

    /// <summary>The background forming the minority, <see cref="Water"/> or <see cref="Land"/>; default
    /// water.</summary>
    public string MinorityGroup { get; init; } = DefaultMinority;

    /// <summary>Whether the background label itself is a feature (categorical); default false, the image embedding
    /// carries it.</summary>
    public bool PlaceAsFeature { get; init; }

    /// <summary>A file holding one part of a population (<see cref="LoadOptions.PartialFile"/>); default false. Not
    /// part of the dataset's identity: it relaxes checks only, the rows read are the same.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool PartialFile { get; init; }
}
