namespace FairCollective.Data.Sources;

/// <summary>How an ACS Income table becomes a <see cref="Dataset"/> (defaults: method.md section 5, the ACS
/// preset).</summary>
public sealed record AcsIncomeOptions
{
    /// <summary>Group label of SEX = 2.</summary>
    public const string Female = "Female";
    /// <summary>Group label of SEX = 1.</summary>
    public const string Male = "Male";
    /// <summary>The default minority: female.</summary>
    public const string DefaultMinority = Female;

    /// <summary>The defaults: SEX a feature, female minority.</summary>
    public static AcsIncomeOptions Default { get; } = new();

    /// <summary>Whether SEX is one of the firm's features (categorical); default true.</summary>
    public bool SexAsFeature { get; init; } = true;

    /// <summary>The sex forming the minority, <see cref="Female"/> (SEX = 2) or <see cref="Male"/> (SEX = 1); default
    /// female.</summary>
    public string MinorityGroup { get; init; } = DefaultMinority;

    /// <summary>A file holding one part of a population (<see cref="LoadOptions.PartialFile"/>); default false. Not
    /// part of the dataset's identity: it relaxes checks only, the rows read are the same.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool PartialFile { get; init; }
}
