using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FairCollective.Cli.Output;
using FairCollective.Data;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;

namespace FairCollective.Cli.Commands;

/// <summary>`datasets list` and `datasets describe &lt;name|path&gt;`: what data there is and what it looks
/// like.</summary>
public static class DatasetsCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Machine-readable output." };

    /// <summary>The <c>datasets</c> command with its <c>list</c> and <c>describe</c> subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("datasets", "List the bundled datasets and describe any dataset.");
        command.Add(List());
        command.Add(Describe());
        return command;
    }

    private static Command List()
    {
        var cmd = new Command("list", "The named datasets: bundled ones load without any file.") { Json };
        cmd.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var entries = DatasetCatalog.List();
            if (parse.GetValue(Json))
            {
                output.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
                {
                    name = e.Name,
                    description = e.Description, kind = e.Kind.ToString().ToLowerInvariant(),
                    needs_no_file = e.NeedsNoFile
                }),
                    new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            var table = Tables.Create("Datasets", "name", "kind", "description");
            foreach (var e in entries) table.AddRow(e.Name, e.Kind switch
            {
                DatasetKind.Bundled => "bundled",
                DatasetKind.Generated => "generated",
                _ => "by path"
            }, e.Description);
            Tables.Write(output, table);
            output.WriteLine("Any CSV or .csv.gz loads with --spec FILE (docs/dataset-spec.md); ACS, Adult and " +
                "COMPAS files are recognised by their columns.");
            return 0;
        });
        return cmd;
    }

    private static Command Describe()
    {
        var name = new Argument<string>("dataset") { Description = "A bundled name (datasets list) or a file path." };
        var spec = new Option<string?>("--spec") { Description = "Dataset spec (YAML/JSON) describing a user CSV." };
        var embeddings = new Option<string?>("--embeddings")
        {
            Description =
            "Waterbirds: CSV of img_id and embedding columns."
        };
        var minority = new Option<string[]>("--minority")
        {
            Description = "Override the minority group(s).",
            AllowMultipleArgumentsPerToken = true
        };
        var cmd = new Command("describe", "Rows, columns, label and group balance, base rates per group.") { name, spec,
            embeddings, minority, Json };
        cmd.SetAction(parse =>
        {
            var groups = parse.GetValue(minority);
            var data = DatasetSpecFile.Load(parse.GetValue(name), parse.GetValue(spec), new LoadOptions
            {
                EmbeddingsPath = parse.GetValue(embeddings),
                Minority = groups is { Length: > 0 } ? groups : null,
            });
            var summary = DatasetSummary.Describe(data);
            // Presets share a loader (compas, compas-recidivism): title the summary with the name the user asked for.
            var requested = parse.GetValue(name)!;
            if (DatasetCatalog.List().Any(e => e.Name == requested)) summary = summary with { Name = requested };
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(Json))
                output.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions
                {
                    WriteIndented = true,
                    PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
                    Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
                }));
            else Write(summary, output);
            return 0;
        });
        return cmd;
    }

    private static void Write(DatasetSummary s, TextWriter output)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var overview = Tables.Create($"{s.Name}" + (s.Description is null ? "" : $": {s.Description}"), "rows",
            "features", "positives (y = 1)", "base rate", "sensitive", "minority", "minority share");
        overview.AddRow(N(s.Rows), N(s.Features.Count), N(s.Positives), F(s.PositiveRate), s.SensitiveName,
            string.Join(", ", s.MinorityGroups), F(s.MinorityShare));
        Tables.Write(output, overview);

        if (s.RowsRead is int read && s.RowsDropped is int dropped)
        {
            // Why rows are missing from the overview's count: a row counts under each column missing on it.
            if (dropped == 0) output.WriteLine($"Rows: {N(read)} read, none dropped.");
            else
            {
                var rows = Tables.Create(string.Create(CultureInfo.InvariantCulture,
                    $"Rows: {N(read)} read, {N(dropped)} dropped ({(double)dropped / read:0.0%}) for a missing " +
                    $"value, {N(s.Rows)} kept"),
                    "column", "rows dropped (a row counts under each column it misses)", "share of rows read");
                foreach (var c in s.DroppedByColumn ?? []) rows.AddRow(c.Column, N(c.Rows),
                    ((double)c.Rows / read).ToString("0.0%", CultureInfo.InvariantCulture));
                Tables.Write(output, rows);
            }
        }

        var groups = Tables.Create("Groups", "group", "minority", "rows", "share", "positives",
            "base rate P(y=1 | group)");
        foreach (var g in s.Groups)
            groups.AddRow(g.Group, g.IsMinority ? "yes" : "", N(g.Count), F((double)g.Count / s.Rows), N(g.Positives),
                F(g.BaseRate));
        Tables.Write(output, groups);

        var features = Tables.Create("Features", "column", "kind", "missing", "categories");
        foreach (var f in s.Features)
            features.AddRow(f.Name, f.Kind.ToString().ToLowerInvariant(), N(f.Missing),
                f.Levels?.ToString(CultureInfo.InvariantCulture) ?? "");
        Tables.Write(output, features);

        if (s.Splits is { } splits)
        {
            var t = Tables.Create("Predefined split", "part", "rows");
            foreach (var p in splits) t.AddRow(p.Split, N(p.Count));
            Tables.Write(output, t);
        }
        foreach (var w in s.Warnings ?? []) output.WriteLine($"warning: {w}");
    }
}
