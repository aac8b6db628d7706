using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FairCollective.Cli.Output;
using FairCollective.Common;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Fairness;
using FairCollective.Reporting.Content;
using FairCollective.Reporting.Tables;

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
        var stores = new Argument<string[]>("stores") { Description = "The stores to merge: the shards of one sweep (run --shard), or copies of one run.", Arity = ArgumentArity.OneOrMore };
        var allowPartial = new Option<bool>("--allow-partial")
        {
            Description = "Also merge stores whose run did not finish (still runs, or was stopped) and sweeps with a shard missing: the merged store records the missing cells, "
                          + $"its tables and report say so, and the missing cells are listed in <out without .sqlite>{MissingListSuffix}.",
        };
        var cmd = new Command("merge", "Combine results stores of one configuration (e.g. the shards of a sweep) into a new store: identical cells once; a conflicting cell, other settings or an unfinished store are refused.")
        {
            output, stores, allowPartial,
        };
        cmd.SetAction(parse =>
        {
            var summary = StoreMerge.Merge(parse.GetValue(output)!, parse.GetValue(stores)!, parse.GetValue(allowPartial));
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"merged {parse.GetValue(stores)!.Length} stores into {summary.Output}: {summary.Cells} cells ({summary.Duplicates} found more than once, written once)");
            if (summary.Gaps.IsEmpty) return 0;
            foreach (var (store, missing) in summary.Unfinished)
                o.WriteLine($"warning: store '{store}' is unfinished: {missing.ToString("N0", CultureInfo.InvariantCulture)} of its cells are in no store given");
            foreach (var warning in summary.Gaps.Warnings()) o.WriteLine($"warning: {warning}");
            if (summary.Gaps.Missing.Count > 0)
            {
                string list = MissingList(summary.Output);
                ResultsExport.WriteMissingCsv(summary.Gaps.Missing, list);
                foreach (var m in summary.Gaps.Missing.Take(MissingShown)) o.WriteLine($"  missing: {m}");
                if (summary.Gaps.Missing.Count > MissingShown) o.WriteLine($"  ... and {(summary.Gaps.Missing.Count - MissingShown).ToString("N0", CultureInfo.InvariantCulture)} more");
                o.WriteLine($"every missing cell: {list}");
            }
            return 0;
        });
        return cmd;
    }

    /// <summary>Suffix of the list of missing cells a partial merge writes beside its store: out/merged.sqlite -> out/merged.missing.csv.</summary>
    public const string MissingListSuffix = ".missing.csv";

    /// <summary>Missing cells a partial merge names on the console (all of them are in the list file).</summary>
    public const int MissingShown = 10;

    private static string MissingList(string storePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, Path.GetFileNameWithoutExtension(storePath) + MissingListSuffix);

    private static Command Show()
    {
        var store = new Argument<string>("store") { Description = "Path of the results store (.sqlite)." };
        var experiment = new Option<string?>("--experiment") { Description = "Only this experiment." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var selection = OptionValues.OneOf("--selection",
            "Which split chooses the best budget: test (the paper's rule) or validation (needs validation_fraction in the spec).", "test", "test", "validation");
        var best = OptionValues.OneOf("--best",
            "How seeds combine: min-of-means (one budget for all seeds) or mean-of-mins (each seed its own budget, the paper's pipeline).", "min-of-means", "min-of-means", "mean-of-mins");
        var metric = MetricOption();
        var cmd = new Command("show", "The tables that match each experiment's grid (best EqOd by alpha, EqOd by budget, Pareto fronts, S(alpha)): mean ± sample std over seeds.")
        {
            store, experiment, json, selection, best, metric,
        };
        cmd.SetAction(parse =>
        {
            var split = parse.GetValue(selection) == "validation" ? SelectionSplit.Validation : SelectionSplit.Test;
            var how = parse.GetValue(best) == "mean-of-mins" ? BestDefinition.MeanOfSeedMins : BestDefinition.MinOfSeedMeans;
            var chosen = MetricOf(parse.GetValue(metric));
            using var s = ResultsStore.Open(parse.GetValue(store)!, StoreAccess.Read);
            var cells = CellsOf(s, parse.GetValue(experiment));
            var recorded = ReportInput.From(s, cells, metric: chosen); // the runs' recorded metrics; the cells are already read
            BudgetSelection RuleOf(string e) => new(split, how, recorded.MetricOf(e).Key);
            // Checked before any table is written, so a refusal leaves no partial output.
            foreach (var e in cells.Select(c => c.Experiment).Distinct())
                RuleOf(e).CheckAvailable(cells.Where(c => c.Experiment == e && c.Knob is null && c.Method != ResultsSummary.BaseMethod));
            var output = parse.InvocationConfiguration.Output;
            var gaps = s.Gaps();
            if (parse.GetValue(json)) WriteJson(cells, output, RuleOf, gaps);
            else
            {
                WriteTables(cells, output, selectionOf: RuleOf);
                foreach (var warning in gaps.Warnings(parse.GetValue(experiment))) output.WriteLine($"warning: {warning}");
            }
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
            foreach (var warning in s.Gaps().Warnings(parse.GetValue(experiment))) parse.InvocationConfiguration.Output.WriteLine($"warning: {warning}");
            return 0;
        });
        return cmd;
    }

    /// <summary>The <c>--metric</c> option of <c>results show</c>, <c>run</c>, <c>reproduce</c> and <c>report</c>: the fairness metric shown, by its stored key.</summary>
    internal static Option<string?> MetricOption() => new("--metric")
    {
        Description = "The fairness metric the tables, figures, best-budget rule and comparison against Random show, by its stored key: a gap, minimised "
                      + "(eqod, dem_parity, eq_opp, eq_odds_worst, ...), or a min/max ratio, maximised (dem_parity_ratio, ...); default: the spec's 'metric' (eqod when it has none).",
    };

    /// <summary>The metric named by <c>--metric</c>, checked; null when the option was not given.</summary>
    internal static ShownMetric? MetricOf(string? key) => key is null ? null : ShownMetric.Of(key, "--metric");

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

    /// <summary>
    /// Per experiment the tables that match its grid, by the same shape rules as the report's figures
    /// (<see cref="ExperimentShape"/>): best value by alpha for an alpha sweep or several m, values by budget for a budget
    /// sweep, Pareto fronts for firm-side cells, S(alpha) for counterfactual data, and the seed means of every
    /// configuration when the grid has no axis. <paramref name="includeBudgets"/> adds the values by budget where they are
    /// not already printed (results show). <paramref name="selectionOf"/> gives each experiment's best-budget rule and
    /// metric (default: the paper's rule on EqOd); the definition of every metric shown is printed at the end.
    /// </summary>
    internal static void WriteTables(IReadOnlyList<CellRecord> cells, TextWriter output, bool includeBudgets = true, Func<string, BudgetSelection>? selectionOf = null)
    {
        var shown = new List<ShownMetric>();
        foreach (var shape in ExperimentShape.All(cells))
        {
            var selection = selectionOf?.Invoke(shape.Experiment) ?? BudgetSelection.Paper;
            var metric = selection.Shown;
            if (!shown.Contains(metric)) shown.Add(metric);
            var own = cells.Where(c => c.Experiment == shape.Experiment).ToArray();
            var kinds = shape.Kinds;
            if (kinds.Contains(FigureKind.BestEqOdByAlpha) || kinds.Contains(FigureKind.LimitedInformation)) WriteBestByAlpha(own, output, selection);
            bool budgets = kinds.Contains(FigureKind.EqOdByFlips) || kinds.Count == 0;
            if (budgets) WriteByBudget(own, output, kinds.Count == 0 ? "seed means of every setting" : $"{metric.Name} by budget", metric);
            if (kinds.Contains(FigureKind.ParetoFronts))
            {
                WriteFronts(own, output, metric);
                WriteReportTables(own, output, FirmSideReadingTable.Of(own, metric));
            }
            if (kinds.Contains(FigureKind.CounterfactualSuccess)) WriteSuccess(own, output, metric);
            if (kinds.Contains(FigureKind.SurvivingGain)) WriteReportTables(own, output, CountermeasureTables.Of(own, metric));
            if (includeBudgets && !budgets) WriteByBudget(own, output, $"{metric.Name} by budget", metric);
            WriteAgainstRandom(own, output, metric);
            WriteReportTables(own, output, ByGroupTable.Of(own, selection));
        }
        foreach (var metric in shown) output.WriteLine($"{metric.Name} ({metric.Key}; {metric.Fairer}): {metric.Describe()}.");
        output.WriteLine("test-row CI: the seed mean's interval from each seed's bootstrap interval over its test rows; ± is the sample standard deviation over seeds.");
    }

    private static void WriteBestByAlpha(IReadOnlyList<CellRecord> cells, TextWriter output, BudgetSelection selection)
    {
        string name = selection.Shown.Name;
        var table = Tables.Create($"{cells[0].Experiment}: best {name} by alpha ({selection.Describe()}; mean ± std over seeds)",
            "dataset", "learner", "m", "method", "alpha", "best budget", "flips", $"{name} (± seed std)", $"{name} test-row CI", "error", "error test-row CI", "seeds");
        foreach (var r in ResultsSummary.BestByAlpha(cells, selection))
            table.AddRow(r.Dataset, r.Learner, TableFormat.Rows(r.MajorityRows), r.Method, TableFormat.Number(r.Alpha),
                r.BestBudget, r.MeanFlips.ToString("0.#", CultureInfo.InvariantCulture), r.EqOd.ToString(), SeedStats.Format(r.EqOdInterval), r.Error.ToString(),
                SeedStats.Format(r.ErrorInterval), r.EqOd.Count.ToString(CultureInfo.InvariantCulture));
        Tables.Write(output, table);
    }

    /// <summary>Where Random ran beside other strategies: the report's tables (<see cref="RandomComparisonTables"/>), each titled with its note.</summary>
    private static void WriteAgainstRandom(IReadOnlyList<CellRecord> cells, TextWriter output, ShownMetric metric) =>
        WriteReportTables(cells, output, RandomComparisonTables.Of(cells, metric));

    /// <summary>Report tables on the console, each titled with the experiment and its note.</summary>
    private static void WriteReportTables(IReadOnlyList<CellRecord> cells, TextWriter output, IReadOnlyList<ReportTable> tables)
    {
        foreach (var t in tables)
        {
            var table = Tables.Create($"{cells[0].Experiment}: {t.Title} ({t.Note})", [.. t.Headers]);
            foreach (var row in t.Rows) table.AddRow([.. row]);
            Tables.Write(output, table);
        }
    }

    private static void WriteByBudget(IReadOnlyList<CellRecord> cells, TextWriter output, string what, ShownMetric metric)
    {
        var table = Tables.Create($"{cells[0].Experiment}: {what} (mean ± std over seeds)", "dataset", "learner", "m", "method", "alpha", "budget", "flips",
            metric.Name, $"{metric.Name} test-row CI", "error", "error test-row CI");
        foreach (var r in ResultsSummary.ByBudget(cells, metric).Where(r => r.Method != ResultsSummary.BaseMethod))
            table.AddRow(r.Dataset, r.Learner, TableFormat.Rows(r.MajorityRows), r.Method, TableFormat.Number(r.Alpha),
                r.Budget, r.MeanFlips.ToString("0.#", CultureInfo.InvariantCulture), r.EqOd.ToString(), SeedStats.Format(r.EqOdInterval), r.Error.ToString(), SeedStats.Format(r.ErrorInterval));
        Tables.Write(output, table);
    }

    private static void WriteSuccess(IReadOnlyList<CellRecord> cells, TextWriter output, ShownMetric metric)
    {
        WriteReportTables(cells, output, IdealComparisonTable.Of(cells, metric));
        var table = Tables.Create($"{cells[0].Experiment}: counterfactual success S(alpha) by alpha (max over budgets of the seed-mean; mean ± std over seeds)",
            "dataset", "learner", "method", "alpha", "best budget", "flips", "S(alpha)", metric.Name, "error");
        foreach (var r in CounterfactualSummary.BestByAlpha(cells, metric))
            table.AddRow(r.Dataset, r.Learner, r.Method, TableFormat.Number(r.Alpha), r.Budget, r.MeanFlips.ToString("0.#", CultureInfo.InvariantCulture),
                r.Success.ToString(), r.EqOd.ToString(), r.Error.ToString());
        Tables.Write(output, table);
        output.WriteLine($"S(alpha): {MetricCatalogue.Describe(MetricKeys.CounterfactualSuccess)}.");
    }

    private static void WriteFronts(IReadOnlyList<CellRecord> cells, TextWriter output, ShownMetric metric)
    {
        foreach (var d in FirmSideSummary.Compute(cells, metric))
        {
            var table = Tables.Create($"{cells[0].Experiment}, {d.Dataset}: Pareto fronts of {metric.UnfairnessName} against error (seed-means)", "series", "point", "error", metric.UnfairnessName);
            foreach (var (series, front) in d.Fronts)
                foreach (var p in front)
                    table.AddRow(series, p.Label, p.Error.ToString("0.0000", CultureInfo.InvariantCulture), p.EqOd.ToString("0.0000", CultureInfo.InvariantCulture));
            Tables.Write(output, table);
        }
    }

    private static void WriteJson(IReadOnlyList<CellRecord> cells, TextWriter output, Func<string, BudgetSelection> selectionOf, StoreGaps gaps)
    {
        // One entry per experiment: its rule and metric named, the values keyed by what they are (never "eqod" for another metric).
        var doc = cells.Select(c => c.Experiment).Distinct().Order(StringComparer.Ordinal).Select(e =>
        {
            var own = cells.Where(c => c.Experiment == e).ToArray();
            var selection = selectionOf(e);
            var metric = selection.Shown;
            return new
            {
                experiment = e,
                warnings = gaps.Warnings(e),
                metric = metric.Key,
                metric_definition = metric.Describe(),
                fairer = metric.Fairer,
                best_selection = selection.Describe(),
                best_by_alpha = ResultsSummary.BestByAlpha(own, selection).Select(r => new
                {
                    dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, method = r.Method, alpha = r.Alpha, best_budget = r.BestBudget,
                    mean_flips = r.MeanFlips, metric_mean = r.EqOd.Mean, metric_std = r.EqOd.Std, metric_ci_low = r.EqOdInterval?.Low, metric_ci_high = r.EqOdInterval?.High,
                    error_mean = r.Error.Mean, error_std = r.Error.Std, error_ci_low = r.ErrorInterval?.Low, error_ci_high = r.ErrorInterval?.High, seeds = r.EqOd.Count,
                }),
                by_budget = ResultsSummary.ByBudget(own, metric).Select(r => new
                {
                    dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, method = r.Method, alpha = r.Alpha, budget = r.Budget,
                    mean_flips = r.MeanFlips, metric_mean = r.EqOd.Mean, metric_std = r.EqOd.Std, metric_ci_low = r.EqOdInterval?.Low, metric_ci_high = r.EqOdInterval?.High,
                    error_mean = r.Error.Mean, error_std = r.Error.Std, error_ci_low = r.ErrorInterval?.Low, error_ci_high = r.ErrorInterval?.High,
                }),
                against_random = RandomComparison.Against(own, RandomComparison.DefaultLevel, metric).Select(r => new
                {
                    dataset = r.Dataset, learner = r.Learner, majority_rows = r.MajorityRows, strategy = r.Strategy, alpha = r.Alpha, seeds = r.Seeds,
                    mean_difference = r.MeanDifference, low = r.Low, high = r.High, verdict = r.Verdict.ToString(), line = r.Line(RandomComparison.DefaultLevel),
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
