namespace FairCollective.Data.Sources;

/// <summary>How UCI Adult becomes a <see cref="Dataset"/> (defaults: method.md section 5, the Adult preset).</summary>
public sealed record AdultOptions
{
    /// <summary>The default minority: female.</summary>
    public const string DefaultMinority = "Female";

    /// <summary>The defaults: rows with "?" dropped, fnlwgt and education dropped, sex a feature, female
    /// minority.</summary>
    public static AdultOptions Default { get; } = new();

    /// <summary>Drop every row with a "?" field; default true (45,222 rows from 48,842).</summary>
    public bool DropMissingRows { get; init; } = true;

    /// <summary>Drop the census sampling weight fnlwgt (not a property of the person); default true.</summary>
    public bool DropFnlwgt { get; init; } = true;

    /// <summary>Drop the education string (education-num carries the same information, ordered); default
    /// true.</summary>
    public bool DropEducation { get; init; } = true;

    /// <summary>Whether sex is one of the firm's features; default true.</summary>
    public bool SexAsFeature { get; init; } = true;

    /// <summary>The sex forming the minority; default <see cref="DefaultMinority"/>.</summary>
    public string MinorityGroup { get; init; } = DefaultMinority;

    /// <summary>A file holding one part of a population (<see cref="LoadOptions.PartialFile"/>); default false. Not
    /// part of the dataset's identity: it relaxes checks only, the rows read are the same.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool PartialFile { get; init; }
}
