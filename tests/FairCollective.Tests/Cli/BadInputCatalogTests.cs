using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace FairCollective.Tests.Cli;

/// <summary>
/// Every known way to hand FairCollective bad input, through the command line: each must give exit code 2, one line
/// on standard error naming the culprit (file, line, column, key, option or setting), no stack trace, and leave no
/// new file behind. A case arranges its inputs in a fresh sandbox and returns the command line; files present
/// before the command (a store from an earlier good run, say) may stay, but nothing may be added, not even an empty
/// folder.
/// </summary>
[Trait(TestKind.Name, TestKind.Integration)]
public sealed class BadInputCatalogTests
{
    /// <param name="Name">What the case is (shown when it fails).</param>
    /// <param name="Arrange">Writes the inputs; returns the command line.</param>
    /// <param name="Expected">A regular expression the message (after "error: ") must match.</param>
    public sealed record Case(string Name, Func<CliSandbox, string[]> Arrange, string Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() => new(All.Select(c => c));

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRefusedWithOneLineExitCodeTwoAndNothingLeftBehind(Case c)
    {
        using var box = new CliSandbox();
        var args = c.Arrange(box);
        var before = box.Entries();
        var (exit, _, err) = CliSandbox.Run(args);
        var lines = err.TrimEnd('\n').Split('\n');
        Assert.True(exit == 2, $"{c.Name}: exit {exit}, stderr: {err}");
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", err);
        Assert.Matches(c.Expected, lines[0]["error: ".Length..]);
        Assert.Equal(before, box.Entries());
    }

    private static string Q(string path) => Regex.Escape(path);

    /// <summary>Runs a command that must succeed (the arrangement of cases that need an earlier good run).</summary>
    private static void Ok(params string[] args)
    {
        var (exit, _, err) = CliSandbox.Run(args);
        Assert.True(exit == 0, $"arrangement failed: {string.Join(' ', args)}: {err}");
    }

    private static string ToyStore(CliSandbox box)
    {
        var spec = box.ToySpec();
        var store = box.PathOf("tiny.sqlite");
        Ok("run", spec, "--store", store, "--threads", "1");
        return store;
    }

    private static void Sql(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static readonly Case[] All =
    [
        // --- experiment specs: grids, names and ranges -------------------------------------------------------------
        new("alpha grid of 10^12 points", b => ["run", b.Write("g.yaml",
            "name: g\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: {from: 0, to: 1, step: 1e-12}\nbudgets: " +
            "{fractions: [0.5]}\nseeds: [0]\n")],
            @"g\.yaml:4:\d+: 'alphas' range from 0 to 1 in steps of 1E-12 has 1E\+12 values, more than the limit of " +
                @"10000 on one grid axis"),
        new("10^9 seeds", b => ["run", b.Write("s.yaml",
            "name: s\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "{count: 1000000000}\n")],
            @"s\.yaml:6:\d+: seeds\.count = 1000000000 is more than the limit of 10000 values on one grid axis"),
        new("grid over the cell limit", b => ["run", b.Write("big.yaml",
            "name: big\ndatasets: [toy]\nstrategies: [RB-prob, RB-label, RB-dist, Random]\nalphas: {from: 0, to: 1, " +
            "step: 0.001}\nbudgets: {fractions: {from: 0, to: 1, step: 0.001}}\nseeds: {count: 2}\n")],
            @"big\.yaml: the grid has 8,016,010 cells, more than the limit of 2,000,000 for one experiment; split it " +
                @"into several experiments"),
        new("duplicate alphas", b => ["run", b.Write("d.yaml",
            "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2, 0.2]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n")],
            @"d\.yaml:4:\d+: 'alphas' lists 0\.2 twice"),
        new("duplicate budgets", b => ["run", b.Write("d.yaml",
            "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.0125, 0.013, " +
            "0.0125]}\nseeds: [0]\n")],
            @"d\.yaml:5:\d+: 'budgets\.fractions' lists 0\.0125 twice"),
        new("duplicate strategies", b => ["run", b.Write("d.yaml",
            "name: d\ndatasets: [toy]\nstrategies: [RB-prob, rb-prob]\nalphas: [0.2]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n")],
            @"d\.yaml:3:\d+: 'strategies' lists RB-prob twice"),
        new("duplicate majority_rows", b => ["run", b.Write("d.yaml",
            "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: " +
            "[0.5]}\nmajority_rows: [10, all, 10]\nseeds: [0]\n")],
            @"d\.yaml:6:\d+: 'majority_rows' lists 10 twice"),
        new("repeated seeds", b => ["run", b.Write("d.yaml",
            "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [1, " +
            "1]\n")],
            @"d\.yaml:6:\d+: seeds repeat"),
        new("spec name climbing out of its folder", b => ["run", b.Write("n.yaml",
            "name: ../../x\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n")],
            @"n\.yaml:1:7: experiment name '\.\./\.\./x' cannot be a file or folder name: it contains the path " +
                @"separator '/'$"),
        new("spec name that is an absolute path", b => ["run", b.Write("n.yaml",
            "name: /tmp/x\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n")],
            @"n\.yaml:1:7: experiment name '/tmp/x' cannot be a file or folder name: it contains the path separator " +
                @"'/'$"),
        new("spec name that is a Windows device name", b => ["run", b.Write("n.yaml",
            "name: con\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\n")],
            @"n\.yaml:1:7: experiment name 'con' cannot be a file or folder name: 'con' is a device name on Windows$"),
        new("alpha outside [0, 1]", b => ["run", b.Write("a.yaml",
            "name: a\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2, 1.5]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n")],
            @"a\.yaml:4:\d+: alpha 1\.5 lies outside \[0, 1\]"),
        new("budget fraction above 1", b => ["run", b.Write("a.yaml",
            "name: a\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [2]}\nseeds: [0]\n")],
            @"a\.yaml:5:\d+: a budget fraction must lie in \[0, 1\]; got 2"),
        new("negative budget count", b => ["run", b.Write("a.yaml",
            "name: a\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {counts: [-3]}\nseeds: [0]\n")],
            @"a\.yaml:5:\d+: 'budgets\.counts' must be >= 0; got -3"),
        new("unknown strategy", b => ["run", b.Write("a.yaml",
            "name: a\ndatasets: [toy]\nstrategies: [RB-magic]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\n")],
            @"a\.yaml:3:\d+: unknown strategy 'RB-magic' \(known: RB-prob, RB-label, RB-dist, Random, Oracle\)"),
        new("unknown learner", b => ["run", b.Write("a.yaml",
            "name: a\ndatasets: [toy]\nlearners: [svm]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: " +
            "[0.5]}\nseeds: [0]\n")],
            @"a\.yaml:3:\d+: unknown learner 'svm'"),
        new("learner.c not positive", b => ["run", b.ToySpec(extra: "learner: {c: 0}")],
            @"tiny\.yaml:\d+:\d+: learner\.c must be > 0"),
        new("learner.c not finite", b => ["run", b.ToySpec(extra: "learner: {c: .inf}")],
            @"tiny\.yaml:\d+:\d+: 'learner\.c' must be a number; got '\.inf'"),
        new("RB-label's k zero", b => ["run", b.ToySpec(extra: "strategy: {options: {RB-label: {k: 0}}}")],
            @"tiny\.yaml:\d+:\d+: strategy 'RB-label': option k must be at least 1; got 0$"),
        new("the shared strategy.k of earlier versions", b => ["run", b.ToySpec(extra: "strategy: {k: 3}")],
            @"tiny\.yaml:7:\d+: strategy\.k is now each neighbour strategy's own option \(did you mean " +
                @"strategy\.options\.RB-label\.k and strategy\.options\.RB-dist\.k\?\)$"),
        new("validation_fraction leaving no training rows", b => ["run", b.ToySpec(extra: "validation_fraction: 0.8")],
            @"tiny\.yaml:\d+:\d+: validation_fraction must be >= 0 and leave training rows beside test_fraction " +
                @"0\.3; got 0\.8"),
        new("results show --selection validation without a validation split", b => ["results", "show", ToyStore(b),
            "--selection", "validation"],
            @"these results have no validation split to choose budgets on: run the spec with validation_fraction > 0"),
        new("results show --selection unknown", b => ["results", "show", ToyStore(b), "--selection", "train"],
            @"^--selection must be one of test, validation; got 'train' \(see --help\)$"),
        new("results show --best unknown", b => ["results", "show", ToyStore(b), "--best", "best"],
            @"^--best must be one of min-of-means, mean-of-mins; got 'best'"),
        new("results show --metric that is no metric", b => ["results", "show", ToyStore(b), "--metric", "nope"],
            @"--metric: 'nope' is no metric this process knows \(a plug-in's metric is known once its plug-in is " +
                @"loaded; gaps: .*\beqod\b.*; min/max ratios: .*\bdem_parity_ratio\b.*\)$"),
        new("results show --metric with no fairer direction (disparate impact can pass 1)", b => ["results", "show",
            ToyStore(b), "--metric", "disparate_impact"],
            @"--metric: 'disparate_impact' is neither a gap"),
        new("spec metric with no fairer direction", b => ["run", b.ToySpec(extra: "metric: tpr_gap_signed")],
            @"tiny\.yaml:\d+:\d+: metric: 'tpr_gap_signed' is neither a gap \(lower is fairer: "),
        new("run --metric that is not a metric", b => ["run", b.ToySpec(), "--metric", "error"],
            @"--metric: 'error' is neither a gap"),
        new("report --metric that is not a metric", b => ["report", ToyStore(b), "-o", b.PathOf("r"), "--metric",
            "accuracy"],
            @"--metric: 'accuracy' is neither a gap"),
        new("budget ideal on data without a causal model", b => ["run", b.Write("i.yaml",
            "name: i\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {ideal: true}\nseeds: [0]\n")],
            @"i\.yaml: budget 'ideal' \(the ideal's count M\*\) needs synthetic data with a known causal model"),
        new("budgets.ideal not a boolean", b => ["run", b.Write("j.yaml",
            "name: j\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {ideal: maybe}\nseeds: [0]\n")],
            @"j\.yaml:\d+:\d+: 'budgets\.ideal' must be true or false; got 'maybe'"),
        new("unknown synthetic setting", b => ["run", b.Write("k.yaml",
            "name: k\ndatasets: [\"synthetic(strength=2)\"]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: " +
            "{fractions: [1]}\nseeds: [0]\n")],
            @"dataset 'synthetic\(strength=2\)': unknown setting 'strength' \(settable: weight_norm, "),
        new("firm_side_fit validation without a validation split", b => ["run",
            b.ToySpec(extra: "firm_side_fit: validation")],
            @"tiny\.yaml:\d+:\d+: firm_side_fit: validation needs a validation split: set validation_fraction > 0"),
        new("firm_side_fit unknown", b => ["run", b.ToySpec(extra: "firm_side_fit: test")],
            @"tiny\.yaml:\d+:\d+: firm_side_fit must be validation or training; got 'test'"),
        new("scores --validation-fraction leaving no training rows", b => ["scores", "toy", "--validation-fraction",
            "0.8", "-o", b.PathOf("s.csv")],
            @"--validation-fraction must be >= 0 and leave training rows beside --test-fraction 0\.3; got 0\.8"),
        new("scores of an unknown dataset", b => ["scores", "nowhere-data", "-o", b.PathOf("s.csv")],
            @"unknown dataset 'nowhere-data'"),
        new("test_fraction outside (0, 1)", b => ["run", b.ToySpec(extra: "test_fraction: 1.5")],
            @"tiny\.yaml:\d+:\d+: test_fraction must lie strictly between 0 and 1; got 1\.5"),
        new("unknown key", b => ["run", b.ToySpec(extra: "alpha_grid: [0.1]")],
            @"tiny\.yaml:\d+:\d+: unknown key 'alpha_grid'"),
        new("unknown firm-side method", b => ["run", b.ToySpec(extra: "firm_side: [Magic]")],
            @"tiny\.yaml:\d+:\d+: unknown firm-side method 'Magic'"),
        new("firm-side knob outside [0, 1]", b => ["run", b.ToySpec(extra: "firm_side: {FARE: [0.5, 3]}")],
            @"tiny\.yaml:\d+:\d+: a knob of firm_side\.FARE must lie in \[0, 1\]; got 3"),
        new("unknown defence", b => ["run", b.ToySpec(extra: "defences: [none, magic]")],
            @"tiny\.yaml:\d+:\d+: unknown defence 'magic' \(known: none, knn-sanitisation, confident-learning, " +
                @"loss-filtering, roni\)"),
        new("unknown defence option", b => ["run", b.ToySpec(extra: "defences: {knn-sanitisation: {neighbours: 5}}")],
            @"tiny\.yaml:\d+:\d+: knn-sanitisation: unknown option 'neighbours' \(settable: Action, Eta, K\)"),
        new("defence option out of range", b => ["run", b.ToySpec(extra: "defences: {loss-filtering: {share: 1.5}}")],
            @"tiny\.yaml:\d+:\d+: loss-filtering: option 'share' must lie in \[0, 1\); got 1\.5"),
        new("defence action unknown", b => ["run", b.ToySpec(extra: "defences: {knn-sanitisation: {action: burn}}")],
            @"^.*tiny\.yaml:7:\d+: knn-sanitisation: option 'action' must be one of drop, relabel; got ""burn""$"),
        new("defence whole-number option given text", b => ["run",
            b.ToySpec(extra: "defences: {knn-sanitisation: {eta: 0.5, k: abc}}")],
            @"^.*tiny\.yaml:7:\d+: knn-sanitisation: option 'k' must be a whole number; got ""abc""$"),
        new("defence whole-number option given a fraction", b => ["run",
            b.ToySpec(extra: "defences: {confident-learning: {folds: 2.5}}")],
            @"^.*tiny\.yaml:7:\d+: confident-learning: option 'folds' must be a whole number; got 2\.5$"),
        new("defence whole-number option beyond a whole number", b => ["run",
            b.ToySpec(extra: "defences: {roni: {quiz_rows: 99999999999}}")],
            @"^.*tiny\.yaml:7:\d+: roni: option 'quiz_rows' must be a whole number \(at most 2,147,483,647\); got " +
                @"99999999999$"),
        new("defence number option given a list", b => ["run",
            b.ToySpec(extra: "defences: {loss-filtering: {share: [0.1, 0.2]}}")],
            @"^.*tiny\.yaml:7:\d+: loss-filtering: option 'share' must be a number; got \[0\.1,0\.2\]$"),
        new("defence number option given text", b => ["run", b.ToySpec(extra: "defences: {roni: {z: high}}")],
            @"^.*tiny\.yaml:7:\d+: roni: option 'z' must be a number; got ""high""$"),
        new("RONI with 10^9 calibration sets", b => ["run",
            b.ToySpec(extra: "defences: [none, {roni: {calibration_sets: 1000000000}}]")],
            @"^.*tiny\.yaml:7:\d+: roni: option 'calibration_sets' must be at most 100; got 1000000000$"),
        new("RONI with 10^9 calibration rows", b => ["run",
            b.ToySpec(extra: "defences: {roni: {calibration_rows: 1000000000}}")],
            @"roni: option 'calibration_rows' must be at most 10,000; got 1000000000$"),
        new("RONI with 10^9 quiz rows", b => ["run", b.ToySpec(extra: "defences: {roni: {quiz_rows: 1000000000}}")],
            @"roni: option 'quiz_rows' must be at most 100,000; got 1000000000$"),
        new("confident learning with 10^6 folds", b => ["run",
            b.ToySpec(extra: "defences: {confident-learning: {folds: 1000000}}")],
            @"confident-learning: option 'folds' must be at most 100; got 1000000$"),
        new("k-NN sanitisation with 10^9 neighbours", b => ["run",
            b.ToySpec(extra: "defences: {knn-sanitisation: {k: 1000000000}}")],
            @"knn-sanitisation: option 'k' must be at most 10,000; got 1000000000$"),
        new("RB-dist's k of 10^9", b => ["run", b.ToySpec(extra: "strategy: {options: {RB-dist: {k: 1000000000}}}")],
            @"^.*tiny\.yaml:7:\d+: strategy 'RB-dist': option k must be at most 10,000; got 1000000000$"),
        new("RB-dist's k given text", b => ["run", b.ToySpec(extra: "strategy: {options: {RB-dist: {k: many}}}")],
            @"^.*tiny\.yaml:7:\d+: strategy 'RB-dist': option 'k' must be a whole number; got ""many""$"),
        new("learner option given text", b => ["run",
            b.ToySpec(extra: "learners: [mlp]\nlearner: {mlp: {max_epochs: abc}}")],
            @"^.*tiny\.yaml:8:\d+: mlp: option 'max_epochs' must be a whole number; got ""abc""$"),
        new("learner list option given text", b => ["run",
            b.ToySpec(extra: "learner: {mlp: {hidden_layer_sizes: abc}}")],
            @"mlp: option 'hidden_layer_sizes' must be a list of whole numbers; got ""abc""$"),
        new("learner switch given a number", b => ["run", b.ToySpec(extra: "learner: {mlp: {early_stopping: 3}}")],
            @"mlp: option 'early_stopping' must be true or false; got 3$"),
        new("mlp with 10^9 epochs", b => ["run", b.ToySpec(extra: "learner: {mlp: {max_epochs: 1000000000}}")],
            @"^.*tiny\.yaml:7:\d+: mlp: option MaxEpochs must be at most 100,000; got 1000000000$"),
        new("mlp with a layer of 10^9 units", b => ["run",
            b.ToySpec(extra: "learner: {mlp: {hidden_layer_sizes: [1000000000]}}")],
            @"mlp: a layer of option HiddenLayerSizes must be at most 10,000; got 1000000000$"),
        new("gbt with 10^9 trees", b => ["run", b.ToySpec(extra: "learner: {gbt: {trees: 1000000000}}")],
            @"gbt: option Trees must be at most 100,000; got 1000000000$"),
        new("logistic with 10^9 iterations", b => ["run",
            b.ToySpec(extra: "learner: {logistic: {max_iterations: 1000000000}}")],
            @"logistic: option MaxIterations must be at most 1,000,000; got 1000000000$"),
        new("logistic with a Newton dimension of 10^6", b => ["run",
            b.ToySpec(extra: "learner: {logistic: {newton_max_dimension: 1000000}}")],
            @"logistic: option NewtonMaxDimension must be at most 4,096; got 1000000$"),
        new("defence listed twice", b => ["run", b.ToySpec(extra: "defences: [roni, roni]")],
            @"tiny\.yaml:\d+:\d+: 'defences' lists roni twice"),
        new("firm-side methods without the undefended firm", b => ["run",
            b.ToySpec(extra: "defences: [roni]\nfirm_side: [Reweighing]")],
            @"firm-side methods run on the firm without a defence; add none to 'defences'"),
        new("plausible threshold outside [0, 1)", b => ["run", b.ToySpec(extra: "plausible: [0, 1]")],
            @"tiny\.yaml:\d+:\d+: a plausible threshold must lie in \[0, 1\); got 1"),
        new("shard outside its count", b => ["run", b.ToySpec(), "--shard", "5/4"],
            @"--shard 5/4: shard 5 is outside 1\.\.4"),
        new("shard count above the limit", b => ["run", b.ToySpec(), "--shard", "1/1000000000"],
            @"^--shard 1/1000000000: the shard count 1000000000 is more than the limit of 10,000 shards$"),
        new("shard count beyond a whole number", b => ["run", b.ToySpec(), "--shard", "1/99999999999"],
            @"^--shard: '1/99999999999' is not a whole number \(give I/N, e\.g\. 2/4, or env\)$"),
        new("shard not I/N", b => ["run", b.ToySpec(), "--shard", "half"],
            @"--shard: 'half' is not I/N \(e\.g\. 2/4\) or env"),
        new("shard from an environment without a scheduler", b => ["run", b.ToySpec(), "--shard", "env"],
            @"--shard env: neither SLURM_ARRAY_TASK_ID \(a Slurm job array\) nor JOB_COMPLETION_INDEX \(a Kubernetes " +
                @"Indexed Job\) is set; give --shard I/N"),
        new("merge of a store whose settings are null", b => { var s = ToyStore(b); Sql(s,
            "UPDATE experiments SET settings_json = 'null'"); return ["results", "merge", b.PathOf("m.sqlite"), s]; },
            @"^results store '.*tiny\.sqlite': the settings of experiment 'tiny' are corrupted \(the record is null, " +
                @"not a JSON object\)$"),
        new("merge of a store whose settings lack a key", b => { var s = ToyStore(b); Sql(s,
            "UPDATE experiments SET settings_json = json_remove(settings_json, '$.strategy.tie_rule')"); return
            ["results", "merge", b.PathOf("m.sqlite"), s]; },
            @"the settings of experiment 'tiny' are corrupted \(the record has no 'strategy\.tie_rule'\)$"),
        new("merge of a store whose cell configuration lacks a key", b => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET config_json = json_remove(config_json, '$.dataset.name') WHERE method = 'Base'"); return
            ["results", "merge", b.PathOf("m.sqlite"), s]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted: its configuration has no 'dataset\.name'; delete that " +
                @"row"),
        new("store whose cell configuration holds text for the seed", b => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET config_json = json_set(config_json, '$.seed', 'zero') WHERE method = 'Base'"); return
            ["results", "show", s]; },
            @"is corrupted: its configuration's 'seed' is the text ""zero"", not a whole number; delete that row"),
        new("merge of a store whose run has no id", b => { var s = ToyStore(b); Sql(s,
            "UPDATE runs SET run_id = NULL"); return ["results", "merge", b.PathOf("m.sqlite"), s]; },
            @"^results store '.*tiny\.sqlite': row 1 of the runs table is corrupted: its run_id is empty \(NULL\); " +
                @"run the experiment into a new store$"),
        new("store whose experiment has no name", b => { var s = ToyStore(b); Sql(s,
            "UPDATE experiments SET experiment = NULL"); return ["results", "merge", b.PathOf("m.sqlite"), s]; },
            @"^results store '.*tiny\.sqlite': a row of its experiments or cells table has no experiment name \(it " +
                @"is NULL\)"),
        new("merge of a missing store", b => ["results", "merge", b.PathOf("m.sqlite"), b.PathOf("nowhere.sqlite")],
            @"results store '.*nowhere\.sqlite' does not exist"),
        new("merge of a shard whose run stopped before its end", b =>
            {
                var spec = b.Write("tiny.yaml",
                    "name: tiny\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.25, " +
                    "0.5, 1]}\nseeds: [0]\n");
                var plan = FairCollective.Experiments.Running.RunGrid
                    .Build(FairCollective.Experiments.Specs.SpecParser.ParseFile(spec)).ShardOf(new(1, 2));
                using (var store = FairCollective.Experiments.Store.ResultsStore.Open(b.PathOf("s1.sqlite")))
                    new FairCollective.Experiments.Running.ExperimentRunner(new() { MaxDegreeOfParallelism = 1,
                        StopAfterCells = 1 },
                        FairCollective.Experiments.Running.SilentProgress.Instance).Run(plan, store);
                return ["results", "merge", b.PathOf("m.sqlite"), b.PathOf("s1.sqlite")];
            },
            @"results merge: store '.*s1\.sqlite' is unfinished: \d+ of the \d+ cells of its run of 'tiny' \(shard " +
                @"1/2\) are missing \(its run still runs, or stopped before its end\); finish it .* or merge with " +
                @"--allow-partial"),
        new("merge of a sweep with a shard missing", b => { var spec = b.ToySpec(); Ok("run", spec, "--shard",
            "2/3"); return ["results", "merge", b.PathOf("m.sqlite"), b.PathOf("tiny.shard-2-of-3.sqlite")]; },
            @"results merge: experiment 'tiny' was run in shards, but no store given holds shard 1/3, 3/3; merge " +
                @"every shard's store, or merge with --allow-partial"),
        new("merge into one of its inputs", b => ["results", "merge", b.PathOf("m.sqlite"), b.PathOf("m.sqlite")],
            @"results merge: the output '.*m\.sqlite' is also an input"),
        new("randomness folder named in another case than its dataset", b => Randomness(b, "toy", "Toy"),
            @"^randomness folder '.*rnd': 'Toy' is not used by this spec \(a randomness folder holds only what the " +
                @"run imports: a folder per dataset of the spec, named exactly as the dataset: toy\)$"),
        new("randomness folder of another dataset", b => Randomness(b, "toy", "compas"),
            @"^randomness folder '.*rnd': 'compas' is not used by this spec"),
        new("randomness only for another seed", b => Randomness(b, "toy/seed-0", "toy/seed-3"),
            @"^randomness folder '.*rnd': 'toy/seed-3' is not used by this spec \(.*: seed-0\)$"),
        new("randomness splits.csv instead of split.csv", b => Randomness(b, "toy/seed-0/split.csv",
            "toy/seed-0/splits.csv"),
            @"^randomness folder '.*rnd': 'toy/seed-0/splits\.csv' is not used by this spec \(.*: split\.csv, " +
                @"collective_order\.csv, random_priorities\.csv\)$"),
        new("randomness folder that gives the run nothing", b => Randomness(b, "toy", null),
            @"^randomness folder '.*rnd' gives this run nothing"),
        new("invalid YAML", b => ["run", b.Write("bad.yaml", "name: x\ndatasets: [toy\n")],
            @"bad\.yaml.*not valid YAML/JSON"),
        new("spec that is a folder", b => { Directory.CreateDirectory(b.PathOf("specs")); return ["run",
            b.PathOf("specs")]; },
            @"specs: is a directory, not a spec file$"),
        new("--export-randomness naming a file", b => ["run", b.ToySpec(), "--export-randomness", b.Write("taken",
            "x")],
            @"^--export-randomness '.*taken' is a file, not a folder$"),
        new("randomness: naming a file", b => { b.Write("draws.csv", "x"); return ["run",
            b.ToySpec(extra: "randomness: draws.csv")]; },
            @"^.*tiny\.yaml:7:\d+: randomness folder 'draws\.csv' is a file, not a folder$"),
        new("bootstrap.resamples given text", b => ["run", b.ToySpec(extra: "bootstrap: {resamples: many}")],
            @"^.*tiny\.yaml:7:\d+: 'bootstrap\.resamples' must be a whole number; got 'many'$"),
        new("seeds.count given text", b => ["run", b.Write("s.yaml",
            "name: s\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "{count: few}\n")],
            @"^.*s\.yaml:6:\d+: 'seeds\.count' must be a whole number; got 'few'$"),
        new("FARE with no leaves", b => ["run", b.ToySpec(extra: "firm_side: {FARE: {options: {max_leaves: 0}}}")],
            @"^.*tiny\.yaml:7:\d+: firm-side method 'FARE': option max_leaves must be at least 1; got 0$"),
        new("FARE with 10^9 leaves", b => ["run",
            b.ToySpec(extra: "firm_side: {FARE: {options: {max_leaves: 1000000000}}}")],
            @"^.*tiny\.yaml:7:\d+: firm-side method 'FARE': option max_leaves must be at most 10,000; got 1000000000$"),
        new("a firm-side method's knob set as an option", b => ["run",
            b.ToySpec(extra: "firm_side: {FARE: {options: {fairness_weight: 0.5}}}")],
            @"^.*tiny\.yaml:7:\d+: firm-side method 'FARE': unknown option 'fairness_weight' \(settable: " +
                @"AllowWorseningSplits, Encoding, MaxLeaves, MinLeafSize\)$"),
        new("options for a firm-side method without any", b => ["run",
            b.ToySpec(extra: "firm_side: {Reweighing: {options: {strength: 1}}}")],
            @"^.*tiny\.yaml:7:\d+: firm-side method 'Reweighing' has no options beyond its knob$"),
        new("unknown model of RB-prob", b => ["run", b.ToySpec(extra: "strategy: {options: {RB-prob: {model: svm}}}")],
            @"^.*tiny\.yaml:7:\d+: strategy 'RB-prob': unknown model 'svm' \(known: logistic, mlp, gbt\)$"),
        new("defence action given a number", b => ["run",
            b.ToySpec(extra: "defences: {knn-sanitisation: {action: 5}}")],
            @"^.*tiny\.yaml:7:\d+: knn-sanitisation: option 'action' must be one of drop, relabel; got 5$"),
        new("spec file missing", b => ["run", b.PathOf("nowhere.yaml")],
            @"spec file '.*nowhere\.yaml' does not exist"),

        // --- feasibility, checked before the first cell --------------------------------------------------------------
        new("k larger than the majority rows RB-dist can use", b => ["run", b.Write("k.yaml",
            "name: k\ndatasets: [toy]\nstrategies: [RB-dist]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\nstrategy: {options: {RB-dist: {k: 5000}}}\n")],
            @"k\.yaml: strategy\.options\.RB-dist\.k = 5000 exceeds the \d+ positive majority training rows RB-dist " +
                @"measures distances to in dataset 'toy', seed 0; lower strategy\.options\.RB-dist\.k"),
        new("k larger than the majority rows RB-label can use", b => ["run", b.Write("k.yaml",
            "name: k\ndatasets: [toy]\nstrategies: [RB-label]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\nstrategy: {options: {RB-label: {k: 5000}}}\n")],
            @"k\.yaml: strategy\.options\.RB-label\.k = 5000 exceeds the \d+ majority training rows RB-label can " +
                @"count among in dataset 'toy', seed 0; lower strategy\.options\.RB-label\.k"),
        new("majority_rows larger than the majority", b => ["run", b.Write("m.yaml",
            "name: m\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\nmajority_rows: [100000]\n")],
            @"m\.yaml: majority_rows = 100000 exceeds the \d+ majority training rows of dataset 'toy', seed 0"),
        new("oracle on real data", b => ["run", b.Write("o.yaml",
            $"name: o\ndatasets: [{{path: people.csv, spec: {b.UserData()}}}]\nstrategies: [Oracle]\nalphas: " +
            $"[0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n")],
            @"o\.yaml: strategy 'Oracle' needs synthetic data with a known causal model"),
        new("collective larger than the minority", b => ["run", b.Write("c.yaml",
            "name: c\ndatasets: [toy]\nstrategies: [RB-prob]\nmembers: [100000]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\n")],
            @"c\.yaml: a collective of 100000 members is larger than the \d+ minority training rows of dataset " +
                @"'toy', seed 0"),
        new("two datasets over one file with the same name", b =>
            {
                var a = b.UserData("people");
                var other = b.Write("people-2.yaml",
                    File.ReadAllText(a) + "missing: { values: [\"?\"], policy: keep }\n");
                return ["run", b.Write("two.yaml",
                    $"name: two\ndatasets: [{{path: people.csv, spec: {a}}}, {{path: people.csv, spec: " +
                    $"{other}}}]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n")];
            },
            @"two\.yaml: two datasets are named 'people' but differ \('.*people\.csv' read with '.*people\.yaml' and " +
                @"'.*people\.csv' read with '.*people-2\.yaml'\); give each its own 'name' in its dataset spec"),

        // --- stores: identity, refusal, corruption
        // ---------------------------------------------------------------------
        new("changed learner option, same store", b => { var s = ToyStore(b); return ["run",
            b.ToySpec(extra: "learner: {c: 0.01}"), "--store", s]; },
            @"results store '.*tiny\.sqlite' already holds experiment 'tiny' with other settings: learner 'logistic' " +
                @"options differ: C is 1 in the store and 0\.01 now; give the spec another name, or run into another " +
                @"--store"),
        new("changed test fraction, same store", b => { var s = ToyStore(b); return ["run",
            b.ToySpec(extra: "test_fraction: 0.25"), "--store", s]; },
            @"already holds experiment 'tiny' with other settings: test_fraction is 0\.3 in the store and 0\.25 now"),
        new("changed strategy option, same store", b => { var s = ToyStore(b); return ["run",
            b.ToySpec(extra: "strategy: {tie_rule: row-index}"), "--store", s]; },
            @"already holds experiment 'tiny' with other settings: strategy\.tie_rule is SeededRandom in the store " +
                @"and RowIndex now"),
        new("edited data file, same store", b =>
            {
                var spec = b.UserData("people", specName: "people");
                var exp = b.Write("u.yaml",
                    $"name: u\ndatasets: [{{path: people.csv, spec: {spec}}}]\nstrategies: [RB-prob]\nalphas: " +
                    $"[0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n");
                Ok("run", exp, "--threads", "1");
                File.AppendAllText(b.PathOf("people.csv"), "3,b,1\n");
                return ["run", exp];
            },
            @"already holds experiment 'u' with other settings: dataset 'people' has different data \(content sha256 " +
                @"[0-9a-f]{12} in the store, [0-9a-f]{12} now\)"),
        new("edited dataset spec, same store", b =>
            {
                var spec = b.UserData("people", specName: "people");
                var exp = b.Write("u.yaml",
                    $"name: u\ndatasets: [{{path: people.csv, spec: {spec}}}]\nstrategies: [RB-prob]\nalphas: " +
                    $"[0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n");
                Ok("run", exp, "--threads", "1");
                File.AppendAllText(spec, "missing: { values: [\"?\"], policy: keep }\n");
                return ["run", exp];
            },
            @"dataset 'people' is read with different settings \(spec sha256 [0-9a-f]{12} in the store, [0-9a-f]{12} " +
                @"now\)"),
        new("foreign SQLite database as --store", b =>
            {
                var db = b.PathOf("crm.db");
                Sql(db, "CREATE TABLE customers(id INTEGER)");
                return ["run", b.ToySpec(), "--store", db];
            },
            @"'.*crm\.db' is not a FairCollective results store \(it is an SQLite database with tables customers\); " +
                @"give another --store path"),
        new("foreign SQLite database to results show", b => { var db = b.PathOf("crm.db"); Sql(db,
            "CREATE TABLE customers(id INTEGER)"); return ["results", "show", db]; },
            @"'.*crm\.db' is not a FairCollective results store"),
        new("unknown schema version", b => { var s = ToyStore(b); Sql(s, "PRAGMA user_version = 99"); return ["results",
            "show", s]; },
            @"results store '.*tiny\.sqlite' has schema version 99; this FairCollective reads version \d+ \(run into " +
                @"a new store"),
        new("a run resumed into a store of schema 5 (percentile intervals of unsigned gaps)", b
            => { var s = ToyStore(b); Sql(s, "PRAGMA user_version = 5"); return ["run", b.ToySpec(), "--store", s]; },
            @"results store '.*tiny\.sqlite' has schema version 5; this FairCollective reads version 7: its " +
                @"intervals of unsigned gaps and ratios \(EqOd, .*\) are percentile intervals that exclude 0 near 0, " +
                @"where this FairCollective bounds them through the signed gaps \(docs/metrics\.md\), and it does " +
                @"not record whether its runs finished; run the experiment again into a new store"),
        new("a run resumed into a store of schema 6 (k shared by every strategy)", b => { var s = ToyStore(b); Sql(s,
            "PRAGMA user_version = 6"); return ["run", b.ToySpec(), "--store", s]; },
            @"results store '.*tiny\.sqlite' has schema version 6; this FairCollective reads version 7: its " +
                @"collective cells are keyed by k, scaling and rb_prob_model shared by every strategy, .*; run the " +
                @"experiment again into a new store \(its numbers are the same\)$"),
        new("a text file as store", b => ["results", "show", b.Write("notes.sqlite", new string('x', 600))],
            @"'.*notes\.sqlite' is not a FairCollective results store \(not an SQLite database\)"),
        new("missing store", b => ["results", "show", b.PathOf("none.sqlite")],
            @"results store '.*none\.sqlite' does not exist"),
        new("corrupted row: results show", b => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET metrics_json = '{' WHERE method = 'RB-prob'"); return ["results", "show", s]; },
            @"results store '.*tiny\.sqlite': cell row \d+ \(key [0-9a-f]{12}\) is corrupted: .*; delete that row or " +
                @"run the experiment into a new store"),
        new("corrupted row: results export", b => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET config_json = 'x' WHERE method = 'Base'"); return ["results", "export", s, "--csv",
            b.PathOf("out.csv")]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted"),
        new("corrupted row: report", b => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET flips = 10000 WHERE method = 'RB-prob'"); return ["report", s, "-o",
            b.PathOf("report")]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted: its counts are impossible"),
        new("experiment column that disagrees with the configuration: results export --experiment", b
            => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET experiment = 'other' WHERE method = 'RB-prob'"); return ["results", "export", s,
            "--experiment", "other", "--csv", b.PathOf("out.csv")]; },
            @"results store '.*tiny\.sqlite': cell row \d+ \(key [0-9a-f]{12}\) is corrupted: its experiment column " +
                @"holds 'other' but its configuration says 'tiny'; delete that row"),
        new("experiment column that disagrees with the configuration: the experiment it left", b
            => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET experiment = 'other' WHERE method = 'Base'"); return ["results", "show", s,
            "--experiment", "tiny"]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted: its experiment column holds 'other' but its " +
                @"configuration says 'tiny'"),
        new("seed column that disagrees with the configuration", b => { var s = ToyStore(b); Sql(s,
            "UPDATE cells SET seed = 7 WHERE method = 'Base'"); return ["report", s, "-o", b.PathOf("report")]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted: its seed column holds 7 but its configuration says 0"),
        new("results export of an experiment the store lacks", b => { var s = ToyStore(b); return ["results", "export",
            s, "--experiment", "nonexistent", "--csv", b.PathOf("out.csv")]; },
            @"results store '.*tiny\.sqlite' holds no experiment 'nonexistent' \(it holds: tiny\)"),
        new("results show of an experiment the store lacks", b => { var s = ToyStore(b); return ["results", "show", s,
            "--experiment", "nope"]; },
            @"holds no experiment 'nope' \(it holds: tiny\)"),

        // --- options and output paths
        // ----------------------------------------------------------------------------------
        new("--threads 0", b => ["run", b.ToySpec(), "--threads", "0"],
            @"^--threads must be a whole number from 1 to 1,024 \(leave it out for all cores\); got '0' \(see " +
            @"--help\)$"),
        new("--threads -5", b => ["run", b.ToySpec(), "--threads", "-5"],
            @"^--threads must be a whole number from 1 to 1,024 \(leave it out for all cores\); got '-5'"),
        new("--threads not a number", b => ["run", b.ToySpec(), "--threads", "many"],
            @"^--threads must be a whole number from 1 to 1,024 \(leave it out for all cores\); got 'many'"),
        new("--threads above the limit", b => ["run", b.ToySpec(), "--threads", "100000"],
            @"^--threads must be a whole number from 1 to 1,024 \(leave it out for all cores\); got '100000'"),
        new("--threads beyond a whole number", b => ["run", b.ToySpec(), "--threads", "1e20"],
            @"^--threads must be a whole number from 1 to 1,024 \(leave it out for all cores\); got '1e20'"),
        new("scores --seed not a number", b => ["scores", "toy", "--seed", "x", "-o", b.PathOf("s.csv")],
            @"^--seed must be a whole number; got 'x' \(see --help\)$"),
        new("scores --test-fraction not a number", b => ["scores", "toy", "--test-fraction", "a third", "-o",
            b.PathOf("s.csv")], @"^--test-fraction must be a number \(such as 0\.25 or 1e-3\); got 'a third'"),
        new("unknown option", b => ["run", b.ToySpec(), "--thread", "2"], @"--thread.*\(see --help\)"),
        new("--store whose parent is a file", b => { b.Write("afile", "x"); return ["run", b.ToySpec(), "--store",
            b.PathOf("afile/s.sqlite")]; },
            @"cannot create the folder of results store '.*afile/s\.sqlite'"),
        new("--store that is a folder", b => { Directory.CreateDirectory(b.PathOf("folder")); return ["run",
            b.ToySpec(), "--store", b.PathOf("folder")]; },
            @"results store '.*folder' is a directory, not a file"),
        new("reproduce --threads 0", b => ["reproduce", "toy", "--quick", "--threads", "0", "-o", b.PathOf("repro")],
            @"--threads must be a whole number from 1 to 1,024"),
        new("reproduce toy with --datasets", b => ["reproduce", "toy", "--quick", "--datasets", "compas", "-o",
            b.PathOf("repro")],
            @"--datasets: the toy experiment draws its own 2-D picture"),
        new("reproduce synthetic on real data", b => ["reproduce", "synthetic", "--quick", "--datasets", "compas", "-o",
            b.PathOf("repro")],
            @"--datasets: the synthetic experiment compares with the Oracle, which needs a known causal model; " +
                @"'compas' has none \(use synthetic or toy\)"),
        new("reproduce with an unknown learner", b => ["reproduce", "collective-size", "--quick", "--learners", "svm",
            "-o", b.PathOf("repro")],
            @"--learners: unknown learner 'svm' \(known: logistic, mlp, gbt\)"),
        new("reproduce of an unknown experiment", b => ["reproduce", "collective-sise", "-o", b.PathOf("repro")],
            @"collective-sise.* not recognized\. Must be one of: 'toy' 'collective-size' .* \(see --help\)$"),

        new("results export into a path whose parent is a file", b => { var s = ToyStore(b); b.Write("afile",
            "x"); return ["results", "export", s, "--csv", b.PathOf("afile/out.csv")]; },
            @"cannot write '.*afile/out\.csv'.*is a file, not a folder"),
        new("results export into a folder", b
            => { var s = ToyStore(b); Directory.CreateDirectory(b.PathOf("dir")); return ["results", "export", s,
            "--json", b.PathOf("dir")]; },
            @"cannot write '.*dir'.*it is a folder, not a file"),
        new("results export into a read-only location", b => ["results", "export", ToyStore(b), "--csv",
            "/proc/faircollective-export.csv"],
            @"cannot write '/proc/faircollective-export\.csv'"),
        new("results export without a target", b => ["results", "export", ToyStore(b)],
            @"results export needs --csv FILE and/or --json FILE"),
        new("reproduce -o naming a file", b => ["reproduce", "toy", "--quick", "-o", b.Write("taken", "x")],
            @"reproduce output '.*taken' \(-o\) is a file, not a folder"),
        new("report whose last file cannot be written (what it wrote before is taken back)", b =>
            {
                var store = ToyStore(b);
                Directory.CreateDirectory(b.PathOf("r/index.html"));
                return ["report", store, "-o", b.PathOf("r")];
            },
            @"^cannot write '.*r/index\.html': it is a folder, not a file$"),
        new("plan whose page cannot be written (what it wrote before is taken back)", b => { var args = Plan(b, "-o",
            b.PathOf("p")); Directory.CreateDirectory(b.PathOf("p/plan.html")); return args; },
            @"^cannot write '.*p/plan\.html': it is a folder, not a file$"),
        new("report -o naming a file", b => ["report", ToyStore(b), "-o", b.Write("taken", "x")],
            @"report output '.*taken' is a file, not a directory"),

        // --- data (the foundation's cases, through the CLI)
        // -------------------------------------------------------------
        new("malformed CSV row", b => { var s = b.UserData(); File.AppendAllText(b.PathOf("people.csv"),
            "1,a,0,9\n"); return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s]; },
            @"people\.csv, line 242: 4 fields, expected 3"),
        new("non-number in a numeric column", b
            => { var s = b.UserData(extraSpec: "features: [ { name: x, kind: numeric } ]");
            File.AppendAllText(b.PathOf("people.csv"), "ten,a,0\n"); return ["datasets", "describe",
            b.PathOf("people.csv"), "--spec", s]; },
            @"people\.csv, line 242, column 'x': 'ten' is not a number"),
        new("unknown column in a dataset spec", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec",
            b.UserData(extraSpec: "features: [ { name: z } ]")],
            @"people\.yaml: unknown column 'z' in features \(.*people\.csv has columns: x, g, y\)"),
        new("unknown key in a dataset spec", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec",
            b.UserData(extraSpec: "colour: blue")],
            @"people\.yaml, line \d+: unknown key 'colour' in the spec"),
        new("label outside the declared values", b => { var s = b.UserData(); File.AppendAllText(b.PathOf("people.csv"),
            "1,a,maybe\n"); return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s]; },
            @"people\.csv, line 242, column 'y': label 'maybe' is neither favourable \(1\) nor unfavourable \(0\)"),
        new("group outside the declared groups", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec",
            b.Write("people.yaml", File.ReadAllText(b.UserData()).Replace("minority: [b] }",
            "minority: [b], groups: [b] }"))],
            @"people\.csv, line 3: sensitive group 'a' is not among the declared groups \(b\)"),
        new("minority with no rows", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec",
            b.Write("people.yaml", File.ReadAllText(b.UserData()).Replace("minority: [b]", "minority: [c]"))],
            @"people\.yaml: sensitive\.minority value 'c' matches no row of column 'g' \(values seen: .*\)$"),
        new("declared label value on no row", b =>
            {
                b.Write("ones.csv", "x,g,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i
                    => $"{i},{(i % 2 == 0 ? "a" : "b")},1.0\n")));
                return ["datasets", "describe", b.PathOf("ones.csv"), "--spec", b.Write("ones.yaml",
                    "label: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\nsensitive: { columns: [g], " +
                    "minority: [b] }\n")];
            },
            @"ones\.yaml: label\.unfavourable value '0' matches no row of column 'y' \(values seen: 1\.0 \(20\)\)$"),
        new("single-class label", b =>
            {
                b.Write("one.csv", "x,g,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i
                    => $"{i},{(i % 2 == 0 ? "a" : "b")},1\n")));
                return ["datasets", "describe", b.PathOf("one.csv"), "--spec", b.Write("one.yaml",
                    "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n")];
            },
            @"one\.csv: the label has a single class \(all 20 rows have y = 1\); both classes are needed"),
        new("truncated gzip file", b =>
            {
                var spec = b.UserData(rows: 20000);
                var gz = b.PathOf("people.csv.gz");
                using (var file = File.Create(gz))
                using (var zip = new System.IO.Compression.GZipStream(file,
                    System.IO.Compression.CompressionLevel.Optimal))
                    zip.Write(File.ReadAllBytes(b.PathOf("people.csv")));
                var bytes = File.ReadAllBytes(gz);
                File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);
                return ["datasets", "describe", gz, "--spec", spec];
            },
            @"people\.csv\.gz: gzip data is truncated or corrupt"),
        new("data path that does not exist", b => ["datasets", "describe", "/no/such/file.csv"],
            @"^/no/such/file\.csv: file not found$"),
        new("unknown dataset name", b => ["datasets", "describe", "compass"],
            @"unknown dataset 'compass' \(known: .*\)"),
        new("YAML nested 50,000 deep", b => ["run", b.Write("deep.yaml", "name: deep\ndatasets: " + new string('[',
            50_000) + new string(']', 50_000) + "\n")],
            @"deep\.yaml: nesting deeper than 64 levels at line 2, column \d+ \(the limit for a spec document\)"),
        new("JSON nested 50,000 deep", b => ["run", b.Write("deep.json",
            "{\"name\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 50_000)) + "1" + new string('}', 50_001))],
            @"deep\.json: nesting deeper than 64 levels at line 1, column \d+ \(the limit for a spec document\)"),
        new("dataset spec nested 50,000 deep", b => { b.UserData(); return ["datasets", "describe",
            b.PathOf("people.csv"), "--spec", b.Write("deep-data.yaml", "label: " + new string('[',
            50_000) + new string(']', 50_000) + "\n")]; },
            @"deep-data\.yaml: nesting deeper than 64 levels"),
        new("spec larger than 1 MiB", b => ["run", b.Write("huge.yaml", "name: huge\n# " + new string('x',
            1_100_000) + "\n")],
            @"huge\.yaml: .*1,048,576"),
        new("categorical with 200,000 levels", b =>
            {
                var csv = new System.Text.StringBuilder("id,g,y\n");
                for (int i = 0; i < 200_000; i++) csv.Append("c").Append(i).Append(i % 3 == 0 ? ",b," : ",a,").Append(i
                    % 2).Append('\n');
                b.Write("ids.csv", csv.ToString());
                return ["datasets", "describe", b.PathOf("ids.csv"), "--spec", b.Write("ids.yaml",
                    "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n")];
            },
            @"ids\.csv, column 'id': .*distinct values exceed the limit of 1,000 levels for a categorical feature; " +
                @"declare it 'kind: numeric', leave it out of 'features'"),
        new("NaN in a numeric column under missing.policy error", b =>
            {
                var s = b.UserData(extraSpec: "missing: { values: [\"?\"], policy: error }");
                File.AppendAllText(b.PathOf("people.csv"), "NaN,a,0\n");
                return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s];
            },
            @"people\.csv, line 242, column 'x': 'NaN' is not a finite number, so it counts as missing " +
                @"\(missing\.policy is error\)"),
        new("Infinity in a numeric column under missing.policy error", b =>
            {
                var s = b.UserData(extraSpec: "missing: { values: [\"?\"], policy: error }");
                File.AppendAllText(b.PathOf("people.csv"), "Infinity,b,1\n");
                return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s];
            },
            @"people\.csv, line 242, column 'x': 'Infinity' is not a finite number"),
        new("dataset named '..' with --export-randomness", b =>
            {
                var spec = b.UserData(specName: "'..'");
                return ["run", b.Write("e.yaml",
                    $"name: e\ndatasets: [{{path: people.csv, spec: {spec}}}]\nstrategies: [RB-prob]\nalphas: " +
                    $"[0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n"), "--export-randomness", b.PathOf("rnd")];
            },
            @"people\.yaml: name '\.\.' cannot be a file or folder name: '\.\.' is the parent folder$"),
        new("dataset named 'a/b'", b => ["datasets", "describe", b.UserData(specName: "a/b")],
            @"people\.yaml: name 'a/b' cannot be a file or folder name: it contains the path separator '/'$"),
        new("derived expression of 30,000 '+' terms", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived(string.Join("+", Enumerable.Repeat("x", 30_000))))],
            @"people\.yaml: derived column 'd': the expression has 59,999 characters, more than the limit of 2,000 " +
                @"for a derived column"),
        new("derived expression of 70,000 nested unary minus", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived(new string('-', 70_000) + "x"))],
            @"people\.yaml: derived column 'd': the expression nests brackets and unary operators deeper than 64 " +
                @"levels at character 65 "),
        new("derived expression of 100,000 nested '!'", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived(new string('!', 100_000) + "true"))],
            @"people\.yaml: derived column 'd': the expression nests brackets and unary operators deeper than 64 " +
                @"levels at character 65 "),
        new("derived expression of 65 nested brackets", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived(string.Concat(Enumerable.Repeat("Abs(", 65)) + "x" + new string(')', 65)))],
            @"people\.yaml: derived column 'd': the expression nests brackets and unary operators deeper than 64 " +
                @"levels at character 260 "),
        new("derived column income / 0 (infinite on every row)", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived("x / 0"))],
            @"people\.yaml: derived column 'd': expression ""x / 0"" has no value on any of the 240 rows of " +
                @".*people\.csv \(NaN or infinite on 240, an input missing on 0\)"),
        new("derived column (x-x)/(x-x) (NaN on every row)", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived("(x-x)/(x-x)"))],
            @"people\.yaml: derived column 'd': expression ""\(x-x\)/\(x-x\)"" has no value on any of the 240 rows " +
                @".*\(NaN or infinite on 240, an input missing on 0\)"),
        new("derived column 1e999 + x (infinite on every row)", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived("1e999 + x"))],
            @"people\.yaml: derived column 'd': expression ""1e999 \+ x"" has no value on any of the 240 rows " +
                @".*\(NaN or infinite on 240, an input missing on 0\)"),
        new("quantile with q outside [0, 1]", b => ["datasets", "describe",
            b.UserData(extraSpec: Derived("quantile(x, 2)"))],
            @"people\.yaml: derived column 'd': .*people\.csv, line 2 \(x = 0\): quantile's q must be a number from " +
                @"0 to 1; got 2$"),
        new("median of a text column", b => ["datasets", "describe", b.UserData(extraSpec: Derived("median(g)"))],
            @"people\.yaml: derived column 'd': .*line 2 \(g = 'b'\): median\(g\): column 'g' is not numeric " +
                @"\(derived column 'd'\)$"),
        new("column with an empty header (R's row names)", b =>
            {
                b.Write("r.csv", "\"\",\"x\",\"g\",\"y\"\n" + string.Concat(Enumerable.Range(0, 40).Select(i
                    => $"\"{i + 1}\",{i % 7},\"{(i % 3 == 0 ? "b" : "a")}\",{i % 2}\n")));
                return ["datasets", "describe", b.PathOf("r.csv"), "--spec", b.Write("r.yaml",
                    "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n")];
            },
            @"r\.csv: column 1 has an empty header \(R's write\.csv writes row names so\); name it with 'columns' in " +
                @"the dataset spec .*or list the features under 'features' to leave it out$"),
        new(".npy header claiming 10^12 rows", b =>
            {
                var spec = b.UserData();
                return ["datasets", "describe", b.PathOf("people.csv"), "--spec", spec, "--embeddings", Npy(b,
                    "big.npy", "(1000000000000, 2)", 16)];
            },
            @"big\.npy: the header's shape \(1000000000000, 2\) of <f8 needs 16,000,000,000,000 data bytes, but the " +
                @"file holds 16$"),
        new(".npy header with a shape beyond any integer", b =>
            {
                var spec = b.UserData();
                return ["datasets", "describe", b.PathOf("people.csv"), "--spec", spec, "--embeddings", Npy(b,
                    "huge.npy", "(" + new string('9', 40) + ", 2)", 16)];
            },
            @"huge\.npy: the header's shape \(9{40}, 2\) of <f8 needs [0-9,]+ data bytes, but the file holds 16$"),
        new("a directory as the data file", b
            => { var s = b.UserData(); Directory.CreateDirectory(b.PathOf("folder.csv")); return ["datasets",
            "describe", b.PathOf("folder.csv"), "--spec", s]; },
            @"folder\.csv: is a directory, not a data file$"),
        new("a directory as the dataset", b => { Directory.CreateDirectory(b.PathOf("folder")); return ["datasets",
            "describe", b.PathOf("folder")]; },
            @"folder: is a directory, not a data file$"),
        new("a directory as the dataset spec", b
            => { b.UserData(); Directory.CreateDirectory(b.PathOf("spec.yaml")); return ["datasets", "describe",
            b.PathOf("people.csv"), "--spec", b.PathOf("spec.yaml")]; },
            @"spec\.yaml: is a directory, not a spec file$"),
        new("a directory as the feature file", b
            => { var s = b.UserData(); Directory.CreateDirectory(b.PathOf("emb")); return ["datasets", "describe",
            b.PathOf("people.csv"), "--spec", s, "--embeddings", b.PathOf("emb")]; },
            @"emb: is a directory, not a feature file$"),
        new("a directory as the experiment spec", b => { Directory.CreateDirectory(b.PathOf("exp.yaml")); return ["run",
            b.PathOf("exp.yaml")]; },
            @"exp\.yaml: is a directory, not a spec file$"),
        new("derived expression given as a list", b => ["datasets", "describe",
            b.UserData(extraSpec: "derived:\n  - {name: d, expression: [1, 2]}")],
            @"people\.yaml:5:27: 'expression' must be a text, got a list$"),
        new("separator given as a mapping", b => ["datasets", "describe", b.UserData(extraSpec: "separator: {a: 1}")],
            @"people\.yaml:4:12: 'separator' must be a text, got a mapping$"),
        new("label given as a single value", b => ["datasets", "describe", b.Write("l.yaml",
            "path: people.csv\nlabel: y\nsensitive: { columns: [g], minority: [b] }\n")],
            @"l\.yaml:2:8: 'label' must be a mapping of keys \(column, favourable, unfavourable\), got the single " +
                @"value 'y'$"),
        new("favourable given as a single value", b => ["datasets", "describe", b.Write("f.yaml",
            File.ReadAllText(b.UserData()).Replace("favourable: [\"1\"]", "favourable: \"1\""))],
            @"f\.yaml:2:\d+: 'favourable' must be a list, got the single value '1'$"),
        new("max_levels that is not a number", b => ["datasets", "describe", b.UserData(extraSpec: "max_levels: many")],
            @"people\.yaml:4:13: 'max_levels' must be a whole number, got 'many'$"),
        new("header that is not true or false", b => ["datasets", "describe", b.UserData(extraSpec: "header: maybe")],
            @"people\.yaml:4:9: 'header' must be true or false, got 'maybe'$"),
        new("features given as a mapping", b => ["datasets", "describe", b.UserData(extraSpec: "features: {name: x}")],
            @"people\.yaml:4:11: 'features' must be a list, got a mapping$"),
        new("unknown dataset in an experiment", b => ["run", b.Write("x.yaml",
            "name: x\ndatasets: [compass]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: " +
            "[0]\n")],
            @"unknown dataset 'compass'"),

        // --- metrics: a CSV of labelled predictions
        // --------------------------------------------------------------------
        new("metrics of a missing file", b => ["metrics", b.PathOf("preds.csv"), "--y-true", "y", "--y-pred", "yhat",
            "--group", "g"],
            @"preds\.csv: file not found$"),
        new("metrics with an unknown --y-true column", b => ["metrics", Predictions(b), "--y-true", "label", "--y-pred",
            "yhat", "--group", "g"],
            @"preds\.csv: no column 'label' for --y-true \(columns: y, yhat, g, h, w\)$"),
        new("metrics with an unknown second --group column", b => ["metrics", Predictions(b), "--y-true", "y",
            "--y-pred", "yhat", "--group", "g", "--group", "race"],
            @"preds\.csv: no column 'race' for --group \(columns: y, yhat, g, h, w\)$"),
        new("metrics with a prediction that is not 0/1", b => { var f = Predictions(b); File.AppendAllText(f,
            "1,0.7,a,x,1\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g"]; },
            @"preds\.csv, line 42, column 'yhat': '0\.7' is not 0 or 1 \(--y-pred\)$"),
        new("metrics with a label that is not 0/1", b => { var f = Predictions(b); File.AppendAllText(f,
            "yes,0,a,x,1\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g"]; },
            @"preds\.csv, line 42, column 'y': 'yes' is not 0 or 1 \(--y-true\)$"),
        new("metrics with an empty group value", b => { var f = Predictions(b); File.AppendAllText(f,
            "1,0,,x,1\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g"]; },
            @"preds\.csv, line 42, column 'g': empty group value \(--group\)$"),
        new("metrics with a negative weight", b => { var f = Predictions(b); File.AppendAllText(f,
            "1,0,a,x,-2\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--weight",
            "w"]; },
            @"preds\.csv, line 42, column 'w': weight -2 is negative \(--weight\)$"),
        new("metrics with a --minority no group has", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred",
            "yhat", "--group", "g", "--group", "h", "--minority", "a"],
            @"--minority 'a' matches no group of .*preds\.csv \(groups: a x x, a x y, b x x, b x y\)$"),
        new("metrics of a header without rows", b => ["metrics", b.Write("preds.csv", "y,yhat,g\n"), "--y-true", "y",
            "--y-pred", "yhat", "--group", "g"],
            @"preds\.csv: no data rows$"),
        new("metrics whose weights are all zero", b => { var f = b.Write("preds.csv",
            "y,yhat,g,w\n" + string.Concat(Enumerable.Range(0, 109).Select(i
            => $"{i % 2},{i / 2 % 2},{(i % 3 == 0 ? "b" : "a")},0\n"))); return ["metrics", f, "--y-true", "y",
            "--y-pred", "yhat", "--group", "g", "--weight", "w"]; },
            @"^.*preds\.csv, column 'w': the weights of all 109 rows sum to zero, so no rate is defined \(--weight\)$"),
        new("metrics without --group", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat"],
            @"--group.*\(see --help\)$"),
        new("metrics with negative --resamples", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat",
            "--group", "g", "--resamples", "-1"],
            @"^--resamples must lie in 0\.\.10000 \(0 = no intervals\); got -1$"),
        new("metrics with --resamples above the cap", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred",
            "yhat", "--group", "g", "--resamples", "10001"],
            @"^--resamples must lie in 0\.\.10000 \(0 = no intervals\); got 10001$"),
        new("metrics with --level outside (0, 1)", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat",
            "--group", "g", "--level", "95"],
            @"^--level must lie strictly between 0 and 1; got 95$"),
        new("metrics over so many groups that the between-groups intervals' pairs would not fit", b =>
            ["metrics", b.Write("preds.csv", "y,yhat,g\n" + string.Concat(Enumerable.Range(0, 200).Select(i
                => $"{i % 2},{i / 2 % 2},g{i}\n"))), "--y-true", "y", "--y-pred", "yhat", "--group", "g"],
            @"^the bootstrap interval of the between-groups difference over 200 groups needs 19,900 pairwise parts x " +
                @"1,000 resamples, more than 16,777,216 values; use fewer resamples or fewer groups$"),
        new("plan with a member outside the minority", b => { var (m, _) = Planning.CompasCut.Write(b, 50, 0,
            withAMajorityRow: true); return ["plan", m, .. Planning.CompasCut.PublicNumbers(), "--majority-base-rate",
            "0.5"]; },
            @"members file '.*': row 51 \(id \d+\) is in group 'Caucasian', not in the minority " +
                @"\(African-American\); a collective's members all belong to the minority$"),
        new("plan with public numbers the members contradict", b => { var (m, s) = Planning.CompasCut.Write(b, 300,
            50); return ["plan", m, "--majority", s, "--firm-users", "1000", "--minority-users", "100"]; },
            @"the members file has 300 rows but the public numbers give the minority only 100 users: .*$"),
        new("plan with a share that contradicts two counts", b => { var (m, s) = Planning.CompasCut.Write(b, 30,
            50); return ["plan", m, "--majority", s, "--firm-users", "1000", "--minority-users", "400",
            "--minority-share", "0.2"]; },
            @"--minority-share 0\.2 contradicts --minority-users 400 of --firm-users 1000 \(share 0\.4\)$"),
        new("plan with a majority sample of one label", b => { var (m, s) = Planning.CompasCut.Write(b, 50, 40,
            onlyLabel: 1); return ["plan", m, "--majority", s, .. Planning.CompasCut.PublicNumbers()]; },
            @"the majority sample's 40 rows all have label 1: .*$"),
        new("plan without a sample or a majority base rate", b => { var (m, _) = Planning.CompasCut.Write(b, 50,
            0); return ["plan", m, .. Planning.CompasCut.PublicNumbers()]; },
            @"without a majority sample \(--majority\) the planner needs the majority's base rate: give " +
                @"--majority-base-rate .*$"),
        new("plan with one public number", b => PlanWithout(b, "--firm-users", "5000"),
            @"the planner needs the firm's population: give two of --firm-users, --minority-users and " +
                @"--minority-share$"),
        new("plan with a target outside 0..1", b => Plan(b, "--target-eqod", "1.5"),
            @"--target: a metric value lies in \[0, 1\]; got 1\.5$"),
        new("plan into an output that is a file", b => Plan(b, "-o", b.Write("taken", "x")),
            @"plan output '.*taken' \(-o\) is a file, not a folder$"),
        new("plan with 2*10^9 replicates", b => Plan(b, "--replicates", "2000000000"),
            @"^--replicates must be a whole number from 10 to 10,000; got '2000000000' \(see --help\)$"),
        new("plan with 10^6 target replicates", b => Plan(b, "--target-replicates", "1000000"),
            @"^--target-replicates must be a whole number from 10 to 10,000; got '1000000'"),
        new("plan with --firm-users 1e20", b => PlanWithout(b, "--firm-users", "1e20", "--minority-share", "0.4"),
            @"^--firm-users must be a whole number from 1 to 1,000,000,000; got '1e20' \(see --help\)$"),
        new("plan with --minority-users not a number", b => PlanWithout(b, "--minority-users", "many",
            "--minority-share", "0.4"),
            @"^--minority-users must be a whole number from 1 to 1,000,000,000; got 'many'"),
        new("plan with --minority-share not a number", b => PlanWithout(b, "--firm-users", "5000", "--minority-share",
            "forty percent"),
            @"^--minority-share must be a number \(such as 0\.25 or 1e-3\); got 'forty percent'"),
        new("plan with --level not a number", b => Plan(b, "--level", "high"),
            @"^--level must be a number \(such as 0\.25 or 1e-3\); got 'high'"),
        new("plan with 10^9 evaluation users", b => Plan(b, "--evaluation-users", "1000000000"),
            @"^--evaluation-users must be a whole number from 1 to 10,000,000; got '1000000000'"),
        new("plan of a firm whose default test users exceed the limit", b => PlanWithout(b, "--firm-users", "500000000",
            "--minority-share", "0.4"),
            @"^the firm's test users, 0\.3/0\.7 of its 500,000,000 users = 214,285,714, are more than the limit of " +
                @"10,000,000 the planner draws; give --evaluation-users \(at most 10,000,000\)$"),
        new("plan of a firm larger than the limit from users and share", b => PlanWithout(b, "--minority-users",
            "1000000", "--minority-share", "0.0000001"),
            @"^--minority-users 1000000 at --minority-share 1E-07 gives 10000000000000 firm users, more than the " +
                @"limit of 1,000,000,000$"),
        new("plan with --sample-prior-rows above the limit", b => Plan(b, "--sample-prior-rows", "2000000000"),
            @"^--sample-prior-rows must be a whole number from 0 to 1,000,000; got '2000000000'"),
        new("plan of a members file that is a folder", b
            => { Directory.CreateDirectory(b.PathOf("members")); return ["plan", b.PathOf("members"),
            .. Planning.CompasCut.PublicNumbers()]; },
            @"members: is a directory, not a members file$"),
        new("plan with a majority sample that is a folder", b
            => { Directory.CreateDirectory(b.PathOf("sample")); var (m, _) = Planning.CompasCut.Write(b, 50,
            0); return ["plan", m, "--majority", b.PathOf("sample"), .. Planning.CompasCut.PublicNumbers()]; },
            @"sample: is a directory, not a majority sample$"),
        new("plan with a dataset spec that is a folder", b
            => { Directory.CreateDirectory(b.PathOf("spec")); return Plan(b, "--spec", b.PathOf("spec")); },
            @"spec: is a directory, not a dataset spec file$"),
        new("plan with a majority row of the minority, read with a named dataset spec", b =>
            {
                var spec = b.UserData("people", specName: "people");
                b.Write("members.csv", "x,g,y\n1,b,0\n2,b,1\n3,b,0\n");
                b.Write("sample.csv", "x,g,y\n1,a,0\n2,b,1\n");
                return ["plan", b.PathOf("members.csv"), "--spec", spec, "--majority", b.PathOf("sample.csv"),
                    "--firm-users", "5000", "--minority-share", "0.4"];
            },
            @"^majority sample '.*sample\.csv': row 2 \(id 1\) is in the minority group 'b', not in the majority; a " +
                @"majority sample holds majority rows only$"),
        new("plan of an empty majority sample read with the members' spec", b =>
            {
                var spec = b.UserData("people", specName: "people");
                b.Write("members.csv", "x,g,y\n1,b,0\n2,b,1\n3,b,0\n");
                return ["plan", b.PathOf("members.csv"), "--spec", spec, "--majority", b.Write("sample.csv", "x,g,y\n"),
                    "--firm-users", "5000", "--minority-share", "0.4"];
            },
            @"^.*sample\.csv: no rows left after filtering$"),
        new("plan of a members file that does not exist", b => ["plan", b.PathOf("nobody.csv"),
            .. Planning.CompasCut.PublicNumbers()],
            @"members file '.*nobody\.csv' not found$"),
    ];

    private static string Derived(string expression) => $"derived:\n  - {{name: d, expression: \"{expression}\"}}";

    /// <summary>A .npy file (format 1.0, float64) whose header claims <paramref name="shape"/>, followed by
    /// <paramref name="dataBytes"/> zero bytes.</summary>
    private static string Npy(CliSandbox b, string name, string shape, int dataBytes)
    {
        string header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(64 * ((10 + header.Length + 1 + 63) / 64) - 10 - 1) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0,
            (byte)(header.Length & 0xff), (byte)(header.Length >> 8) };
        bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(header));
        bytes.AddRange(new byte[dataBytes]);
        File.WriteAllBytes(b.PathOf(name), bytes.ToArray());
        return b.PathOf(name);
    }

    /// <summary>
    /// The toy spec with <c>randomness: rnd</c>, after its draws were exported there and <paramref name="from"/> (a
    /// path under rnd/) was moved to <paramref name="to"/>, or deleted when it is null.
    /// </summary>
    private static string[] Randomness(CliSandbox b, string from, string? to)
    {
        Ok("run", b.ToySpec(), "--no-report", "--export-randomness", b.PathOf("rnd"));
        string source = b.PathOf(Path.Combine("rnd", from));
        if (to is null) Directory.Delete(source, recursive: true);
        else if (Directory.Exists(source)) Directory.Move(source, b.PathOf(Path.Combine("rnd", to)));
        else File.Move(source, b.PathOf(Path.Combine("rnd", to)));
        return ["run", b.ToySpec(name: "imported", extra: "randomness: rnd", file: "imported.yaml")];
    }

    /// <summary>plan of 50 members with a majority sample of 40 rows and the whole file's public numbers, then
    /// <paramref name="options"/>.</summary>
    private static string[] Plan(CliSandbox b, params string[] options) => PlanWithout(b,
        [.. Planning.CompasCut.PublicNumbers(), .. options]);

    /// <summary>plan of 50 members with a majority sample of 40 rows, then <paramref name="options"/> (the public
    /// numbers among them).</summary>
    private static string[] PlanWithout(CliSandbox b, params string[] options)
    {
        var (m, s) = Planning.CompasCut.Write(b, 50, 40);
        return ["plan", m, "--majority", s, .. options];
    }

    /// <summary>40 rows of labelled predictions: y, yhat, groups g (a/b) and h (x/y), weight w.</summary>
    private static string Predictions(CliSandbox b) => b.Write("preds.csv",
        "y,yhat,g,h,w\n" + string.Concat(Enumerable.Range(0, 40).Select(i
            => $"{i % 2},{i / 2 % 2},{(i % 3 == 0 ? "b" : "a")},{(i % 5 == 0 ? "y" : "x")},1\n")));
}
