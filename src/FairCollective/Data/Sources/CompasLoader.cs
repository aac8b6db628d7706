using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// ProPublica's compas-scores-two-years.csv with ProPublica's standard filters (-30 &lt;= days_b_screening_arrest
/// &lt;= 30, is_recid != -1, c_charge_degree != 'O', score_text != 'N/A'), file order kept. Features are the
/// defendant's record only: never COMPAS's own scores, never names. Columns are found by their first
/// occurrence, so the duplicated decile_score / priors_count headers read the first copy (column 15 for priors).
/// </summary>
public static class CompasLoader
{
    /// <summary>Embedded copy of the two-year file, relative to data/.</summary>
    public const string BundledFile = "compas/compas-scores-two-years.csv.gz";
    /// <summary>Name of the loaded dataset.</summary>
    public const string DatasetName = "compas";

    /// <summary>ProPublica's screening-to-arrest window, in days.</summary>
    public const int MaxDaysFromArrest = 30;

    // Columns that identify a COMPAS two-year file (used by DatasetCatalog to recognise it).
    internal static readonly string[] SignatureColumns = ["id", "days_b_screening_arrest", "is_recid",
        "c_charge_degree", "score_text", "two_year_recid"];

    private static readonly string[] NumericFeatures = ["age", "juv_fel_count", "juv_misd_count", "juv_other_count",
        "priors_count"];

    /// <summary>Loads the copy bundled in the assembly.</summary>
    public static Dataset LoadBundled(CompasOptions? options = null)
    {
        using var reader = CsvRowReader.Open(EmbeddedData.Open(BundledFile), "bundled " + BundledFile);
        return Load(reader, options ?? CompasOptions.Default);
    }

    /// <summary>Loads a compas-scores-two-years.csv (optionally gzip) from <paramref name="path"/>.</summary>
    public static Dataset Load(string path, CompasOptions? options = null)
    {
        using var reader = CsvRowReader.Open(path);
        return Load(reader, options ?? CompasOptions.Default);
    }

    /// <summary>Loads from an open reader positioned after the header.</summary>
    public static Dataset Load(CsvRowReader reader, CompasOptions options)
    {
        int id = reader.Column("id"), sex = reader.Column("sex"), ageCat = reader.Column("age_cat"), race =
            reader.Column("race");
        int days = reader.Column("days_b_screening_arrest"), isRecid = reader.Column("is_recid");
        int degree = reader.Column("c_charge_degree"), scoreText = reader.Column("score_text"), recid =
            reader.Column("two_year_recid");
        int[] numeric = NumericFeatures.Select(reader.Column).ToArray();
        var races = options.Races is null ? null : new HashSet<string>(options.Races, StringComparer.Ordinal);

        var sexCol = new FeatureColumnBuilder("sex", FeatureKind.Categorical);
        var numCols = NumericFeatures.Select(n => new FeatureColumnBuilder(n, FeatureKind.Numeric)).ToArray();
        var degreeCol = new FeatureColumnBuilder("c_charge_degree", FeatureKind.Categorical);
        var ageCatCol = new FeatureColumnBuilder("age_cat", FeatureKind.Categorical);
        var raceCol = new FeatureColumnBuilder("race", FeatureKind.Categorical);
        var labels = new List<int>();
        var groups = new List<string>();
        var ids = new List<string>();

        while (reader.MoveNext())
        {
            // pandas drops rows with an empty days_b_screening_arrest (NaN fails both comparisons); so do we.
            if (reader.Span(days).IsEmpty) continue;
            double d = reader.Double(days);
            if (d < -MaxDaysFromArrest || d > MaxDaysFromArrest) continue;
            if (reader.Double(isRecid) == -1) continue;
            if (reader.Span(degree).SequenceEqual("O")) continue;
            if (reader.Span(scoreText).SequenceEqual("N/A")) continue;
            string r = reader.String(race);
            if (races is not null && !races.Contains(r)) continue;

            sexCol.AddCategory(reader.Span(sex));
            for (int j = 0; j < numeric.Length; j++) numCols[j].AddNumber(reader.Double(numeric[j]));
            degreeCol.AddCategory(reader.Span(degree));
            ageCatCol.AddCategory(reader.Span(ageCat));
            raceCol.AddCategory(r);
            int twoYear = reader.Double(recid) switch
            {
                0 => 0,
                1 => 1,
                _ => throw new Common.UserInputException($"{reader.Source}, line {reader.LineNumber}, column " +
                    $"'two_year_recid': '{reader.String(recid)}' is not 0 or 1"),
            };
            labels.Add(options.Label == CompasLabel.Favourable ? 1 - twoYear : twoYear);
            groups.Add(r);
            ids.Add(reader.String(id));
        }

        var features = new List<FeatureColumn> { sexCol.Build(reader.Source) };
        features.AddRange(numCols.Select(c => c.Build(reader.Source)));
        features.Add(degreeCol.Build(reader.Source));
        features.Add(ageCatCol.Build(reader.Source));
        if (options.RaceAsFeature) features.Add(raceCol.Build(reader.Source));
        string label = options.Label == CompasLabel.Favourable ? "y = 1: no two-year recidivism" :
            "y = 1: two-year recidivism";
        var dataset = new Dataset(DatasetName, features, labels.ToArray(), new SensitiveAttribute("race",
            groups.ToArray(), [options.MinorityGroup]),
            ids.ToArray(), description:
                $"ProPublica COMPAS, standard filters; {label}; minority {options.MinorityGroup}");
        return DatasetChecks.Validate(dataset, reader.Source, options.PartialFile);
    }
}
