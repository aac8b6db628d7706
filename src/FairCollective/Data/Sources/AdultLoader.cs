using System.Collections.Immutable;
using FairCollective.Common;
using FairCollective.Data.Csv;

namespace FairCollective.Data.Sources;

/// <summary>
/// UCI Adult: adult.data (split "train") and adult.test (split "test"), headerless, ", "-separated, "?" for
/// missing; adult.test starts with "|1x3 Cross validator" and its labels end in a period. y = 1 for "&gt;50K".
/// Ids are "train:N" / "test:N" with N the 1-based record number in its file, stable whatever rows are dropped.
/// </summary>
public static class AdultLoader
{
    /// <summary>Embedded copy of adult.data, relative to data/.</summary>
    public const string BundledTrainFile = "adult/adult.data.gz";
    /// <summary>Embedded copy of adult.test, relative to data/.</summary>
    public const string BundledTestFile = "adult/adult.test.gz";
    /// <summary>Name of the loaded dataset.</summary>
    public const string DatasetName = "adult";
    /// <summary>Predefined split of adult.data's rows.</summary>
    public const string TrainSplit = "train";
    /// <summary>Predefined split of adult.test's rows.</summary>
    public const string TestSplit = "test";
    /// <summary>The field value Adult uses for a missing value.</summary>
    public const string MissingToken = "?";
    /// <summary>Income label meaning y = 1 (adult.test's trailing period removed).</summary>
    public const string FavourableLabel = ">50K";
    /// <summary>Income label meaning y = 0.</summary>
    public const string UnfavourableLabel = "<=50K";

    // UCI's C4.5 format starts comments with '|': adult.test's first line "|1x3 Cross validator" is one.
    private const string CommentPrefix = "|";
    private const int LabelField = 14;
    private const int SexField = 9;

    /// <summary>The 15 columns, in file order (adult.names).</summary>
    public static readonly ImmutableArray<string> Columns =
    [
        "age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship",
        "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income",
    ];

    private static readonly HashSet<string> NumericColumns = ["age", "fnlwgt", "education-num", "capital-gain",
        "capital-loss", "hours-per-week"];

    /// <summary>Loads the copies of adult.data and adult.test bundled in the assembly, with their predefined train/test
    /// split.</summary>
    public static Dataset LoadBundled(AdultOptions? options = null) =>
        Load([
            (EmbeddedData.Open(BundledTrainFile), "bundled " + BundledTrainFile, TrainSplit),
            (EmbeddedData.Open(BundledTestFile), "bundled " + BundledTestFile, TestSplit),
        ], options ?? AdultOptions.Default);

    /// <summary>Loads adult.data and, when given, adult.test (each plain or gzip). One file alone has no predefined
    /// split.</summary>
    public static Dataset Load(string trainPath, string? testPath = null, AdultOptions? options = null)
    {
        var parts = new List<(Stream, string, string?)> { (CsvInput.Open(trainPath), trainPath,
            testPath is null ? null : TrainSplit) };
        try
        {
            if (testPath is not null) parts.Add((CsvInput.Open(testPath), testPath, TestSplit));
        }
        catch
        {
            parts[0].Item1.Dispose();
            throw;
        }
        return Load(parts, options ?? AdultOptions.Default);
    }

    /// <summary>True when the first line of <paramref name="firstLine"/> looks like an Adult record or the test-file
    /// marker.</summary>
    internal static bool LooksLikeAdult(string firstLine)
    {
        if (firstLine.StartsWith(CommentPrefix, StringComparison.Ordinal)) return true;
        var f = firstLine.Split(',');
        return f.Length == Columns.Length && f[LabelField].Trim().TrimEnd('.') is FavourableLabel or UnfavourableLabel;
    }

    private static Dataset Load(IReadOnlyList<(Stream Stream, string Source, string? Split)> parts,
        AdultOptions options)
    {
        var keep = Columns.Take(LabelField)
            .Where(c => !(options.DropFnlwgt && c == "fnlwgt") && !(options.DropEducation && c == "education")
                && !(!options.SexAsFeature && c == "sex"))
            .ToArray();
        int[] keepIndex = keep.Select(c => Columns.IndexOf(c)).ToArray();
        var builders = keep.Select(c => new FeatureColumnBuilder(c,
            NumericColumns.Contains(c) ? FeatureKind.Numeric : FeatureKind.Categorical)).ToArray();
        var labels = new List<int>();
        var groups = new List<string>();
        var ids = new List<string>();
        var split = new List<string?>();
        var readOptions = new CsvReadOptions
        {
            HasHeader = false, ColumnNames = Columns, Trim = true,
            CommentPrefix = CommentPrefix
        };

        using var owned = new StreamsOwner(parts.Select(p => p.Stream));
        for (int p = 0; p < parts.Count; p++)
        {
            var (stream, source, splitName) = parts[p];
            using var reader = CsvRowReader.Open(stream, source, readOptions);
            int record = 0;
            while (reader.MoveNext())
            {
                record++;
                if (options.DropMissingRows && HasMissing(reader)) continue;
                for (int j = 0; j < keepIndex.Length; j++)
                {
                    var b = builders[j];
                    var text = reader.Span(keepIndex[j]);
                    if (b.Kind == FeatureKind.Numeric) b.AddNumber(text.SequenceEqual(MissingToken) ? double.NaN :
                        reader.Double(keepIndex[j]));
                    else if (text.SequenceEqual(MissingToken)) b.AddMissingCategory();
                    else b.AddCategory(text);
                }
                var label = reader.Span(LabelField);
                if (label.EndsWith('.')) label = label[..^1];
                labels.Add(label.SequenceEqual(FavourableLabel) ? 1
                    : label.SequenceEqual(UnfavourableLabel) ? 0
                    : throw new UserInputException($"{source}, line {reader.LineNumber}, column 'income': " +
                        $"'{reader.String(LabelField)}' is not {FavourableLabel} or {UnfavourableLabel}"));
                groups.Add(reader.String(SexField));
                ids.Add($"{splitName ?? "row"}:{record}");
                split.Add(splitName);
            }
        }
        bool hasSplit = parts.Any(p => p.Split is not null);
        string sources = string.Join(" + ", parts.Select(p => p.Source));
        var dataset = new Dataset(DatasetName, builders.Select(b => b.Build(sources)).ToArray(), labels.ToArray(),
            new SensitiveAttribute("sex", groups.ToArray(),
                [options.MinorityGroup]), ids.ToArray(), hasSplit ? split.ToArray() : null,
            $"UCI Adult; y = 1: income >50K; minority " +
                $"{options.MinorityGroup}{(options.DropMissingRows ? "; rows with '?' dropped" : "")}");
        return DatasetChecks.Validate(dataset, sources, options.PartialFile);
    }

    private static bool HasMissing(CsvRowReader reader)
    {
        for (int j = 0; j < reader.FieldCount; j++)
            if (reader.Span(j).SequenceEqual(MissingToken)) return true;
        return false;
    }

    // Disposes every input stream even when an earlier file fails to load.
    private sealed class StreamsOwner(IEnumerable<Stream> streams) : IDisposable
    {
        private readonly Stream[] _streams = streams.ToArray();

        public void Dispose()
        {
            foreach (var s in _streams) s.Dispose();
        }
    }
}
