using System.Collections.Immutable;

namespace FairCollective.Data.Sources;

/// <summary>
/// The folktables ACSIncome task definition (Ding, Hardt, Miller, Schmidt 2021): the adult_filter, the ten
/// features in folktables' order, the label and how each feature is encoded here (method.md section 5: OCCP and
/// POBP as numeric codes, COW/MAR/RELP/RAC1P one-hot, SEX categorical).
/// </summary>
public static class FolktablesAcsIncome
{
    /// <summary>Label: y = 1 when PINCP exceeds this (dollars).</summary>
    public const double IncomeThreshold = 50_000;

    /// <summary>adult_filter: AGEP &gt; 16.</summary>
    public const double MinAgeExclusive = 16;

    /// <summary>adult_filter: PINCP &gt; 100.</summary>
    public const double MinIncomeExclusive = 100;

    /// <summary>adult_filter: WKHP &gt; 0.</summary>
    public const double MinHoursExclusive = 0;

    /// <summary>adult_filter: PWGTP &gt;= 1.</summary>
    public const double MinWeightInclusive = 1;

    /// <summary>
    /// The value of a missing feature after folktables' postprocess <c>np.nan_to_num(x, -1)</c>. The -1 there is
    /// numpy's positional <c>copy</c> argument, not <c>nan</c>, so NaN actually becomes 0.0. After the filter no
    /// ACSIncome feature is missing in the 2018 Wyoming file, so this only matters for other inputs.
    /// </summary>
    public const double MissingFeatureValue = 0.0;

    /// <summary>The ACS sex column, both the sensitive attribute and (by default) a feature.</summary>
    public const string SexColumn = "SEX";
    /// <summary>SEX code of male persons.</summary>
    public const double SexMaleCode = 1;
    /// <summary>SEX code of female persons.</summary>
    public const double SexFemaleCode = 2;

    /// <summary>The ten features in folktables' order.</summary>
    public static readonly ImmutableArray<string> Features = ["AGEP", "COW", "SCHL", "MAR", "OCCP", "POBP", "RELP",
        "WKHP", "SEX", "RAC1P"];

    /// <summary>Features encoded as categories (one-hot later); the rest are numeric.</summary>
    public static readonly IReadOnlySet<string> CategoricalFeatures = new HashSet<string> { "COW", "MAR", "RELP", "SEX",
        "RAC1P" };

    /// <summary>folktables' adult_filter. NaN fails every comparison, as in pandas.</summary>
    public static bool PassesFilter(double agep, double pincp, double wkhp, double pwgtp) =>
        agep > MinAgeExclusive && pincp > MinIncomeExclusive && wkhp > MinHoursExclusive && pwgtp >= MinWeightInclusive;

    /// <summary>y from personal income <paramref name="pincp"/>: 1 (favourable) when above
    /// <see cref="IncomeThreshold"/>, else 0.</summary>
    public static int Label(double pincp) => pincp > IncomeThreshold ? 1 : 0;
}
