using FairCollective.Data.Csv;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FairCollective.Common;

namespace FairCollective.Experiments.Store;

/// <summary>Writes stored cells as CSV (one column per metric) or JSON, for analysis outside FairCollective.</summary>
public static class ResultsExport
{
    private static readonly string[] FixedColumns =
        ["experiment", "dataset", "learner", "method", "seed", "alpha", "members", "majority_rows", "budget", "flips",
            "pool_size", "knob", "scoring_rule", "seconds"];

    /// <summary>
    /// Writes the cells as CSV (UTF-8, no byte-order mark) to <paramref name="path"/> atomically: the file is the
    /// previous one or the complete export, never a part (see <see cref="AtomicFile"/>).
    /// </summary>
    /// <exception cref="UserInputException">The file cannot be written; the message names it.</exception>
    public static void WriteCsv(IReadOnlyList<CellRecord> cells, string path) =>
        AtomicFile.Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true);
            WriteCsv(cells, w);
        });

    /// <summary>Writes missing cells (a partial merge's) as CSV to <paramref name="path"/> atomically: experiment,
    /// cell_key, configuration.</summary>
    /// <exception cref="UserInputException">The file cannot be written; the message names it.</exception>
    public static void WriteMissingCsv(IReadOnlyList<MissingCell> missing, string path) =>
        AtomicFile.WriteAllText(path, "experiment,cell_key,configuration\n"
            + string.Concat(missing.Select(m
                => $"{CsvField.Quote(m.Experiment)},{m.Key},{CsvField.Quote(m.Label)}\n")));

    /// <summary>Writes the cells as a JSON array to <paramref name="path"/> atomically (see
    /// <see cref="AtomicFile"/>).</summary>
    /// <exception cref="UserInputException">The file cannot be written; the message names it.</exception>
    public static void WriteJson(IReadOnlyList<CellRecord> cells, string path) => AtomicFile.Write(path, s
        => WriteJson(cells, s));

    /// <summary>
    /// One header row (the fixed columns, then every metric name in ordinal order) and one row per cell. Text fields
    /// are quoted per RFC 4180 when they hold a comma, quote or line break; they are written exactly as stored (no
    /// spreadsheet-formula guard, which would change the data).
    /// </summary>
    public static void WriteCsv(IReadOnlyList<CellRecord> cells, TextWriter w)
    {
        var metrics = cells.SelectMany(c => c.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        w.WriteLine(string.Join(',', FixedColumns.Concat(metrics)));
        foreach (var c in cells)
        {
            var fields = new List<string>
            {
                Quote(c.Experiment), Quote(c.Dataset), Quote(c.Learner), Quote(c.Method), Num(c.Seed), Num(c.Alpha),
                    Num(c.Members),
                c.MajorityRows is { } m ? Num(m) : "all", Quote(c.Budget), Num(c.Flips), Num(c.PoolSize), c.Knob is { }
                    k ? Num(k) : "", Quote(c.ScoringRule), Num(c.Seconds),
            };
            fields.AddRange(metrics.Select(name => c.Metrics.TryGetValue(name, out var v) ? Num(v) : ""));
            w.WriteLine(string.Join(',', fields));
        }
    }

    /// <summary>A JSON array of one object per cell: its fields, metrics (non-finite values as strings) and
    /// configuration.</summary>
    public static void WriteJson(IReadOnlyList<CellRecord> cells, Stream output)
    {
        using var j = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        j.WriteStartArray();
        foreach (var c in cells)
        {
            j.WriteStartObject();
            j.WriteString("experiment", c.Experiment);
            j.WriteString("dataset", c.Dataset);
            j.WriteString("learner", c.Learner);
            j.WriteString("method", c.Method);
            j.WriteNumber("seed", c.Seed);
            j.WriteNumber("alpha", c.Alpha);
            j.WriteNumber("members", c.Members);
            if (c.MajorityRows is { } m) j.WriteNumber("majority_rows", m); else j.WriteString("majority_rows", "all");
            j.WriteString("budget", c.Budget);
            j.WriteNumber("flips", c.Flips);
            j.WriteNumber("pool_size", c.PoolSize);
            if (c.Knob is { } k) j.WriteNumber("knob", k); else j.WriteNull("knob");
            j.WriteString("scoring_rule", c.ScoringRule);
            j.WriteNumber("seconds", c.Seconds);
            j.WriteStartObject("metrics");
            foreach (var (name, v) in c.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                if (double.IsFinite(v)) j.WriteNumber(name, v);
                else j.WriteString(name,
                    v.ToString(CultureInfo.InvariantCulture));
            j.WriteEndObject();
            j.WritePropertyName("config");
            using (var cfg = JsonDocument.Parse(c.ConfigJson)) cfg.WriteTo(j);
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }

    private static string Num(double v) => double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string s) => CsvField.Quote(s);
}
