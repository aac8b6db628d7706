using System.Globalization;
using System.Runtime.CompilerServices;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// The folktables ACSIncome task from three layouts: a per-state task file (features as floats, PINCP the
/// True/False label), the aequitas-derived national subset (row_index, aequitas_split, features, label) and a raw
/// PUMS person file (built here with folktables' filter). All encode alike (<see cref="FolktablesAcsIncome"/>).
/// </summary>
public static class AcsIncomeLoader
{
    /// <summary>Label column of a per-state task file: True/False for income above the threshold.</summary>
    public const string StateLabelColumn = "PINCP";
    /// <summary>Row id column of the national subset.</summary>
    public const string NationalIdColumn = "row_index";
    /// <summary>Column of the national subset holding aequitas' predefined split.</summary>
    public const string NationalSplitColumn = "aequitas_split";
    /// <summary>Label column of the national subset.</summary>
    public const string NationalLabelColumn = "label";

    /// <summary>The states bundled in the assembly (two-letter codes).</summary>
    public static readonly IReadOnlyList<string> BundledStates = ["AZ", "UT", "WY"];

    // aequitas' split names -> ours. train_sample is a 10% sample of aequitas' 60% train split.
    private static readonly Dictionary<string, string> NationalSplits = new(StringComparer.Ordinal)
    {
        ["train_sample"] = "train",
        ["validation"] = "validation",
        ["test"] = "test",
    };

    internal static readonly string[] PumsSignatureColumns = ["SERIALNO", "SPORDER", "PWGTP", "AGEP", "PINCP", "WKHP"];

    /// <summary>Name of the embedded task file of a bundled <paramref name="state"/> (two-letter code, any case),
    /// relative to data/.</summary>
    public static string BundledStateFile(string state)
        => $"acs_income/ACSIncome_2018_{state.ToUpperInvariant()}.csv.gz";

    /// <summary>Loads a bundled state ("AZ", "UT" or "WY").</summary>
    public static Dataset LoadBundledState(string state, AcsIncomeOptions? options = null)
    {
        if (!BundledStates.Contains(state.ToUpperInvariant()))
            throw new UserInputException($"no bundled ACS Income state '{state}' (bundled: " +
                $"{string.Join(", ", BundledStates)})");
        string file = BundledStateFile(state);
        using var reader = CsvRowReader.Open(EmbeddedData.Open(file), "bundled " + file);
        return LoadStateFile(reader, $"acs-{state.ToLowerInvariant()}", options ?? AcsIncomeOptions.Default);
    }

    /// <summary>Loads a folktables per-state task file (plain or gzip).</summary>
    public static Dataset LoadStateFile(string path, AcsIncomeOptions? options = null)
    {
        using var reader = CsvRowReader.Open(path);
        return LoadStateFile(reader, "acs-income", options ?? AcsIncomeOptions.Default);
    }

    /// <summary>Loads the national subset (row_index, aequitas_split, features, label); the split becomes the
    /// predefined split.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one long loop: skip the unoptimised JIT tier
    public static Dataset LoadNationalSubset(string path, AcsIncomeOptions? options = null)
    {
        using var reader = CsvRowReader.Open(path);
        int[] fields = AcsIncomeTableBuilder.FeatureFields(reader);
        int id = reader.Column(NationalIdColumn), split = reader.Column(NationalSplitColumn), label =
            reader.Column(NationalLabelColumn);
        var table = new AcsIncomeTableBuilder(options ?? AcsIncomeOptions.Default);
        Span<double> values = stackalloc double[fields.Length];
        var splits = NationalSplits.GetAlternateLookup<ReadOnlySpan<char>>();
        while (reader.MoveNext())
        {
            ReadFeatures(reader, fields, values);
            if (!splits.TryGetValue(reader.Span(split), out var ours))
                throw new UserInputException($"{path}, line {reader.LineNumber}, column '{NationalSplitColumn}': " +
                    $"'{reader.String(split)}' is not one of {string.Join(", ", NationalSplits.Keys)}");
            table.Add(reader, values, Binary(reader, label), reader.String(id), ours);
        }
        return table.Build("acs-national-subset", path, "ACS Income 2018, national subset (46% of folktables' rows)",
            hasSplit: true);
    }

    /// <summary>
    /// Builds ACSIncome from a raw PUMS person file with folktables' adult_filter, in file order. Ids are
    /// SERIALNO-SPORDER. Missing features become <see cref="FolktablesAcsIncome.MissingFeatureValue"/>, as in
    /// folktables.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one long loop: skip the unoptimised JIT tier
    public static Dataset BuildFromPums(string path, AcsIncomeOptions? options = null)
    {
        using var reader = CsvRowReader.Open(path);
        int[] fields = AcsIncomeTableBuilder.FeatureFields(reader);
        int agep = reader.Column("AGEP"), pincp = reader.Column("PINCP"), wkhp = reader.Column("WKHP"), pwgtp =
            reader.Column("PWGTP");
        int serial = reader.Column("SERIALNO"), person = reader.Column("SPORDER");
        var table = new AcsIncomeTableBuilder(options ?? AcsIncomeOptions.Default);
        Span<double> values = stackalloc double[fields.Length];
        while (reader.MoveNext())
        {
            double income = Optional(reader, pincp);
            if (!FolktablesAcsIncome.PassesFilter(Optional(reader, agep), income, Optional(reader, wkhp),
                Optional(reader, pwgtp))) continue;
            for (int j = 0; j < fields.Length; j++)
            {
                double v = Optional(reader, fields[j]);
                values[j] = double.IsNaN(v) ? FolktablesAcsIncome.MissingFeatureValue : v;
            }
            table.Add(reader, values, FolktablesAcsIncome.Label(income),
                $"{reader.String(serial)}-{reader.String(person)}", null);
        }
        return table.Build("acs-pums", path, "ACS Income built from a PUMS person file with folktables' filter",
            hasSplit: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one long loop: skip the unoptimised JIT tier
    private static Dataset LoadStateFile(CsvRowReader reader, string name, AcsIncomeOptions options)
    {
        int[] fields = AcsIncomeTableBuilder.FeatureFields(reader);
        int label = reader.Column(StateLabelColumn);
        var table = new AcsIncomeTableBuilder(options);
        Span<double> values = stackalloc double[fields.Length];
        int row = 0;
        while (reader.MoveNext())
        {
            ReadFeatures(reader, fields, values);
            var text = reader.Span(label);
            int y = text.SequenceEqual("True") ? 1 : text.SequenceEqual("False") ? 0
                : throw new UserInputException($"{reader.Source}, line {reader.LineNumber}, column " +
                    $"'{StateLabelColumn}': '{text}' is not True or False");
            table.Add(reader, values, y, (++row).ToString(CultureInfo.InvariantCulture), null);
        }
        return table.Build(name, reader.Source, "ACS Income 2018 (folktables task file)", hasSplit: false);
    }

    private static void ReadFeatures(CsvRowReader reader, int[] fields, Span<double> values)
    {
        for (int j = 0; j < fields.Length; j++) values[j] = reader.Double(fields[j]);
    }

    private static int Binary(CsvRowReader reader, int field) => reader.Double(field) switch
    {
        0 => 0,
        1 => 1,
        _ => throw new UserInputException($"{reader.Source}, line {reader.LineNumber}, column " +
            $"'{reader.Header[field]}': '{reader.String(field)}' is not 0 or 1"),
    };

    // PUMS leaves inapplicable fields empty: NaN, as pandas reads them.
    private static double Optional(CsvRowReader reader, int field)
        => reader.Span(field).IsEmpty ? double.NaN : reader.Double(field);
}
