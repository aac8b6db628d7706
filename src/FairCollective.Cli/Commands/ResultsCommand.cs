using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FairCollective.Cli.Output;
using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;

namespace FairCollective.Cli.Commands;

/// <summary>`results show` (tables of mean and spread over seeds) and `results export` (CSV / JSON).</summary>
public static class ResultsCommand
{
    /// <summary>The <c>results</c> command with its <c>show</c> and <c>export</c> subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("results", "Inspect and export a results store.");
        command.Add(Show());
        command.Add(Export());
        return command;
    }

    private static Command Show()
    {
        var store = new Argument<string>("store") { Description = "Path of the results store (.sqlite)." };
        var experiment = new Option<string?>("--experiment") { Description = "Only this experiment." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var cmd = new Command("show", "Best EqOd by alpha and EqOd by budget: mean ± sample std over seeds.") { store, experiment, json };
        cmd.SetAction(parse =>
        {
            using var s = ResultsStore.Open(parse.GetValue(store)!, StoreAccess.Read);
            var cells = CellsOf(s, parse.GetValue(experiment));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) WriteJson(cells, output);
            else WriteTables(cells, output);
            return 0;
        });
        return cmd;
    }

    private static Command Export()
    {
        var store = new Argument<string>("store") { Description = "Path of the results store (.sqlite)." };
        var csv = new Option<string?>("--csv") { Description = "Write every cell as CSV to this file." };
        var json = new Option<string?>("--json") { Description = "Write every cell as JSON to this file." };
        var experiment = new Option<string?>("--experiment") { Description = "Only this experiment." };
        var cmd = new Command("export", "Export every stored cell with its configuration.") { store, csv, json, experiment };
        cmd.SetAction(parse =>
        {
            string? csvPath = parse.GetValue(csv), jsonPath = parse.GetValue(json);
            if (csvPath is null && jsonPath is null) throw new UserInputException("results export needs --csv FILE and/or --json FILE");
            using var s = ResultsStore.Open(parse.GetValue(store)!, StoreAccess.Read);
            var cells = CellsOf(s, parse.GetValue(experiment));
            // Atomic: a failed or interrupted export leaves the previous file (or none), never a truncated one.
            if (csvPath is not null) ResultsExport.WriteCsv(cells, csvPath);
            if (jsonPath is not null) ResultsExport.WriteJson(cells, jsonPath);
            parse.InvocationConfiguration.Output.WriteLine($"exported {cells.Count} cells" + (csvPath is null ? "" : $" to {csvPath}") + (jsonPath is null ? "" : $" and {jsonPath}"));
            return 0;
        });
        return cmd;
    }

    /// <summary>The cells of one experiment (or all); an experiment the store does not hold, or a store without cells, is a user error.</summary>
    internal static IReadOnlyList<CellRecord> CellsOf(ResultsStore store, string? experiment)
    {
        if (experiment is not null && !store.Experiments().Contains(experiment))
        {
            var known = store.Experiments();
            throw new UserInputException($"results store '{store.Path}' holds no experiment '{experiment}'" +
                                         (known.Count == 0 ? " (it holds none)" : $" (it holds: {string.Join(", ", known)})"));
        }
        var cells = store.Cells(experiment);
        if (cells.Count == 0) throw new UserInputException($"results store '{store.Path}' holds no cells" + (experiment is null ? "" : $" for experiment '{experiment}'"));
        return cells;
    }

    internal static void WriteTables(IReadOnlyList<CellRecord> cells, TextWriter output, bool includeBudgets = true)
    {
        foreach (var experiment in cells.GroupBy(c => c.Experiment).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var best = ResultsSummary.BestByAlpha(experiment);
            var table = Tables.Create($"{experiment.Key}: best EqOd by alpha (min over budgets of the seed-mean; mean ± std over seeds)",
                "dataset", "learner", "m", "method", "alpha", "best budget", "flips", "EqOd", "error", "seeds");
            foreach (var r in best)
                table.AddRow(r.Dataset, r.Learner, r.MajorityRows?.ToString(CultureInfo.InvariantCulture) ?? "all", r.Method, r.Alpha.ToString("0.###", CultureInfo.InvariantCulture),
                    r.BestBudget, r.MeanFlips.ToString("0.#", CultureInfo.InvariantCulture), r.EqOd.ToString(), r.Error.ToString(), r.EqOd.Count.ToString(CultureInfo.InvariantCulture));
            Tables.Write(output, table);

            if (experiment.Any(c => c.Knob is not null)) WriteFronts(experiment.ToArray(), output);
            if (!includeBudgets) continue;
            var byBudget = ResultsSummary.ByBudget(experiment).Where(r => r.Method != ResultsSummary.BaseMethod).ToArray();
            var budgetTable = Tables.Create($"{experiment.Key}: EqOd by budget", "dataset", "learner", "m", "method", "alpha", "budget", "flips", "EqOd", "error");
            foreach (var r in byBudget)
                budgetTable.AddRow(r.Dataset, r.Learner, r.MajorityRows?.ToString(CultureInfo.InvariantCulture) ?? "all", r.Method, r.Alpha.ToString("0.###", CultureInfo.InvariantCulture),
                    r.Budget, r.MeanFlips.ToString("0.#", CultureInfo.InvariantCulture), r.EqOd.ToString(), r.Error.ToString());
            Tables.Write(output, budgetTable);
        }
        output.WriteLine($"EqOd: {MetricCatalogue.Describe(MetricKeys.EqOd)}.");
    }

    private static void WriteFronts(IReadOnlyList<CellRecord> cells, TextWriter output)
    {
        foreach (var d in FirmSideSummary.Compute(cells))
        {
            var table = Tables.Create($"{cells[0].Experiment}, {d.Dataset}: Pareto fronts of EqOd against error (seed-means)", "series", "point", "error", "EqOd");
            foreach (var (series, front) in d.Fronts)
                foreach (var p in front)
                    table.AddRow(series, p.Label, p.Error.ToString("0.0000", CultureInfo.InvariantCulture), p.EqOd.ToString("0.0000", CultureInfo.InvariantCulture));
            Tables.Write(output, table);
        }
    }

    private static void WriteJson(IReadOnlyList<CellRecord> cells, TextWriter output)
    {
        var doc = new
        {
            eqod_definition = MetricCatalogue.Describe(MetricKeys.EqOd),
            best_eqod_by_alpha = ResultsSummary.BestByAlpha(cells).Select(r => new
            {
                dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, method = r.Method, alpha = r.Alpha, best_budget = r.BestBudget,
                mean_flips = r.MeanFlips, eqod_mean = r.EqOd.Mean, eqod_std = r.EqOd.Std, error_mean = r.Error.Mean, error_std = r.Error.Std, seeds = r.EqOd.Count,
            }),
            eqod_by_budget = ResultsSummary.ByBudget(cells).Select(r => new
            {
                dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, method = r.Method, alpha = r.Alpha, budget = r.Budget,
                mean_flips = r.MeanFlips, eqod_mean = r.EqOd.Mean, eqod_std = r.EqOd.Std, error_mean = r.Error.Mean, error_std = r.Error.Std,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }
}
