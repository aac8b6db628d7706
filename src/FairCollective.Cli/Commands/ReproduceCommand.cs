using System.CommandLine;
using FairCollective.Common;
using FairCollective.Experiments.Reproduction;

namespace FairCollective.Cli.Commands;

/// <summary>`reproduce &lt;experiment&gt;`: runs one of the paper's experiments with its published grid on bundled data.</summary>
public static class ReproduceCommand
{
    /// <summary>Folder, relative to the working directory, under which each experiment writes to its own subfolder when -o is not given.</summary>
    public const string DefaultOutputRoot = "out";

    /// <summary>The <c>reproduce</c> command: runs <see cref="PaperExperiments.Create"/>'s spec into &lt;output&gt;/results.sqlite, then writes the report beside it.</summary>
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = $"One of: {string.Join(", ", PaperExperiments.Names)}." };
        experiment.AcceptOnlyFromAmong([.. PaperExperiments.Names]);
        var datasets = new Option<string[]>("--datasets")
        {
            Description = "Dataset names or paths (default: compas; firm-side: compas, adult, acs-az; synthetic: synthetic; toy takes none).",
            AllowMultipleArgumentsPerToken = true,
        };
        var learners = new Option<string[]>("--learners")
        {
            Description = "Firm learners to run (default: logistic); any of the learner registry's names.",
            AllowMultipleArgumentsPerToken = true,
        };
        var quick = new Option<bool>("--quick") { Description = "Fewer seeds and a coarser grid: a smoke run of the same shape." };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the HTML report." };
        var output = new Option<string?>("--output", "-o") { Description = $"Output folder for the results store and report (default: {DefaultOutputRoot}/<experiment>)." };
        var metric = ResultsCommand.MetricOption();
        var cmd = new Command("reproduce", "Run an experiment of the paper on bundled data; writes its results store and report.")
        {
            experiment, datasets, learners, quick, output, noReport, RunCommand.Threads, metric,
        };
        cmd.SetAction(parse =>
        {
            int threads = RunCommand.ThreadsOf(parse);
            var name = parse.GetValue(experiment)!;
            var list = (parse.GetValue(datasets) ?? []).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var learnerList = (parse.GetValue(learners) ?? []).SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var spec = PaperExperiments.Create(name, list, parse.GetValue(quick), learnerList);
            if (ResultsCommand.MetricOf(parse.GetValue(metric)) is { } chosen) spec = spec with { Metric = chosen.Key };
            var dir = parse.GetValue(output) ?? Path.Combine(DefaultOutputRoot, name);
            // Checked before any work: a file in the way is a one-line error (exit 2), not a crash after the run.
            if (File.Exists(dir)) throw new UserInputException($"reproduce output '{dir}' (-o) is a file, not a folder");
            var store = Path.Combine(dir, "results.sqlite");
            var stored = RunCommand.Execute(spec, store, threads, parse.InvocationConfiguration.Output);
            if (!parse.GetValue(noReport)) ReportCommand.Write(store, dir, parse.InvocationConfiguration.Output, stored: stored);
            return 0;
        });
        return cmd;
    }
}
