using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FairCollective.Cli.Output;
using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Figures;

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
        command.Add(Merge());
        return command;
    }

    private static Command Merge()
    {
        var output = new Argument<string>("out") { Description = "The merged store to write (a new file)." };
        var stores = new Argument<string[]>("stores")
        {
            Description =
            "The stores to merge: the shards of one sweep (run --shard), or copies of one run.",
            Arity = ArgumentArity.OneOrMore
        };
        var allowPartial = new Option<bool>("--allow-partial")
        {
            Description = "Also merge stores whose run did not finish (still runs, or was stopped) and sweeps with a " +
                "shard missing: the merged store records the missing cells, "
                          + $"its tables and report say so, and the missing cells are listed in <out without " +
                              $".sqlite>{MissingListSuffix}.",
        };
        var cmd = new Command("merge",
            "Combine results stores of one configuration (e.g. the shards of a sweep) into a new store: identical " +
            "cells once; a conflicting cell, other settings or an unfinished store are refused.")
        {
            output, stores, allowPartial,
        };
        cmd.SetAction(parse =>
        {
            var summary = StoreMerge.Merge(parse.GetValue(output)!, parse.GetValue(stores)!,
                parse.GetValue(allowPartial));
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"merged {parse.GetValue(stores)!.Length} stores into {summary.Output}: {summary.Cells} " +
                $"cells ({summary.Duplicates} found more than once, written once)");
            if (summary.Gaps.IsEmpty) return 0;
            foreach (var (store, missing) in summary.Unfinished)
                o.WriteLine($"warning: store '{store}' is unfinished: " +
                    $"{missing.ToString("N0", CultureInfo.InvariantCulture)} of its cells are in no store given");
            foreach (var warning in summary.Gaps.Warnings()) o.WriteLine($"warning: {warning}");
            if (summary.Gaps.Missing.Count > 0)
            {
                string list = MissingList(summary.Output);
                ResultsExport.WriteMissingCsv(summary.Gaps.Missing, list);
                foreach (var m in summary.Gaps.Missing.Take(MissingShown)) o.WriteLine($"  missing: {m}");
                if (summary.Gaps.Missing.Count > MissingShown) o.WriteLine($"  ... and " +
                    $"{(summary.Gaps.Missing.Count - MissingShown).ToString("N0", CultureInfo.InvariantCulture)} more");
                o.WriteLine($"every missing cell: {list}");
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>Suffix of the list of missing cells a partial merge writes beside its store: out/merged.sqlite ->
    /// out/merged.missing.csv.</summary>
    public const string MissingListSuffix = ".missing.csv";

    /// <summary>Missing cells a partial merge names on the console (all of them are in the list file).</summary>
    public const int MissingShown = 10;

    private static string MissingList(string storePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!,
            Path.GetFileNameWithoutExtension(storePath) + MissingListSuffix);

    private static Command Show()
    {
        var store = new Argument<string>("store") { Description = "Path of the results store (.sqlite)." };
        var experiment = new Option<string?>("--experiment") { Description = "Only this experiment." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var metric = MetricOption();
        var plugins = PluginOption.Create("metrics (a stored metric a plug-in registered)");
        var cmd = new Command("show",
            "The report's tables of every experiment (best EqOd by alpha, EqOd by budget, Pareto fronts, S(alpha), " +
            "against Random, by group): mean ± sample std over seeds.")
        {
            store, experiment, json, Selection, Best, metric, plugins,
        };
        cmd.SetAction(parse =>
        {
            // Plug-ins first: their metrics are keys --metric and the runs' recorded metric may name.
            PluginOption.Load(parse, plugins);
            using var s = ResultsStore.Open(parse.GetValue(store)!, StoreAccess.Read);
            var cells = CellsOf(s, parse.GetValue(experiment));
            // The runs' recorded metrics and the chosen rule, checked before any table is written (a refusal leaves no
            // partial output).
            var input = InputOf(parse, s, cells, MetricOf(parse.GetValue(metric)));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) WriteJson(cells, output, input.SelectionOf, e => input.Warnings([e]));
            else WriteTables(cells, output, selectionOf: input.SelectionOf, storePath: parse.GetValue(store),
                warnings: input.Warnings(parse.GetValue(experiment) is { } only ? [only] : null));
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
        var cmd = new Command("export", "Export every stored cell with its configuration.") { store, csv, json,
            experiment };
        cmd.SetAction(parse =>
        {
            string? csvPath = parse.GetValue(csv), jsonPath = parse.GetValue(json);
            if (csvPath is null
                && jsonPath is null) throw new UserInputException("results export needs --csv FILE and/or --json FILE");
            using var s = ResultsStore.Open(parse.GetValue(store)!, StoreAccess.Read);
            var cells = CellsOf(s, parse.GetValue(experiment));
            // Atomic: a failed or interrupted export leaves the previous file (or none), never a truncated one.
            if (csvPath is not null) ResultsExport.WriteCsv(cells, csvPath);
            if (jsonPath is not null) ResultsExport.WriteJson(cells, jsonPath);
            parse.InvocationConfiguration.Output.WriteLine($"exported {cells.Count} cells" + (csvPath is null ? "" :
                $" to {csvPath}") + (jsonPath is null ? "" : $" and {jsonPath}"));
            foreach (var warning in s.Gaps().Warnings(parse.GetValue(experiment)))
                parse.InvocationConfiguration.Output.WriteLine($"warning: {warning}");
            return 0;
        });
        return cmd;
    }

    /// <summary>The <c>--metric</c> option of <c>results show</c>, <c>run</c>, <c>reproduce</c> and <c>report</c>: the
    /// fairness metric shown, by its stored key.</summary>
    internal static Option<string?> MetricOption() => new("--metric")
    {
        Description = "The fairness metric the tables, figures, best-budget rule and comparison against Random show, " +
            "by its stored key: a gap, minimised "
                      + "(eqod, dem_parity, eq_opp, eq_odds_worst, ...), or a min/max ratio, maximised " +
                          "(dem_parity_ratio, ...); default: the spec's 'metric' (eqod when it has none).",
    };

    /// <summary>The <c>--selection</c> option of <c>results show</c>, <c>report</c>, <c>run</c> and <c>reproduce</c>:
    /// which split chooses the best budget.</summary>
    internal static readonly Option<string> Selection = OptionValues.OneOf("--selection",
        "Which split chooses the best budget: test (the paper's rule, optimistic: the choice sees the numbers it " +
            "reports) or validation (needs validation_fraction in the spec; reported on test).",
        "test", "test", "validation");

    /// <summary>The <c>--best</c> option beside <see cref="Selection"/>: how seeds combine when a best budget is
    /// chosen.</summary>
    internal static readonly Option<string> Best = OptionValues.OneOf("--best",
        "How seeds combine: min-of-means (one budget for all seeds) or mean-of-mins (each seed its own budget, the " +
            "paper's pipeline).",
        "min-of-means", "min-of-means", "mean-of-mins");

    /// <summary>
    /// The report's input of <paramref name="cells"/> (read from <paramref name="store"/>) with the rule named by
    /// <c>--selection</c> and <c>--best</c> and the metric <paramref name="metric"/> (null: each experiment's recorded
    /// one), checked against the cells (<see cref="ReportInput.CheckSelections"/>).
    /// </summary>
    internal static ReportInput InputOf(ParseResult parse, ResultsStore store, IReadOnlyList<CellRecord> cells,
        ShownMetric? metric, ToyFigureData? toy = null)
    {
        var input = ReportInput.From(store, cells, toy, metric) with
        {
            Split = parse.GetValue(Selection) == "validation" ? SelectionSplit.Validation : SelectionSplit.Test,
            Best = parse.GetValue(Best) == "mean-of-mins" ? BestDefinition.MeanOfSeedMins :
                BestDefinition.MinOfSeedMeans,
        };
        input.CheckSelections();
        return input;
    }

    /// <summary>The metric named by <c>--metric</c>, checked; null when the option was not given.</summary>
    internal static ShownMetric? MetricOf(string? key) => key is null ? null : ShownMetric.Of(key, "--metric");

    /// <summary>The cells of one experiment (or all); an experiment the store does not hold, or a store without cells,
    /// is a user error.</summary>
    internal static IReadOnlyList<CellRecord> CellsOf(ResultsStore store, string? experiment)
    {
        if (experiment is not null && !store.Experiments().Contains(experiment))
        {
            var known = store.Experiments();
            throw new UserInputException($"results store '{store.Path}' holds no experiment '{experiment}'" +
                                         (known.Count == 0 ? " (it holds none)" :
                                             $" (it holds: {string.Join(", ", known)})"));
        }
        var cells = store.Cells(experiment);
        if (cells.Count == 0) throw new UserInputException($"results store '{store.Path}' holds no cells" + (experiment
            is null ? "" : $" for experiment '{experiment}'"));
        return cells;
    }

    /// <summary>
    /// Per experiment (in the report's order) the tables the report shows (<see cref="ExperimentTables"/>: the same
    /// rows, so console, summary.md and index.html cannot disagree), then the warnings and the definition of every
    /// metric and statistic shown. <paramref name="selectionOf"/> gives each experiment's best-budget rule and metric
    /// (default: the paper's rule on EqOd). A table of more than <paramref name="rowLimit"/> rows (none: no limit) is
    /// named with where to read it instead of printed (<c>run</c> keeps its console short; <c>results show</c> prints
    /// everything). <paramref name="warnings"/>: the report's warnings (<see cref="ReportInput.Warnings"/>; null: the
    /// cells' own).
    /// </summary>
    internal static void WriteTables(IReadOnlyList<CellRecord> cells, TextWriter output, Func<string,
        BudgetSelection>? selectionOf = null, int? rowLimit = null,
        string? storePath = null, IReadOnlyList<string>? warnings = null)
    {
        var shown = new List<ShownMetric>();
        foreach (var experiment in ReportSections.Order(cells))
        {
            var selection = selectionOf?.Invoke(experiment) ?? BudgetSelection.Paper;
            if (!shown.Contains(selection.Shown)) shown.Add(selection.Shown);
            foreach (var table in ExperimentTables.Of(cells, experiment, selection))
            {
                if (rowLimit is { } limit && table.Rows.Count > limit)
                    output.WriteLine($"{experiment}: {table.Title}: {table.Rows.Count} rows, in the report " +
                        $"(summary.md, index.html) and in 'faircollective results show {storePath ?? "STORE"}'");
                else Tables.Write(output, Tables.Of(table, experiment));
            }
        }
        foreach (var warning in warnings ?? RunWarnings.OfCells(cells)) output.WriteLine($"warning: {warning}");
        output.WriteLine("definitions (the report's Metrics section):");
        foreach (var (key, definition) in MetricDefinitions.Of(cells,
            shown)) output.WriteLine($"  {key}: {definition}");
        foreach (var sentence in MetricDefinitions.Statistics) output.WriteLine($"  {sentence}");
    }

    private static void WriteJson(IReadOnlyList<CellRecord> cells, TextWriter output, Func<string,
        BudgetSelection> selectionOf, Func<string, IReadOnlyList<string>> warningsOf)
    {
        // One entry per experiment: its rule and metric named, the values keyed by what they are (never "eqod" for
        // another metric).
        var doc = cells.Select(c => c.Experiment).Distinct().Order(StringComparer.Ordinal).Select(e =>
        {
            var own = cells.Where(c => c.Experiment == e).ToArray();
            var selection = selectionOf(e);
            var metric = selection.Shown;
            return new
            {
                experiment = e,
                warnings = warningsOf(e),
                metric = metric.Key,
                metric_definition = metric.Describe(),
                fairer = metric.Fairer,
                best_selection = selection.Describe(),
                best_by_alpha = ResultsSummary.BestByAlpha(own, selection).Select(r => new
                {
                    dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, method = r.Method, alpha =
                        r.Alpha, best_budget = r.BestBudget,
                    mean_flips = r.MeanFlips, metric_mean = r.EqOd.Mean, metric_std = r.EqOd.Std, metric_ci_low =
                        r.EqOdInterval?.Low, metric_ci_high = r.EqOdInterval?.High,
                    error_mean = r.Error.Mean, error_std = r.Error.Std, error_ci_low = r.ErrorInterval?.Low,
                    error_ci_high = r.ErrorInterval?.High, seeds = r.EqOd.Count,
                }),
                by_budget = ResultsSummary.ByBudget(own, metric).Select(r => new
                {
                    dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, method = r.Method, alpha =
                        r.Alpha, budget = r.Budget,
                    mean_flips = r.MeanFlips, metric_mean = r.EqOd.Mean, metric_std = r.EqOd.Std, metric_ci_low =
                        r.EqOdInterval?.Low, metric_ci_high = r.EqOdInterval?.High,
                    error_mean = r.Error.Mean, error_std = r.Error.Std, error_ci_low = r.ErrorInterval?.Low,
                    error_ci_high = r.ErrorInterval?.High,
                }),
                against_random = RandomComparison.Against(own, RandomComparison.DefaultLevel, metric).Select(r => new
                {
                    dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, strategy = r.Strategy,
                    alpha = r.Alpha, seeds = r.Seeds,
                    mean_difference = r.MeanDifference, low = r.Low, high = r.High, verdict = r.Verdict.ToString(), line
                        = r.Line(RandomComparison.DefaultLevel),
                }),
                // The report's tables as shown (text cells), so a script reads exactly what the console and the report
                // show.
                tables = ExperimentTables.Of(own, e, selection).Select(t => new
                {
                    title = t.Title, note = t.Note,
                    headers = t.Headers, rows = t.Rows
                }),
            };
        });
        output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }
}
