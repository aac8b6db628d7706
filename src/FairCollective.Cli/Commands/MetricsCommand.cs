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
/// `metrics FILE --y-true COL --y-pred COL --group COL [--group COL2] [--minority LABEL] [--weight COL]
/// [--resamples N] [--level L] [--seed S] [--json]`: the by-group table (<see cref="MetricFrame"/>) of a CSV of
/// labelled predictions with bootstrap intervals over its rows (<see cref="MetricFrameIntervals"/>), its warnings
/// printed once.
/// </summary>
public static class MetricsCommand
{
    /// <summary>The <c>metrics</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description =
            "CSV (or .csv.gz) with a header row: labels, predictions and sensitive columns."
        };
        var yTrue = new Option<string>("--y-true")
        {
            Description = "Column of the true labels (0 or 1).",
            Required = true
        };
        var yPred = new Option<string>("--y-pred")
        {
            Description = "Column of the predictions (0 or 1).",
            Required = true
        };
        var group = new Option<string[]>("--group")
        {
            Description =
            "Sensitive column; repeat for intersections (groups are the combinations, 'F x b').", Required = true
        };
        var minority = new Option<string[]>("--minority")
        {
            Description =
            "Group label(s) pooled as the minority: adds its signed gaps and the two-group metrics.",
            AllowMultipleArgumentsPerToken = true
        };
        var weight = new Option<string?>("--weight")
        {
            Description = "Column of sample weights (finite, non-negative)."
        };
        var where = new Option<string[]>("--where")
        {
            Description = "Keep only rows whose COLUMN holds exactly VALUE (COLUMN=VALUE, e.g. split=test for the " +
                "CSV 'scores' writes); repeat to require several.",
        };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var resamples = new Option<int>("--resamples")
        {
            Description =
                $"Bootstrap resamples of the rows behind every interval (0 = no intervals; at most {MaxResamples:N0}).",
            DefaultValueFactory = _ => BootstrapOptions.DefaultResamples,
        };
        var level = new Option<double>("--level")
        {
            Description = "Two-sided level of the intervals, in (0, 1).",
            DefaultValueFactory = _ => BootstrapOptions.DefaultLevel
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the resamples.", DefaultValueFactory = _ => 0 };
        var cmd = new Command("metrics",
            "By-group table of labelled predictions: count, base rate, selection rate, TPR, FPR, FNR, accuracy, " +
            "error per group; overall; differences and ratios; minority gaps; bootstrap intervals of each.")
            { file, yTrue, yPred, group, minority, weight, where, resamples, level, seed, json };
        cmd.SetAction(parse =>
        {
            var bootstrap = Bootstrap(parse.GetValue(resamples), parse.GetValue(level), parse.GetValue(seed));
            var input = PredictionsFile.Read(parse.GetValue(file)!, parse.GetValue(yTrue)!, parse.GetValue(yPred)!,
                parse.GetValue(group)!, parse.GetValue(weight), Conditions(parse.GetValue(where) ?? []));
            var minorityLabels = parse.GetValue(minority) ?? [];
            var frame = MetricFrame.Compute(input.YTrue, input.YPred, input.Sensitive, new MetricFrameOptions
            {
                SensitiveNames = input.SensitiveNames,
                SampleWeights = input.Weights,
                MinorityGroups = minorityLabels,
                Bootstrap = bootstrap,
            });
            foreach (var label in minorityLabels)
                if (!frame.Groups.Contains(label, StringComparer.Ordinal))
                    throw new UserInputException($"--minority '{label}' matches no group of {input.Path} (groups: " +
                        $"{string.Join(", ", frame.Groups)})");
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) WriteJson(frame, input, output);
            else WriteTables(frame, input, output);
            return 0;
        });
        return cmd;
    }

    /// <summary>Most resamples <c>--resamples</c> accepts, as an experiment's <c>bootstrap.resamples</c>.</summary>
    public const int MaxResamples = FairCollective.Experiments.Specs.SpecLimits.MaxBootstrapResamples;

    /// <summary>The <c>--where</c> conditions, COLUMN=VALUE each (the value may hold '=' itself).</summary>
    private static (string Column, string Value)[] Conditions(string[] where) => where.Select(w =>
    {
        int eq = w.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 ? (w[..eq], w[(eq + 1)..])
            : throw new UserInputException($"--where must be COLUMN=VALUE (e.g. split=test); got '{w}'");
    }).ToArray();

    /// <summary>The bootstrap the options ask for, checked before the file is read; null for <c>--resamples
    /// 0</c>.</summary>
    private static BootstrapOptions? Bootstrap(int resamples, double level, int seed)
    {
        if (resamples is < 0 or > MaxResamples)
            throw new
                UserInputException($"--resamples must lie in 0..{MaxResamples} (0 = no intervals); got {resamples}");
        if (!(level > 0 && level < 1))
            throw new UserInputException($"--level must lie strictly between 0 and 1; got " +
                $"{level.ToString(CultureInfo.InvariantCulture)}");
        return resamples == 0 ? null : new BootstrapOptions { Resamples = resamples, Level = level, Seed = seed };
    }

    /// <summary>Short table headers of the built-in columns (the JSON keeps fairlearn's names); user metrics keep
    /// theirs.</summary>
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
        column == MetricFrameColumns.Count && double.IsFinite(v) && v == Math.Floor(v) ? v.ToString("N0",
            CultureInfo.InvariantCulture) : F(v);

    /// <summary>A value with its interval on a second line, where it has one (to <paramref name="decimals"/> places:
    /// the wide by-group table uses 3).</summary>
    private static string Cell(string column, double v, (double Low, double High)? interval, int decimals = 4) =>
        interval is { } i && !(double.IsNaN(i.Low)
            && double.IsNaN(i.High)) ? $"{Cell(column, v)}\n{Interval(i, decimals)}" : Cell(column, v);

    private static string Interval((double Low, double High) i, int decimals = 4)
    {
        string E(double v) => double.IsNaN(v) ? "NaN" : v.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return $"[{E(i.Low)}, {E(i.High)}]";
    }

    private static void WriteTables(MetricFrame frame, PredictionsFile input, TextWriter output)
    {
        var groupsName = string.Join(" x ", frame.SensitiveNames);
        var headers = new List<string> { $"group ({groupsName})" };
        if (frame.Minority is not null) headers.Add("minority");
        headers.AddRange(frame.Columns.Select(Header));
        var table = Tables.Create($"By group: {input.Path}, " +
            $"{input.YTrue.Length.ToString("N0", CultureInfo.InvariantCulture)} rows{input.Filter()}",
            headers.ToArray());
        var minority = frame.Minority?.MinorityGroups ?? [];
        var intervals = frame.Intervals;
        for (int g = 0; g < frame.Groups.Count; g++)
        {
            var row = new List<string> { frame.Groups[g] };
            if (frame.Minority is not null) row.Add(minority.Contains(frame.Groups[g]) ? "yes" : "");
            int group = g;
            row.AddRange(frame.Columns.Select(c => Cell(c, frame.ByGroup(c)[group], intervals?.ByGroup(c, group),
                decimals: 3)));
            table.AddRow(row.ToArray());
        }
        foreach (var (label, value, interval) in new (string, Func<string, double>, Func<string, (double, double)>?)[]
                 { ("overall", frame.Overall, intervals is null ? null : intervals.Overall), ("difference",
                     frame.Difference, intervals is null ? null : intervals.Difference),
                   ("ratio", frame.Ratio, intervals is null ? null : intervals.Ratio) })
        {
            var row = new List<string> { label };
            if (frame.Minority is not null) row.Add("");
            row.AddRange(frame.Columns.Select(c => Cell(c, value(c), interval?.Invoke(c), decimals: 3)));
            table.AddRow(row.ToArray());
        }
        Tables.Write(output, table);
        output.WriteLine($"difference and ratio: {MetricCatalog.BetweenGroupsDifferenceConvention}; " +
            $"{MetricCatalog.BetweenGroupsRatioConvention}");
        if (intervals is not null) output.WriteLine(IntervalNote(intervals.Options));

        if (frame.Minority is { } report)
        {
            var gaps = Tables.Create(string.Create(CultureInfo.InvariantCulture,
                $"Minority {string.Join(", ", report.MinorityGroups)} " +
                    $"({frame.MinorityValue(MetricFrameColumns.Count):N0} rows) vs the other groups " +
                    $"({frame.MajorityValue(MetricFrameColumns.Count):N0} " +
                    $"rows)"), "metric", "minority", "majority", "gap (minority - majority)");
            foreach (var c in frame.Columns.Where(c => c != MetricFrameColumns.Count))
                gaps.AddRow(Header(c), Cell(c, frame.MinorityValue(c), intervals?.MinorityValue(c)), Cell(c,
                    frame.MajorityValue(c), intervals?.MajorityValue(c)),
                    Cell(c, frame.MinorityGap(c), intervals?.MinorityGap(c)));
            Tables.Write(output, gaps);
            var named = intervals is null
                ? Tables.Create("Two-group metrics", "metric", "value", "definition and convention")
                : Tables.Create("Two-group metrics", "metric", "value", $"{Percent(intervals.Options.Level)} interval",
                    "definition and convention");
            foreach (var metric in TwoGroupMetrics)
            {
                var d = MetricCatalog.Get(metric);
                string described = $"{d.Definition}; {d.MetricConvention}";
                if (intervals is null) named.AddRow(d.Name, F(report[metric]), described);
                else named.AddRow(d.Name, F(report[metric]), Interval(intervals[metric]), described);
            }
            Tables.Write(output, named);
        }
        foreach (var w in frame.Warnings) output.WriteLine($"warning: {w}");
    }

    private static string Percent(double level) => (100 * level).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>One line saying what the intervals are.</summary>
    private static string IntervalNote(BootstrapOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"intervals (second line of a cell; 3 decimals in the by-group table): {Percent(options.Level)} bootstrap " +
            $"over rows, {options.Resamples:N0} resamples, seed {options.Seed}; {IntervalMethod}");

    /// <summary>How the intervals are built, in one sentence (docs/metrics.md has the reasons).</summary>
    private const string IntervalMethod =
        "percentile intervals, except that every unsigned gap, ratio, difference and ratio between groups is bounded " +
        "through intervals of its signed gaps that hold together, so that it can reach parity (docs/metrics.md)";

    /// <summary>The minority-vs-majority metrics the command shows: demographic parity, equal opportunity, both
    /// equalized odds.</summary>
    private static readonly FairnessMetric[] TwoGroupMetrics =
    [
        FairnessMetric.DemographicParityDifference, FairnessMetric.DemographicParityRatio,
            FairnessMetric.DisparateImpact,
        FairnessMetric.EqualOpportunityDifference, FairnessMetric.EqOd, FairnessMetric.EqualizedOddsDifferenceWorstCase,
    ];

    private static void WriteJson(MetricFrame frame, PredictionsFile input, TextWriter output)
    {
        Dictionary<string, double> Row(Func<string, double> value) => frame.Columns.ToDictionary(c => c, value);
        var doc = new Dictionary<string, object?>
        {
            ["file"] = input.Path,
            ["rows"] = input.YTrue.Length,
            ["rows_read"] = input.RowsRead,
            ["where"] = input.Where.Select(c => $"{c.Column}={c.Value}").ToArray(),
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
                ["metrics"] = TwoGroupMetrics.ToDictionary(m => MetricCatalog.Get(m).Key, m => report[m]),
            };
        if (frame.Intervals is { } intervals)
        {
            Dictionary<string, double[]> Ends(Func<string, (double Low, double High)> interval) =>
                frame.Columns.Where(c => !double.IsNaN(interval(c).Low)
                    || !double.IsNaN(interval(c).High)).ToDictionary(c => c, c => new[] { interval(c).Low,
                    interval(c).High });
            var ends = new Dictionary<string, object>
            {
                ["level"] = intervals.Options.Level,
                ["resamples"] = intervals.Options.Resamples,
                ["seed"] = intervals.Options.Seed,
                ["method"] = IntervalMethod,
                ["by_group"] = frame.Groups.Select((g, i) => new Dictionary<string, object>
                {
                    ["group"] = g,
                    ["metrics"] = Ends(c => intervals.ByGroup(c, i))
                }).ToArray(),
                ["overall"] = Ends(intervals.Overall),
                ["difference_between_groups"] = Ends(intervals.Difference),
                ["ratio_between_groups"] = Ends(intervals.Ratio),
            };
            if (frame.Minority is not null)
            {
                ends["minority"] = Ends(intervals.MinorityValue);
                ends["majority"] = Ends(intervals.MajorityValue);
                ends["gap_minority_minus_majority"] = Ends(intervals.MinorityGap);
                ends["metrics"] = TwoGroupMetrics.ToDictionary(m => MetricCatalog.Get(m).Key, m
                    => new[] { intervals[m].Low, intervals[m].High });
            }
            doc["intervals"] = ends;
        }
        doc["warnings"] = frame.Warnings;
        output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }

    /// <summary>The columns of a predictions CSV the command reads, checked row by row with file, line and column in
    /// every error.</summary>
    private sealed record PredictionsFile(string Path, int[] YTrue, int[] YPred, string[] SensitiveNames,
        string[][] Sensitive, double[]? Weights, IReadOnlyList<(string Column, string Value)> Where, int RowsRead)
    {
        /// <summary>", of N read where split=test" when rows were filtered; empty otherwise.</summary>
        public string Filter() => Where.Count == 0
            ? ""
            : $" of {RowsRead.ToString("N0", CultureInfo.InvariantCulture)} read where " +
              string.Join(" and ", Where.Select(c => $"{c.Column}={c.Value}"));

        public static PredictionsFile Read(string path, string yTrueColumn, string yPredColumn, string[] groupColumns,
            string? weightColumn, IReadOnlyList<(string Column, string Value)> where)
        {
            using var reader = CsvRowReader.Open(path);
            int Find(string name, string option) => reader.TryColumn(name) is var i and >= 0
                ? i
                : throw new UserInputException($"{path}: no column '{name}' for {option} (columns: " +
                    $"{string.Join(", ", reader.Header)})");
            int t = Find(yTrueColumn, "--y-true"), p = Find(yPredColumn, "--y-pred");
            var g = groupColumns.Select(c => Find(c, "--group")).ToArray();
            int w = weightColumn is null ? -1 : Find(weightColumn, "--weight");
            var conditions = where.Select(c => (Index: Find(c.Column, "--where"), c.Value)).ToArray();
            int read = 0;
            var yTrue = new List<int>();
            var yPred = new List<int>();
            var groups = groupColumns.Select(_ => new List<string>()).ToArray();
            var weights = new List<double>();
            while (reader.MoveNext())
            {
                read++;
                // Only the kept rows are read further, so a filtered-out row's other columns are never checked.
                if (!conditions.All(c => string.Equals(reader.String(c.Index), c.Value, StringComparison.Ordinal)))
                    continue;
                yTrue.Add(Binary(reader, t, "--y-true"));
                yPred.Add(Binary(reader, p, "--y-pred"));
                for (int k = 0; k < g.Length; k++)
                {
                    var value = reader.String(g[k]);
                    if (value.Length == 0) throw new UserInputException($"{path}, line {reader.LineNumber}, column " +
                        $"'{reader.Header[g[k]]}': empty group value (--group)");
                    groups[k].Add(value);
                }
                if (w >= 0)
                {
                    double v = reader.Double(w);
                    if (v < 0) throw new UserInputException($"{path}, line {reader.LineNumber}, column " +
                        $"'{reader.Header[w]}': weight {reader.String(w)} is negative (--weight)");
                    weights.Add(v);
                }
            }
            if (read == 0) throw new UserInputException($"{path}: no data rows");
            if (yTrue.Count == 0) throw new UserInputException($"{path}: none of its " +
                $"{read.ToString("N0", CultureInfo.InvariantCulture)} rows has " +
                $"{string.Join(" and ", where.Select(c => $"{c.Column}={c.Value}"))} (--where)");
            if (w >= 0 && weights.Sum() <= 0)
                throw new UserInputException($"{path}, column '{reader.Header[w]}': the weights of all " +
                    $"{yTrue.Count.ToString("N0", CultureInfo.InvariantCulture)} rows sum to zero, so no rate is " +
                    "defined (--weight)");
            return new PredictionsFile(path, yTrue.ToArray(), yPred.ToArray(), groupColumns, groups.Select(l
                => l.ToArray()).ToArray(), w >= 0 ? weights.ToArray() : null, where, read);
        }

        private static int Binary(CsvRowReader reader, int field, string option)
        {
            if (reader.TryDouble(field, out double v) && (v == 0 || v == 1)) return (int)v;
            throw new UserInputException($"{reader.Source}, line {reader.LineNumber}, column " +
                $"'{reader.Header[field]}': '{reader.String(field)}' is not 0 or 1 ({option})");
        }
    }
}
