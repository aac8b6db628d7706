using System.CommandLine;
using System.Globalization;
using FairCollective.Cli.Output;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;
using FairCollective.Fairness;
using FairCollective.Learning.Catalog;
using FairCollective.Planning;
using FairCollective.Plugins;
using FairCollective.Reporting.Planning;

namespace FairCollective.Cli.Commands;

/// <summary>
/// `plan MEMBERS [--majority SAMPLE] --firm-users N --minority-share S ...`: what a real collective can decide from
/// what it knows (<see cref="Planner"/>): strategy, budget, who flips, the predicted firm with intervals, the size a
/// target needs.
/// </summary>
public static class PlanCommand
{
    /// <summary>Default output folder.</summary>
    public const string DefaultOutput = "out/plan";

    /// <summary>The <c>plan</c> command.</summary>
    public static Command Create()
    {
        var members = new Argument<string>("members")
        {
            Description = "The collective's members: a data file (a bundled data set's format is recognised by its " +
                "columns) or a dataset spec (YAML/JSON, docs/dataset-spec.md). Every row must be in the minority.",
        };
        var spec = new Option<string?>("--spec")
        {
            Description =
            "Dataset spec to read the members file (and the majority sample) with, when the file is not a spec itself."
        };
        var majority = new Option<string?>("--majority")
        {
            Description = "A sample of majority rows the collective " +
            "knows (same columns as the members file); none: the fallback majority (needs --majority-base-rate)."
        };
        var firmUsers = OptionValues.OptionalCount("--firm-users", "How many users the firm trains on", 1,
            PublicNumbers.UsersLimit);
        var minorityUsers = OptionValues.OptionalCount("--minority-users", "How many of them are in the minority", 1,
            PublicNumbers.UsersLimit);
        var minorityShare = new Option<double?>("--minority-share")
        {
            Description =
            "The minority's share of the firm's users (give two of --firm-users, --minority-users, --minority-share)."
        };
        var baseRate = new Option<double?>("--majority-base-rate")
        {
            Description =
            "Share of the majority with the favourable label (needed without --majority)."
        };
        var prior = OptionValues.Count("--sample-prior-rows",
            "Weight, in rows, that the fallback majority keeps beside a majority sample (0: the sample alone)",
            0, PlannerOptions.SamplePriorRowsLimit, PlannerOptions.DefaultSamplePriorRows);
        var evaluation = OptionValues.OptionalCount("--evaluation-users",
            "Users the firm measures fairness on (default: 0.3/0.7 of --firm-users, a 70/30 split)",
            1, PublicNumbers.EvaluationUsersLimit);
        var strategies = new Option<string[]>("--strategy")
        {
            Description =
            "Strategies to forecast (repeat or comma-separate; default RB-prob, RB-label, RB-dist).",
            AllowMultipleArgumentsPerToken = true
        };
        var budgets = new Option<string?>("--budgets")
        {
            Description =
            "Flip budgets to forecast, shares of the pool, comma-separated (default 0,0.1,...,1)."
        };
        var learner = new Option<string>("--learner")
        {
            Description =
            $"The firm's learner family the collective assumes ({string.Join(", ", LearnerCatalog.Names)}).",
            DefaultValueFactory = _ => LearnerCatalog.Logistic
        };
        var metric = ResultsCommand.MetricOption();
        var replicates = OptionValues.Count("--replicates", "Bootstrap replicates of the forecast", 10,
            PlannerOptions.ReplicatesLimit, PlannerOptions.DefaultReplicates);
        var level = new Option<double>("--level")
        {
            Description = "Level of the predictive intervals.",
            DefaultValueFactory = _ => PlannerOptions.DefaultLevel
        };
        var target = new Option<double?>("--target")
        {
            Description =
            "A value of the metric to reach; the plan then says how large a collective reaches it."
        };
        var targetEqOd = new Option<double?>("--target-eqod")
        {
            Description =
            "The same as --target for EqOd (the default metric)."
        };
        var reduction = new Option<double?>("--target-reduction")
        {
            Description =
            "Alternatively, the share of the metric's unfairness to remove (0.5 = halve it)."
        };
        var sizes = new Option<string?>("--sizes")
        {
            Description = "Collective sizes the target search tries, shares " +
            "of the minority, comma-separated (default 0.05,0.1,...,1)."
        };
        var targetReplicates = OptionValues.Count("--target-replicates", "Replicates of the target search", 10,
            PlannerOptions.TargetReplicatesLimit, PlannerOptions.DefaultTargetReplicates);
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of every random choice.", DefaultValueFactory = _
            => 0
        };
        var plugins = PluginOption.Create("strategies and learners");
        var output = new Option<string>("--output",
            "-o")
        {
            Description = "Folder for plan.html, plan.json, ranking.csv and figures/.", DefaultValueFactory = _
            => DefaultOutput
        };
        var cmd = new Command("plan",
            "Plan a real collective's action from only what it knows: its members, an optional majority sample and " +
            "public numbers. Recommends a strategy and flip budget, ranks who flips, and predicts the firm's " +
            "fairness and error with intervals (docs/planner.md).")
        {
            members, spec, majority, firmUsers, minorityUsers, minorityShare, baseRate, prior, evaluation, strategies,
                budgets, learner, metric, replicates, level,
            target, targetEqOd, reduction, sizes, targetReplicates, seed, RunCommand.Threads, plugins, output,
        };
        cmd.SetAction(parse =>
        {
            // Plug-ins first: their strategies and learners are names the other options may use.
            PluginOption.Load(parse, plugins);
            var outDir = parse.GetValue(output)!;
            // Checked before any work: a file in the way is a one-line error (exit 2), not a failure after planning.
            if (File.Exists(outDir)) throw new
                UserInputException($"plan output '{outDir}' (-o) is a file, not a folder");
            var shown = ResultsCommand.MetricOf(parse.GetValue(metric)) ?? ShownMetric.EqOd;
            if (parse.GetValue(targetEqOd) is not null && shown.Key != ShownMetric.EqOd.Key)
                throw new UserInputException($"--target-eqod sets a target on EqOd, but --metric is {shown.Key}: use " +
                    "--target");
            if (parse.GetValue(targetEqOd) is not null
                && parse.GetValue(target) is not null) throw new
                UserInputException("give --target or --target-eqod, not both");
            var numbers = new PublicNumbers
            {
                FirmUsers = parse.GetValue(firmUsers), MinorityUsers = parse.GetValue(minorityUsers), MinorityShare =
                    parse.GetValue(minorityShare),
                MajorityBaseRate = parse.GetValue(baseRate), EvaluationUsers = parse.GetValue(evaluation),
            };
            var chosen = (parse.GetValue(strategies) ?? []).SelectMany(s => s.Split(',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var options = new PlannerOptions
            {
                Strategies = chosen.Length == 0 ? StrategyCatalog.Practical : chosen,
                Budgets = Shares(parse.GetValue(budgets), "--budgets") ?? PlannerOptions.DefaultBudgets,
                Learner = parse.GetValue(learner)!,
                Metric = shown,
                Replicates = parse.GetValue(replicates),
                Level = parse.GetValue(level),
                Target = parse.GetValue(target) ?? parse.GetValue(targetEqOd),
                TargetReduction = parse.GetValue(reduction),
                Sizes = Shares(parse.GetValue(sizes), "--sizes") ?? PlannerOptions.DefaultSizes,
                TargetReplicates = parse.GetValue(targetReplicates),
                Seed = parse.GetValue(seed),
                SamplePriorRows = parse.GetValue(prior),
                MaxDegreeOfParallelism = RunCommand.ThreadsOf(parse),
            };
            var membersPath = parse.GetValue(members)!;
            var specPath = parse.GetValue(spec);
            var sample = parse.GetValue(majority);
            var memberData = Load(membersPath, specPath, "members file");
            var sampleData = sample is null ? null : Load(sample, specPath
                ?? (DatasetSpecFile.IsSpecFile(membersPath) ? membersPath : null), "majority sample");
            var writer = parse.InvocationConfiguration.Output;
            string dropped = memberData.RowAccount is { Dropped: > 0 } account ?
                $" ({account.Dropped} of {account.Read} rows of the members file dropped for a missing value)" : "";
            writer.WriteLine($"planning: {memberData.RowCount} members{dropped}, " +
                $"{(sampleData is null ? "no majority sample" : $"{sampleData.RowCount} majority rows")}, " +
                $"{options.Replicates} replicates ...");
            var plan = Planner.Run(memberData, sampleData, numbers, options, membersPath, sample);
            var settings = Settings(membersPath, specPath, sample, numbers, options);
            var files = PlanReport.Write(plan, outDir, settings);
            Print(plan, writer);
            if (plan.Target is { Reachable: false } t)
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"target: {plan.MetricName} {(plan.LowerIsFairer ? "<=" : ">=")} {t.Target:0.####} is not " +
                        $"reachable with {plan.Recommended.Strategy} at any collective size up to " +
                        $"{options.Sizes.Max():0.##} of the minority (reached in {t.ReachedReplicates:P0} of the " +
                        $"search's replicates)"));
            foreach (var warning in plan.Warnings) writer.WriteLine($"warning: {warning}");
            writer.WriteLine($"plan: {files[0]} ({files.Count} files: plan.json, ranking.csv, figures) in " +
                $"{plan.Seconds:0.0} s");
            return 0;
        });
        return cmd;
    }

    private static Data.Dataset Load(string path, string? specPath, string what)
    {
        InputFile.Require(path, what, $"{what} '{path}' not found");
        if (specPath is not null) InputFile.Require(specPath, "dataset spec file", $"--spec '{specPath}' not found");
        // A members file holds only the minority, a sample only the majority: partial files by design.
        return DatasetSpecFile.Load(path, specPath, LoadOptions.Default with { PartialFile = true });
    }

    /// <summary>Comma-separated shares; null when the option was not given.</summary>
    private static double[]? Shares(string? text, string option)
    {
        if (text is null) return null;
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new UserInputException($"{option}: give at least one value");
        return parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new UserInputException($"{option}: '{p}' is not a number")).ToArray();
    }

    private static List<(string, string)> Settings(string members, string? spec, string? majority,
        PublicNumbers numbers, PlannerOptions o)
    {
        string N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
        string I(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";
        List<(string, string)> settings =
        [
            ("members", members), ("spec", spec ?? "-"), ("majority sample", majority ?? "none"),
            ("firm users", I(numbers.FirmUsers)), ("minority users", I(numbers.MinorityUsers)), ("minority share",
                N(numbers.MinorityShare)),
            ("majority base rate", N(numbers.MajorityBaseRate)), ("evaluation users",
                I(numbers.EvaluationUsers)), ("sample prior rows", I(o.SamplePriorRows)),
            ("strategies", string.Join(", ", o.Strategies)), ("budgets", string.Join(", ", o.Budgets.Select(b
                => N(b)))), ("learner", o.Learner),
            ("metric", o.Metric.Key), ("replicates", I(o.Replicates)), ("level", N(o.Level)), ("target",
                N(o.Target)), ("target reduction", N(o.TargetReduction)),
            ("sizes", string.Join(", ", o.Sizes.Select(b => N(b)))), ("target replicates",
                I(o.TargetReplicates)), ("seed", I(o.Seed)),
        ];
        // Only where plug-ins were loaded, so a plan of the built-in parts records what it always did.
        if (PluginLoader.All.Count > 0) settings.Add(("plug-ins", string.Join("; ", PluginLoader.All.Select(p
            => p.Origin))));
        return settings;
    }

    private static void Print(Plan plan, TextWriter writer)
    {
        foreach (var t in new[] { PlanTables.Recommendation(plan), PlanTables.Target(plan), PlanTables.Ranking(plan,
            rows: 10) })
        {
            if (t is not null) Tables.Write(writer, Tables.Of(t));
        }
    }
}
