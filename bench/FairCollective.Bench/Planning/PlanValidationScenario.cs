using System.Diagnostics;
using System.Globalization;
using FairCollective.Bench.Pipeline;
using FairCollective.Experiments.Planning;
using FairCollective.Reporting.Planning;

namespace FairCollective.Bench.Planning;

/// <summary>
/// `plan-validation [--quick] [--datasets compas,acs-az] [--replicates 100] [--sample-prior-rows 100] [--threads T]
/// [--out DIR]`: the planner's validation (the same as `reproduce plan-validation`), timed, with its summary table and
/// page.
/// </summary>
internal static class PlanValidationScenario
{
    public const string Name = "plan-validation";

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        var a = new ScenarioArgs(Name, args.Where(x => x != "--quick").ToArray(), "--datasets", "--replicates",
            "--threads", "--out", "--sample-prior-rows");
        var options = quick ? PlanValidationOptions.Quick : new PlanValidationOptions();
        if (a.Text("--datasets") is { } d) options = options with
        {
            Datasets = d.Split(',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        };
        options = options with
        {
            Replicates = a.Int("--replicates", options.Replicates),
            MaxDegreeOfParallelism = a.Int("--threads", -1),
            SamplePriorRows = a.Int("--sample-prior-rows", options.SamplePriorRows),
        };
        var clock = Stopwatch.StartNew();
        var cases = PlanValidation.Run(options);
        double seconds = clock.Elapsed.TotalSeconds;
        var outDir = a.Text("--out") ?? Path.Combine("out", Name);
        PlanValidationReport.Write(cases, options, seconds, outDir);
        var summary = PlanValidationReport.Summary(cases, options);
        Console.WriteLine(string.Join(" | ", summary.Headers));
        foreach (var row in summary.Rows) Console.WriteLine(string.Join(" | ", row));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases.Count} plans in {seconds:F1} s; page {Path.Combine(outDir, PlanValidationReport.HtmlFileName)}"));
        return 0;
    }
}
