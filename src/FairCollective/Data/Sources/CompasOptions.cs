namespace FairCollective.Data.Sources;

/// <summary>How the ProPublica COMPAS two-year file becomes a <see cref="Dataset"/>.</summary>
public sealed record CompasOptions
{
    /// <summary>COMPAS race value African-American: the default minority.</summary>
    public const string AfricanAmerican = "African-American";
    /// <summary>COMPAS race value Caucasian: the minority of the paper-faithful preset.</summary>
    public const string Caucasian = "Caucasian";
    /// <summary>The default minority (acting group): African-American.</summary>
    public const string DefaultMinority = AfricanAmerican;

    /// <summary>The races kept by default: the two groups the fairness literature compares.</summary>
    public static readonly IReadOnlyList<string> DefaultRaces = [AfricanAmerican, Caucasian];

    /// <summary>Favourable label, African-American minority, race a feature (method.md "favourable-label"
    /// preset).</summary>
    public static CompasOptions Default { get; } = new();

    /// <summary>The configuration closest to the paper: Caucasian (the smaller group) acts, y =
    /// two_year_recid.</summary>
    public static CompasOptions PaperFaithful { get; } = new()
    {
        Label = CompasLabel.Recidivism,
        MinorityGroup = Caucasian
    };

    /// <summary>Label orientation; default <see cref="CompasLabel.Favourable"/>.</summary>
    public CompasLabel Label { get; init; } = CompasLabel.Favourable;

    /// <summary>The race forming the minority (acting group); default <see cref="DefaultMinority"/>.</summary>
    public string MinorityGroup { get; init; } = DefaultMinority;

    /// <summary>Races kept after ProPublica's filters; default <see cref="DefaultRaces"/>; null keeps all
    /// six.</summary>
    public IReadOnlyList<string>? Races { get; init; } = DefaultRaces;

    /// <summary>Whether race is one of the firm's features; default true (method.md: the firm must see it).</summary>
    public bool RaceAsFeature { get; init; } = true;

    /// <summary>A file holding one part of a population (<see cref="LoadOptions.PartialFile"/>); default false. Not
    /// part of the dataset's identity: it relaxes checks only, the rows read are the same.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool PartialFile { get; init; }
}
