using System.CommandLine;
using System.Globalization;
using FairCollective.Cli.Output;
using FairCollective.Common;
using FairCollective.Experiments.Running;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using FairCollective.Reporting.Figures;

namespace FairCollective.Cli.Commands;

/// <summary>`run &lt;spec&gt;`: executes an experiment grid into a results store (resuming if cells are already
/// there).</summary>
public static class RunCommand
{
    /// <summary>Most <c>--threads</c>: far more than the cores of any machine a run is meant for (each thread holds a
    /// cell's data).</summary>
    public const int ThreadsLimit = 1_024;

    /// <summary>The <c>--threads</c> option, shared by <c>run</c>, <c>reproduce</c> and <c>plan</c>: cells (or
    /// replicates) computed at once.</summary>
    public static readonly Option<int?> Threads = OptionValues.OptionalCount("--threads",
        "Cells computed at once (default: all cores). Results do not depend on it", 1, ThreadsLimit,
            " (leave it out for all cores)");

    /// <summary>Suffix of the report folder <c>run</c> writes beside its store: &lt;store without
    /// extension&gt;-report.</summary>
    public const string ReportSuffix = "-report";

    /// <summary>
    /// The <c>run</c> command: parses the spec, plans and checks the grid, runs it into the store (by default
    /// &lt;name&gt;.sqlite beside the spec), then writes the store's report beside it (<see cref="ReportFolder"/>)
    /// unless <c>--no-report</c>.
    /// </summary>
    public static Command Create()
    {
        var spec = new Argument<string>("spec")
        {
            Description =
            "Experiment spec (YAML or JSON); see docs/experiment-spec.md ('faircollective docs' shows where)."
        };
        var store = new Option<string?>("--store")
        {
            Description =
            "Results store to write (default: <spec name>.sqlite beside the spec)."
        };
        var export = new Option<string?>("--export-randomness")
        {
            Description = "Also write every random choice (splits, collective orders, Random priorities, majority " +
                "samples) as CSV files keyed by row id into this folder, for another implementation or for " +
                "'randomness:' in a spec.",
        };
        var noReport = new Option<bool>("--no-report")
        {
            Description =
            $"Do not write the report (default: into <store without .sqlite>{ReportSuffix}/ beside the store)."
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard I of N (I/N, 1-based, e.g. 2/4) of the grid into its own store (default " +
                "<spec name>.shard-I-of-N.sqlite beside the spec; no report); "
                          + "'env' reads a Slurm job array (SLURM_ARRAY_TASK_ID, _MIN, _COUNT) or a Kubernetes " +
                              "Indexed Job (JOB_COMPLETION_INDEX with FAIRCOLLECTIVE_SHARDS, or env/N). "
                          + "Combine the shards' stores with 'results merge' (docs/scaling.md).",
        };
        var metric = ResultsCommand.MetricOption();
        var cmd = new Command("run",
            "Run an experiment spec and write its report; a killed run resumes where it stopped.")
        {
            spec, store, noReport, Threads, export, metric, ResultsCommand.Selection, ResultsCommand.Best, shard,
        };
        cmd.SetAction(parse =>
        {
            int threads = ThreadsOf(parse);
            var part = parse.GetValue(shard) is { } text ? Shard.Parse(text) : null;
            if (parse.GetValue(export) is { } folder && File.Exists(folder))
                throw new UserInputException($"--export-randomness '{folder}' is a file, not a folder");
            var path = parse.GetValue(spec)!;
            var parsed = SpecParser.ParseFile(path);
            // --metric replaces the spec's display metric; the run records it, so the report shows the same one.
            if (ResultsCommand.MetricOf(parse.GetValue(metric)) is { } chosen) parsed = parsed with
            {
                Metric =
                chosen.Key
            };
            string name = part is null ? parsed.Name : $"{parsed.Name}.{part.Tag}";
            var storePath = parse.GetValue(store) ?? FileNameRule.Join(Path.GetDirectoryName(Path.GetFullPath(path))!,
                name + ".sqlite", "experiment name");
            var output = parse.InvocationConfiguration.Output;
            // A shard's store holds part of the grid: its report would be a partial one; the merged store's is not.
            bool withReport = part is null && !parse.GetValue(noReport);
            Execute(parsed, storePath, threads, parse, parse.GetValue(export), part,
                withReport ? stored => ReportCommand.WriteQuietly(storePath, ReportFolder(storePath), parse,
                    stored: stored) : null);
            if (part is not null)
                output.WriteLine($"shard {part} of '{parsed.Name}' done; once every shard is, combine their stores: " +
                    "faircollective results merge OUT.sqlite STORE... (docs/scaling.md)");
            return 0;
        });
        return cmd;
    }

    /// <summary>The folder <c>run</c> writes the report of <paramref name="storePath"/> into: beside the store, named
    /// after it with <see cref="ReportSuffix"/> (out/my-study.sqlite -> out/my-study-report).</summary>
    public static string ReportFolder(string storePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!,
            Path.GetFileNameWithoutExtension(storePath) + ReportSuffix);

    /// <summary>--threads (checked while parsing): -1 (all cores) when absent.</summary>
    internal static int ThreadsOf(ParseResult parse) => parse.GetValue(Threads) ?? -1;

    /// <summary>Rows a table may have to be printed by <c>run</c> and <c>reproduce</c>; a longer one is named with
    /// where to read it (the report, <c>results show</c>).</summary>
    public const int ConsoleRowLimit = 60;

    /// <summary>
    /// Plans the run (loads data, checks every cell) before the store is touched, so a spec that cannot run leaves no
    /// file behind; a store this run created is removed again if the run fails before its first cell is stored.
    /// Every cell the store holds afterwards (all experiments) is read once, for the tables and the report, which show
    /// the same tables under the same best-budget rule (<paramref name="parse"/>'s <c>--selection</c> and
    /// <c>--best</c>).
    /// </summary>
    /// <param name="report">Writes the report of the stored cells and returns the line saying where it is; it runs on
    /// another core while the tables are printed (neither reads what the other writes), and its line is printed
    /// last.</param>
    internal static void Execute(ExperimentSpec spec, string storePath, int threads, ParseResult parse,
        string? exportRandomness = null, Shard? shard = null,
        Func<IReadOnlyList<CellRecord>, string>? report = null)
    {
        var output = parse.InvocationConfiguration.Output;
        // Checked before any work: a rule the run's cells could not answer.
        if (parse.GetValue(ResultsCommand.Selection) == "validation" && spec.ValidationFraction <= 0)
            throw new UserInputException($"--selection validation: experiment '{spec.Name}' has no validation split " +
                "to choose budgets on; set validation_fraction in the spec (docs/experiment-spec.md)");
        // The plotting libraries set themselves up on a spare core while the data loads, not after the cells.
        if (report is not null) _ = Task.Run(FigureWriter.WarmUp);
        var plan = RunGrid.Build(spec);
        if (shard is not null) plan = plan.ShardOf(shard);
        // The rows each dataset holds, and for a file read through a dataset spec those its missing policy dropped.
        foreach (var name in plan.Settings.Datasets.Keys.Order(StringComparer.Ordinal))
            output.WriteLine(plan.Settings.DatasetRows.TryGetValue(name, out var rows)
                ? $"dataset '{name}': {rows.Describe()}"
                : string.Create(CultureInfo.InvariantCulture,
                    $"dataset '{name}': {plan.DataOf(name).RowCount:N0} rows"));
        foreach (var line in plan.RandomnessSources) output.WriteLine($"randomness from {spec.Randomness}: {line}");
        if (exportRandomness is not null)
        {
            foreach (var ((dataset, seed), drawn) in plan.Draws)
                RandomnessFiles.Write(exportRandomness, plan.DataOf(dataset), plan.Splits[(dataset, seed)], drawn);
            output.WriteLine($"randomness of {plan.Draws.Count} (dataset, seed) pairs written to {exportRandomness}");
        }
        bool existed = File.Exists(storePath);
        RunSummary summary;
        CommittedCells? committed = null;
        var store = ResultsStore.Open(storePath);
        try
        {
            IRunProgress progress = new ConsoleProgress(output, interactive: ReferenceEquals(output, Console.Out)
                && !Console.IsOutputRedirected);
            // A store this run creates holds only what it commits: keep those cells instead of reading them back.
            if (!existed) progress = committed = new CommittedCells(progress);
            summary = new ExperimentRunner(new RunnerOptions { MaxDegreeOfParallelism = threads }, progress).Run(plan,
                store);
        }
        catch
        {
            bool empty = store.FinishedKeys().Count == 0;
            store.Dispose();
            if (!existed && empty) DeleteStore(storePath);
            throw;
        }
        IReadOnlyList<CellRecord> stored;
        Reporting.Content.ReportInput input;
        using (store)
        {
            output.WriteLine($"{summary.Experiment}: computed {summary.Computed} cells in " +
                $"{summary.Elapsed.TotalSeconds:0.0} s ({summary.AlreadyDone} were already done); store: {storePath}");
            stored = committed?.AsStored() ?? store.Cells();
            // The rule the report uses too: the chosen split and seeds' combination, on each experiment's recorded
            // metric.
            input = ResultsCommand.InputOf(parse, store, stored, metric: null);
            // A shard's store holds its part by design: only cells missing from a part are news (the shard line below
            // says what comes next).
            if (shard is not null
                && input.Gaps is { } gaps) input = input with
                {
                    Gaps = gaps with
                    {
                        MissingShards = new
                Dictionary<string, IReadOnlyList<string>>()
                    }
                };
        }
        // Started once the store is closed (so it goes back to one file); the tables are printed meanwhile.
        var reporting = report is null ? null : Task.Run(() => report(stored));
        try
        {
            var cells = stored.Where(c => c.Experiment == spec.Name).ToArray();
            if (shard is null) ResultsCommand.WriteTables(cells, output, input.SelectionOf, ConsoleRowLimit, storePath,
                input.Warnings([spec.Name]));
            else foreach (var warning in input.Warnings([spec.Name])) output.WriteLine($"warning: {warning}");
            output.WriteLine($"every table: faircollective results show {storePath}");
        }
        catch
        {
            // The error being thrown is the one to show; the report still finishes (each of its files is written
            // whole).
            if (reporting is not null) Task.WaitAny(reporting);
            throw;
        }
        // The report's own error (a folder that cannot be written, say) surfaces here as itself, not wrapped.
        if (reporting is not null) output.WriteLine(reporting.GetAwaiter().GetResult());
    }

    private static void DeleteStore(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: the run's own error is what the user needs to see.
            }
    }
}
