using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FairCollective.Cli.Output;
using FairCollective.Common;
using FairCollective.Data.Csv;
using FairCollective.Fairness;

namespace FairCollective.Cli.Commands;

/// <summary>
/// `metrics FILE --y-true COL --y-pred COL --group COL [--group COL2] [--minority LABEL] [--weight COL] [--json]`:
/// the by-group table (<see cref="MetricFrame"/>) of a CSV of labelled predictions, with its warnings printed once.
/// </summary>
public static class MetricsCommand
{
    /// <summary>The <c>metrics</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV (or .csv.gz) with a header row: labels, predictions and sensitive columns." };
        var yTrue = new Option<string>("--y-true") { Description = "Column of the true labels (0 or 1).", Required = true };
        var yPred = new Option<string>("--y-pred") { Description = "Column of the predictions (0 or 1).", Required = true };
        var group = new Option<string[]>("--group") { Description = "Sensitive column; repeat for intersections (groups are the combinations, 'F x b').", Required = true };
        var minority = new Option<string[]>("--minority") { Description = "Group label(s) pooled as the minority: adds its signed gaps and the two-group metrics.", AllowMultipleArgumentsPerToken = true };
        var weight = new Option<string?>("--weight") { Description = "Column of sample weights (finite, non-negative)." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var cmd = new Command("metrics", "By-group table of labelled predictions: count, base rate, selection rate, TPR, FPR, FNR, accuracy, error per group; overall; differences and ratios; minority gaps.")
            { file, yTrue, yPred, group, minority, weight, json };
        cmd.SetAction(parse =>
        {
            var input = PredictionsFile.Read(parse.GetValue(file)!, parse.GetValue(yTrue)!, parse.GetValue(yPred)!, parse.GetValue(group)!, parse.GetValue(weight));
            var minorityLabels = parse.GetValue(minority) ?? [];
            var frame = MetricFrame.Compute(input.YTrue, input.YPred, input.Sensitive, new MetricFrameOptions
            {
                SensitiveNames = input.SensitiveNames,
                SampleWeights = input.Weights,
                MinorityGroups = minorityLabels,
            });
            foreach (var label in minorityLabels)
                if (!frame.Groups.Contains(label, StringComparer.Ordinal))
                    throw new UserInputException($"--minority '{label}' matches no group of {input.Path} (groups: {string.Join(", ", frame.Groups)})");
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) WriteJson(frame, input, output);
            else WriteTables(frame, input, output);
            return 0;
        });
        return cmd;
    }

    /// <summary>Short table headers of the built-in columns (the JSON keeps fairlearn's names); user metrics keep theirs.</summary>
    private static string Header(string column) => column switch
    {
        MetricFrameColumns.BaseRate => "base rate",
        MetricFrameColumns.SelectionRate => "selection",
        MetricFrameColumns.TruePositiveRate => "TPR",
        MetricFrameColumns.FalsePositiveRate => "FPR",
        MetricFrameColumns.FalseNegativeRate => "FNR",
        MetricFrameColumns.ErrorRate => "error",
        _ => column,
    };

    private static string F(double v) => double.IsNaN(v) ? "NaN" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Cell(string column, double v) =>
        column == MetricFrameColumns.Count && double.IsFinite(v) && v == Math.Floor(v) ? v.ToString("N0", CultureInfo.InvariantCulture) : F(v);

    private static void WriteTables(MetricFrame frame, PredictionsFile input, TextWriter output)
    {
        var groupsName = string.Join(" x ", frame.SensitiveNames);
        var headers = new List<string> { $"group ({groupsName})" };
        if (frame.Minority is not null) headers.Add("minority");
        headers.AddRange(frame.Columns.Select(Header));
        var table = Tables.Create($"By group: {input.Path}, {input.YTrue.Length.ToString("N0", CultureInfo.InvariantCulture)} rows", headers.ToArray());
        var minority = frame.Minority?.MinorityGroups ?? [];
        for (int g = 0; g < frame.Groups.Count; g++)
        {
            var row = new List<string> { frame.Groups[g] };
            if (frame.Minority is not null) row.Add(minority.Contains(frame.Groups[g]) ? "yes" : "");
            row.AddRange(frame.Columns.Select(c => Cell(c, frame.ByGroup(c)[g])));
            table.AddRow(row.ToArray());
        }
        foreach (var (label, value) in new (string, Func<string, double>)[]
                 { ("overall", frame.Overall), ("difference", frame.Difference), ("ratio", frame.Ratio) })
        {
            var row = new List<string> { label };
            if (frame.Minority is not null) row.Add("");
            row.AddRange(frame.Columns.Select(c => Cell(c, value(c))));
            table.AddRow(row.ToArray());
        }
        Tables.Write(output, table);
        output.WriteLine($"difference and ratio: {MetricCatalogue.BetweenGroupsDifferenceConvention}; {MetricCatalogue.BetweenGroupsRatioConvention}");

        if (frame.Minority is { } report)
        {
            var gaps = Tables.Create(string.Create(CultureInfo.InvariantCulture,
                $"Minority {string.Join(", ", report.MinorityGroups)} ({frame.MinorityValue(MetricFrameColumns.Count):N0} rows) vs the other groups ({frame.MajorityValue(MetricFrameColumns.Count):N0} rows)"), "metric", "minority", "majority", "gap (minority - majority)");
            foreach (var c in frame.Columns.Where(c => c != MetricFrameColumns.Count))
                gaps.AddRow(Header(c), Cell(c, frame.MinorityValue(c)), Cell(c, frame.MajorityValue(c)), Cell(c, frame.MinorityGap(c)));
            Tables.Write(output, gaps);
            var named = Tables.Create("Two-group metrics", "metric", "value", "convention");
            foreach (var metric in TwoGroupMetrics)
            {
                var d = MetricCatalogue.Get(metric);
                named.AddRow(d.Name, F(report[metric]), d.MetricConvention);
            }
            Tables.Write(output, named);
        }
        foreach (var w in frame.Warnings) output.WriteLine($"warning: {w}");
    }

    /// <summary>The minority-vs-majority metrics the command shows: demographic parity, equal opportunity, both equalized odds.</summary>
    private static readonly FairnessMetric[] TwoGroupMetrics =
    [
        FairnessMetric.DemographicParityDifference, FairnessMetric.DemographicParityRatio, FairnessMetric.DisparateImpact,
        FairnessMetric.EqualOpportunityDifference, FairnessMetric.EqOd, FairnessMetric.EqualizedOddsDifferenceWorstCase,
    ];

    private static void WriteJson(MetricFrame frame, PredictionsFile input, TextWriter output)
    {
        Dictionary<string, double> Row(Func<string, double> value) => frame.Columns.ToDictionary(c => c, value);
        var doc = new Dictionary<string, object?>
        {
            ["file"] = input.Path,
            ["rows"] = input.YTrue.Length,
            ["sensitive_feature_names"] = frame.SensitiveNames,
            ["columns"] = frame.Columns,
            ["by_group"] = frame.Groups.Select((g, i) => new Dictionary<string, object>
            {
                ["group"] = g,
                ["values"] = frame.GroupValues[i],
                ["metrics"] = Row(c => frame.ByGroup(c)[i]),
            }).ToArray(),
            ["overall"] = Row(frame.Overall),
            ["difference_between_groups"] = Row(frame.Difference),
            ["ratio_between_groups"] = Row(frame.Ratio),
            ["undefined_rate"] = frame.UndefinedRate.ToString(),
            ["small_group_rows"] = frame.SmallGroupRows,
        };
        if (frame.Minority is { } report)
            doc["minority"] = new Dictionary<string, object>
            {
                ["groups"] = report.MinorityGroups,
                ["minority"] = Row(frame.MinorityValue),
                ["majority"] = Row(frame.MajorityValue),
                ["gap_minority_minus_majority"] = Row(frame.MinorityGap),
                ["metrics"] = TwoGroupMetrics.ToDictionary(m => MetricCatalogue.Get(m).Key, m => report[m]),
            };
        doc["warnings"] = frame.Warnings;
        output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }

    /// <summary>The columns of a predictions CSV the command reads, checked row by row with file, line and column in every error.</summary>
    private sealed record PredictionsFile(string Path, int[] YTrue, int[] YPred, string[] SensitiveNames, string[][] Sensitive, double[]? Weights)
    {
        public static PredictionsFile Read(string path, string yTrueColumn, string yPredColumn, string[] groupColumns, string? weightColumn)
        {
            using var reader = CsvRowReader.Open(path);
            int Find(string name, string option) => reader.TryColumn(name) is var i and >= 0
                ? i
                : throw new UserInputException($"{path}: no column '{name}' for {option} (columns: {string.Join(", ", reader.Header)})");
            int t = Find(yTrueColumn, "--y-true"), p = Find(yPredColumn, "--y-pred");
            var g = groupColumns.Select(c => Find(c, "--group")).ToArray();
            int w = weightColumn is null ? -1 : Find(weightColumn, "--weight");
            var yTrue = new List<int>();
            var yPred = new List<int>();
            var groups = groupColumns.Select(_ => new List<string>()).ToArray();
            var weights = new List<double>();
            while (reader.MoveNext())
            {
                yTrue.Add(Binary(reader, t, "--y-true"));
                yPred.Add(Binary(reader, p, "--y-pred"));
                for (int k = 0; k < g.Length; k++)
                {
                    var value = reader.String(g[k]);
                    if (value.Length == 0) throw new UserInputException($"{path}, line {reader.LineNumber}, column '{reader.Header[g[k]]}': empty group value (--group)");
                    groups[k].Add(value);
                }
                if (w >= 0)
                {
                    double v = reader.Double(w);
                    if (v < 0) throw new UserInputException($"{path}, line {reader.LineNumber}, column '{reader.Header[w]}': weight {reader.String(w)} is negative (--weight)");
                    weights.Add(v);
                }
            }
            if (yTrue.Count == 0) throw new UserInputException($"{path}: no data rows");
            if (w >= 0 && weights.Sum() <= 0)
                throw new UserInputException($"{path}, column '{reader.Header[w]}': the weights of all {yTrue.Count.ToString("N0", CultureInfo.InvariantCulture)} rows sum to zero, so no rate is defined (--weight)");
            return new PredictionsFile(path, yTrue.ToArray(), yPred.ToArray(), groupColumns, groups.Select(l => l.ToArray()).ToArray(), w >= 0 ? weights.ToArray() : null);
        }

        private static int Binary(CsvRowReader reader, int field, string option)
        {
            if (reader.TryDouble(field, out double v) && (v == 0 || v == 1)) return (int)v;
            throw new UserInputException($"{reader.Source}, line {reader.LineNumber}, column '{reader.Header[field]}': '{reader.String(field)}' is not 0 or 1 ({option})");
        }
    }
}
