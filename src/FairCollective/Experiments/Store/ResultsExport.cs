using System.Globalization;
using System.Text.Json;

namespace FairCollective.Experiments.Store;

/// <summary>Writes stored cells as CSV (one column per metric) or JSON, for analysis outside FairCollective.</summary>
public static class ResultsExport
{
    private static readonly string[] FixedColumns =
        ["experiment", "dataset", "learner", "method", "seed", "alpha", "members", "majority_rows", "budget", "flips", "pool_size", "knob", "scoring_rule", "seconds"];

    public static void WriteCsv(IReadOnlyList<CellRecord> cells, TextWriter w)
    {
        var metrics = cells.SelectMany(c => c.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        w.WriteLine(string.Join(',', FixedColumns.Concat(metrics)));
        foreach (var c in cells)
        {
            var fields = new List<string>
            {
                Quote(c.Experiment), Quote(c.Dataset), Quote(c.Learner), Quote(c.Method), Num(c.Seed), Num(c.Alpha), Num(c.Members),
                c.MajorityRows is { } m ? Num(m) : "all", Quote(c.Budget), Num(c.Flips), Num(c.PoolSize), c.Knob is { } k ? Num(k) : "", Quote(c.ScoringRule), Num(c.Seconds),
            };
            fields.AddRange(metrics.Select(name => c.Metrics.TryGetValue(name, out var v) ? Num(v) : ""));
            w.WriteLine(string.Join(',', fields));
        }
    }

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
                if (double.IsFinite(v)) j.WriteNumber(name, v); else j.WriteString(name, v.ToString(CultureInfo.InvariantCulture));
            j.WriteEndObject();
            j.WritePropertyName("config");
            using (var cfg = JsonDocument.Parse(c.ConfigJson)) cfg.WriteTo(j);
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }

    private static string Num(double v) => double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
