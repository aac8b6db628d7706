using System.CommandLine;
using FairCollective.Common;
using FairCollective.Experiments.Planning;
using FairCollective.Experiments.Reproduction;
using FairCollective.Reporting.Planning;

namespace FairCollective.Cli.Commands;

/// <summary>`reproduce &lt;experiment&gt;`: runs one of the paper's experiments with its published grid on bundled
/// data.</summary>
public static class ReproduceCommand
{
    /// <summary>The planner's validation: not a grid of cells, so it writes its own page and cases
    /// (<see cref="PlanValidation"/>).</summary>
    public const string PlanValidationName = "plan-validation";

    /// <summary>Folder, relative to the working directory, under which each experiment writes to its own subfolder when
    /// -o is not given.</summary>
    public const string DefaultOutputRoot = "out";

    /// <summary>The <c>reproduce</c> command: runs <see cref="PaperExperiments.Create"/>'s spec into
    /// &lt;output&gt;/results.sqlite, then writes the report beside it.</summary>
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment")
        {
            Description = $"One of: " +
            $"{string.Join(", ", PaperExperiments.Names)}, or {PlanValidationName} (the planner's validation, " +
            "docs/planner.md)."
        };
        experiment.AcceptOnlyFromAmong([.. PaperExperiments.Names, PlanValidationName]);
        var datasets = new Option<string[]>("--datasets")
        {
            Description = "Dataset names or paths (default: compas; firm-side: compas, adult, acs-az; synthetic: " +
                "synthetic; toy takes none).",
            AllowMultipleArgumentsPerToken = true,
        };
        var learners = new Option<string[]>("--learners")
        {
            Description = "Firm learners to run (default: logistic); any of the learner registry's names.",
            AllowMultipleArgumentsPerToken = true,
        };
        var quick = new Option<bool>("--quick")
        {
            Description =
            "Fewer seeds and a coarser grid: a smoke run of the same shape."
        };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the HTML report." };
        var output = new Option<string?>("--output",
            "-o")
        {
            Description =
            $"Output folder for the results store and report (default: {DefaultOutputRoot}/<experiment>)."
        };
        var metric = ResultsCommand.MetricOption();
        var cmd = new Command("reproduce",
            "Run an experiment of the paper on bundled data; writes its results store and report.")
        {
            experiment, datasets, learners, quick, output, noReport, RunCommand.Threads, metric,
                ResultsCommand.Selection, ResultsCommand.Best,
        };
        cmd.SetAction(parse =>
        {
            int threads = RunCommand.ThreadsOf(parse);
            var name = parse.GetValue(experiment)!;
            if (name == PlanValidationName)
            {
                if (parse.GetValue(learners) is { Length: > 0 }) throw new UserInputException($"--learners: " +
                    $"{PlanValidationName} checks the planner against the paper's firm (logistic) only");
                if (parse.GetValue(metric) is not null) throw new
                    UserInputException($"--metric: {PlanValidationName} measures EqOd only");
                if (parse.GetValue(noReport)) throw new UserInputException($"--no-report: {PlanValidationName} has " +
                    "no results store; its page and cases.csv are its results");
                var named = (parse.GetValue(datasets) ?? []).SelectMany(d => d.Split(',',
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
                var planDir = parse.GetValue(output) ?? Path.Combine(DefaultOutputRoot, PlanValidationName);
                ValidatePlans(named, parse.GetValue(quick), threads, planDir, parse.InvocationConfiguration.Output);
                return 0;
            }
            var list = (parse.GetValue(datasets) ?? []).SelectMany(d => d.Split(',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var learnerList = (parse.GetValue(learners) ?? []).SelectMany(d => d.Split(',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var spec = PaperExperiments.Create(name, list, parse.GetValue(quick), learnerList);
            if (ResultsCommand.MetricOf(parse.GetValue(metric)) is { } chosen) spec = spec with { Metric = chosen.Key };
            var dir = parse.GetValue(output) ?? FileNameRule.Join(DefaultOutputRoot, name, "experiment name");
            // Checked before any work: a file in the way is a one-line error (exit 2), not a crash after the run.
            if (File.Exists(dir)) throw new
                UserInputException($"reproduce output '{dir}' (-o) is a file, not a folder");
            var store = Path.Combine(dir, "results.sqlite");
            RunCommand.Execute(spec, store, threads, parse,
                report: parse.GetValue(noReport) ? null : stored => ReportCommand.WriteQuietly(store, dir, parse,
                    stored: stored));
            return 0;
        });
        return cmd;
    }

    private static void ValidatePlans(string[] datasets, bool quick, int threads, string outDir, TextWriter output)
    {
        if (File.Exists(outDir)) throw new
            UserInputException($"reproduce output '{outDir}' (-o) is a file, not a folder");
        var options = quick ? PlanValidationOptions.Quick : new PlanValidationOptions();
        if (datasets.Length > 0) options = options with { Datasets = datasets };
        options = options with { MaxDegreeOfParallelism = threads };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int lastShown = -1;
        var cases = PlanValidation.Run(options, (done, total) =>
        {
            // A line per tenth, so a long validation shows it is moving without flooding a log.
            int tenth = done * 10 / total;
            if (tenth == Interlocked.Exchange(ref lastShown, tenth)) return;
            lock (output) output.WriteLine($"{PlanValidationName}: {done} of {total} plans");
        });
        double seconds = clock.Elapsed.TotalSeconds;
        var files = PlanValidationReport.Write(cases, options, seconds, outDir);
        var summary = PlanValidationReport.Summary(cases, options);
        Output.Tables.Write(output, Output.Tables.Of(summary));
        output.WriteLine($"{PlanValidationName}: {cases.Count} plans in {seconds:0.0} s; page: {files[0]}; cases: " +
            $"{files[1]}");
    }
}
