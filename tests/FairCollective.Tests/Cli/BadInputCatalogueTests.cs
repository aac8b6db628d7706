using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace FairCollective.Tests.Cli;

/// <summary>
/// Every known way to hand FairCollective bad input, through the command line: each must give exit code 2, one line
/// on standard error naming the culprit (file, line, column, key, option or setting), no stack trace, and leave no
/// new file behind. A case arranges its inputs in a fresh sandbox and returns the command line; files present
/// before the command (a store from an earlier good run, say) may stay, but nothing may be added.
/// </summary>
public sealed class BadInputCatalogueTests
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
        var before = box.Files();
        var (exit, _, err) = CliSandbox.Run(args);
        var lines = err.TrimEnd('\n').Split('\n');
        Assert.True(exit == 2, $"{c.Name}: exit {exit}, stderr: {err}");
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", err);
        Assert.Matches(c.Expected, lines[0]["error: ".Length..]);
        Assert.Equal(before, box.Files());
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
        new("alpha grid of 10^12 points", b => ["run", b.Write("g.yaml", "name: g\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: {from: 0, to: 1, step: 1e-12}\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"g\.yaml:4:\d+: 'alphas' range from 0 to 1 in steps of 1E-12 has 1E\+12 values, more than the limit of 10000 on one grid axis"),
        new("10^9 seeds", b => ["run", b.Write("s.yaml", "name: s\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: {count: 1000000000}\n")],
            @"s\.yaml:6:\d+: seeds\.count = 1000000000 is more than the limit of 10000 values on one grid axis"),
        new("grid over the cell limit", b => ["run", b.Write("big.yaml", "name: big\ndatasets: [toy]\nstrategies: [RB-prob, RB-label, RB-dist, Random]\nalphas: {from: 0, to: 1, step: 0.001}\nbudgets: {fractions: {from: 0, to: 1, step: 0.001}}\nseeds: {count: 2}\n")],
            @"big\.yaml: the grid has 8,016,010 cells, more than the limit of 2,000,000 for one experiment; split it into several experiments"),
        new("duplicate alphas", b => ["run", b.Write("d.yaml", "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2, 0.2]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"d\.yaml:4:\d+: 'alphas' lists 0\.2 twice"),
        new("duplicate budgets", b => ["run", b.Write("d.yaml", "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.0125, 0.013, 0.0125]}\nseeds: [0]\n")],
            @"d\.yaml:5:\d+: 'budgets\.fractions' lists 0\.0125 twice"),
        new("duplicate strategies", b => ["run", b.Write("d.yaml", "name: d\ndatasets: [toy]\nstrategies: [RB-prob, rb-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"d\.yaml:3:\d+: 'strategies' lists RB-prob twice"),
        new("duplicate majority_rows", b => ["run", b.Write("d.yaml", "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nmajority_rows: [10, all, 10]\nseeds: [0]\n")],
            @"d\.yaml:6:\d+: 'majority_rows' lists 10 twice"),
        new("repeated seeds", b => ["run", b.Write("d.yaml", "name: d\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [1, 1]\n")],
            @"d\.yaml:6:\d+: seeds repeat"),
        new("spec name climbing out of its folder", b => ["run", b.Write("n.yaml", "name: ../../x\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"n\.yaml:1:7: experiment name '\.\./\.\./x' must be letters, digits, '\.', '_' or '-'"),
        new("spec name that is an absolute path", b => ["run", b.Write("n.yaml", "name: /tmp/x\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"n\.yaml:1:7: experiment name '/tmp/x' must be"),
        new("alpha outside [0, 1]", b => ["run", b.Write("a.yaml", "name: a\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2, 1.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"a\.yaml:4:\d+: alpha 1\.5 lies outside \[0, 1\]"),
        new("budget fraction above 1", b => ["run", b.Write("a.yaml", "name: a\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [2]}\nseeds: [0]\n")],
            @"a\.yaml:5:\d+: a budget fraction must lie in \[0, 1\]; got 2"),
        new("negative budget count", b => ["run", b.Write("a.yaml", "name: a\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {counts: [-3]}\nseeds: [0]\n")],
            @"a\.yaml:5:\d+: 'budgets\.counts' must be >= 0; got -3"),
        new("unknown strategy", b => ["run", b.Write("a.yaml", "name: a\ndatasets: [toy]\nstrategies: [RB-magic]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"a\.yaml:3:\d+: unknown strategy 'RB-magic' \(known: RB-prob, RB-label, RB-dist, Random, Oracle\)"),
        new("unknown learner", b => ["run", b.Write("a.yaml", "name: a\ndatasets: [toy]\nlearners: [svm]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"a\.yaml:3:\d+: unknown learner 'svm'"),
        new("learner.c not positive", b => ["run", b.ToySpec(extra: "learner: {c: 0}")],
            @"tiny\.yaml:\d+:\d+: learner\.c must be > 0"),
        new("learner.c not finite", b => ["run", b.ToySpec(extra: "learner: {c: .inf}")],
            @"tiny\.yaml:\d+:\d+: 'learner\.c' must be a number; got '\.inf'"),
        new("strategy.k zero", b => ["run", b.ToySpec(extra: "strategy: {k: 0}")],
            @"tiny\.yaml:\d+:\d+: strategy\.k must be at least 1"),
        new("validation_fraction leaving no training rows", b => ["run", b.ToySpec(extra: "validation_fraction: 0.8")],
            @"tiny\.yaml:\d+:\d+: validation_fraction must be >= 0 and leave training rows beside test_fraction 0\.3; got 0\.8"),
        new("results show --selection validation without a validation split", b => ["results", "show", ToyStore(b), "--selection", "validation"],
            @"these results have no validation split to choose budgets on: run the spec with validation_fraction > 0"),
        new("results show --metric that is not a fairness gap", b => ["results", "show", ToyStore(b), "--metric", "nope"],
            @"--metric: 'nope' is neither a gap \(lower is fairer: .*\beqod\b.*\) nor a min/max ratio \(higher is fairer: .*\bdem_parity_ratio\b"),
        new("results show --metric with no fairer direction (disparate impact can pass 1)", b => ["results", "show", ToyStore(b), "--metric", "disparate_impact"],
            @"--metric: 'disparate_impact' is neither a gap"),
        new("spec metric with no fairer direction", b => ["run", b.ToySpec(extra: "metric: tpr_gap_signed")],
            @"tiny\.yaml:\d+:\d+: metric: 'tpr_gap_signed' is neither a gap \(lower is fairer: "),
        new("run --metric that is not a metric", b => ["run", b.ToySpec(), "--metric", "error"],
            @"--metric: 'error' is neither a gap"),
        new("report --metric that is not a metric", b => ["report", ToyStore(b), "-o", b.PathOf("r"), "--metric", "accuracy"],
            @"--metric: 'accuracy' is neither a gap"),
        new("budget ideal on data without a causal model", b => ["run", b.Write("i.yaml", "name: i\ndatasets: [compas]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {ideal: true}\nseeds: [0]\n")],
            @"i\.yaml: budget 'ideal' \(the ideal's count M\*\) needs synthetic data with a known causal model"),
        new("budgets.ideal not a boolean", b => ["run", b.Write("j.yaml", "name: j\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {ideal: maybe}\nseeds: [0]\n")],
            @"j\.yaml:\d+:\d+: 'budgets\.ideal' must be true or false; got 'maybe'"),
        new("unknown synthetic setting", b => ["run", b.Write("k.yaml", "name: k\ndatasets: [\"synthetic(strength=2)\"]\nstrategies: [RB-prob]\nalphas: [0.2]\nbudgets: {fractions: [1]}\nseeds: [0]\n")],
            @"dataset 'synthetic\(strength=2\)': unknown setting 'strength' \(settable: weight_norm, "),
        new("firm_side_fit validation without a validation split", b => ["run", b.ToySpec(extra: "firm_side_fit: validation")],
            @"tiny\.yaml:\d+:\d+: firm_side_fit: validation needs a validation split: set validation_fraction > 0"),
        new("firm_side_fit unknown", b => ["run", b.ToySpec(extra: "firm_side_fit: test")],
            @"tiny\.yaml:\d+:\d+: firm_side_fit must be validation or training; got 'test'"),
        new("scores --validation-fraction leaving no training rows", b => ["scores", "toy", "--validation-fraction", "0.8", "-o", b.PathOf("s.csv")],
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
            @"tiny\.yaml:\d+:\d+: unknown defence 'magic' \(known: none, knn-sanitisation, confident-learning, loss-filtering, roni\)"),
        new("unknown defence option", b => ["run", b.ToySpec(extra: "defences: {knn-sanitisation: {neighbours: 5}}")],
            @"tiny\.yaml:\d+:\d+: knn-sanitisation: unknown option 'neighbours' \(settable: Action, Eta, K\)"),
        new("defence option out of range", b => ["run", b.ToySpec(extra: "defences: {loss-filtering: {share: 1.5}}")],
            @"tiny\.yaml:\d+:\d+: loss-filtering: option 'share' must lie in \[0, 1\); got 1\.5"),
        new("defence action unknown", b => ["run", b.ToySpec(extra: "defences: {knn-sanitisation: {action: burn}}")],
            @"tiny\.yaml:\d+:\d+: knn-sanitisation: option 'Action' has a value of the wrong type"),
        new("defence listed twice", b => ["run", b.ToySpec(extra: "defences: [roni, roni]")],
            @"tiny\.yaml:\d+:\d+: 'defences' lists roni twice"),
        new("firm-side methods without the undefended firm", b => ["run", b.ToySpec(extra: "defences: [roni]\nfirm_side: [Reweighing]")],
            @"firm-side methods run on the firm without a defence; add none to 'defences'"),
        new("plausible threshold outside [0, 1)", b => ["run", b.ToySpec(extra: "plausible: [0, 1]")],
            @"tiny\.yaml:\d+:\d+: a plausible threshold must lie in \[0, 1\); got 1"),
        new("shard outside its count", b => ["run", b.ToySpec(), "--shard", "5/4"],
            @"--shard 5/4: shard 5 is outside 1\.\.4"),
        new("shard not I/N", b => ["run", b.ToySpec(), "--shard", "half"],
            @"--shard: 'half' is not I/N \(e\.g\. 2/4\) or env"),
        new("shard from an environment without a scheduler", b => ["run", b.ToySpec(), "--shard", "env"],
            @"--shard env: neither SLURM_ARRAY_TASK_ID \(a Slurm job array\) nor JOB_COMPLETION_INDEX \(a Kubernetes Indexed Job\) is set; give --shard I/N"),
        new("merge of a missing store", b => ["results", "merge", b.PathOf("m.sqlite"), b.PathOf("nowhere.sqlite")],
            @"results store '.*nowhere\.sqlite' does not exist"),
        new("merge into one of its inputs", b => ["results", "merge", b.PathOf("m.sqlite"), b.PathOf("m.sqlite")],
            @"results merge: the output '.*m\.sqlite' is also an input"),
        new("invalid YAML", b => ["run", b.Write("bad.yaml", "name: x\ndatasets: [toy\n")],
            @"bad\.yaml.*not valid YAML/JSON"),
        new("spec file missing", b => ["run", b.PathOf("nowhere.yaml")],
            @"spec file '.*nowhere\.yaml' does not exist"),

        // --- feasibility, checked before the first cell --------------------------------------------------------------
        new("k larger than the majority rows RB-dist can use", b => ["run", b.Write("k.yaml", "name: k\ndatasets: [toy]\nstrategies: [RB-dist]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\nstrategy: {k: 5000}\n")],
            @"k\.yaml: strategy\.k = 5000 exceeds the \d+ positive majority training rows RB-dist measures distances to in dataset 'toy', seed 0; lower strategy\.k"),
        new("k larger than the majority rows RB-label can use", b => ["run", b.Write("k.yaml", "name: k\ndatasets: [toy]\nstrategies: [RB-label]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\nstrategy: {k: 5000}\n")],
            @"k\.yaml: strategy\.k = 5000 exceeds the \d+ majority training rows RB-label can count among in dataset 'toy', seed 0; lower strategy\.k"),
        new("majority_rows larger than the majority", b => ["run", b.Write("m.yaml", "name: m\ndatasets: [toy]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\nmajority_rows: [100000]\n")],
            @"m\.yaml: majority_rows = 100000 exceeds the \d+ majority training rows of dataset 'toy', seed 0"),
        new("oracle on real data", b => ["run", b.Write("o.yaml", $"name: o\ndatasets: [{{path: people.csv, spec: {b.UserData()}}}]\nstrategies: [Oracle]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n")],
            @"o\.yaml: strategy 'Oracle' needs synthetic data with a known causal model"),
        new("collective larger than the minority", b => ["run", b.Write("c.yaml", "name: c\ndatasets: [toy]\nstrategies: [RB-prob]\nmembers: [100000]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"c\.yaml: a collective of 100000 members is larger than the \d+ minority training rows of dataset 'toy', seed 0"),
        new("collective whose pool is empty", b =>
            {
                // Every minority row has y = 1: any collective has nothing to relabel.
                var rows = string.Concat(Enumerable.Range(0, 120).Select(i => i % 3 == 0 ? $"{i},b,1\n" : $"{i},a,{i % 2}\n"));
                b.Write("p.csv", "x,g,y\n" + rows);
                var spec = b.Write("p-data.yaml", "name: p\npath: p.csv\nlabel: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\nsensitive: { columns: [g], minority: [b] }\n");
                return ["run", b.Write("e.yaml", $"name: e\ndatasets: [{{path: p.csv, spec: {spec}}}]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n")];
            },
            @"e\.yaml: the collective alpha=0\.5 of dataset 'p', seed 0 has an empty pool: none of its \d+ members has y = 0"),
        new("two datasets over one file with the same name", b =>
            {
                var a = b.UserData("people");
                var other = b.Write("people-2.yaml", File.ReadAllText(a) + "missing: { values: [\"?\"], policy: keep }\n");
                return ["run", b.Write("two.yaml", $"name: two\ndatasets: [{{path: people.csv, spec: {a}}}, {{path: people.csv, spec: {other}}}]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n")];
            },
            @"two\.yaml: two datasets are named 'people' but differ \('.*people\.csv' read with '.*people\.yaml' and '.*people\.csv' read with '.*people-2\.yaml'\); give each its own 'name' in its dataset spec"),

        // --- stores: identity, refusal, corruption ---------------------------------------------------------------------
        new("changed learner option, same store", b => { var s = ToyStore(b); return ["run", b.ToySpec(extra: "learner: {c: 0.01}"), "--store", s]; },
            @"results store '.*tiny\.sqlite' already holds experiment 'tiny' with other settings: learner 'logistic' options differ: C is 1 in the store and 0\.01 now; give the spec another name, or run into another --store"),
        new("changed test fraction, same store", b => { var s = ToyStore(b); return ["run", b.ToySpec(extra: "test_fraction: 0.25"), "--store", s]; },
            @"already holds experiment 'tiny' with other settings: test_fraction is 0\.3 in the store and 0\.25 now"),
        new("changed strategy option, same store", b => { var s = ToyStore(b); return ["run", b.ToySpec(extra: "strategy: {tie_rule: row-index}"), "--store", s]; },
            @"already holds experiment 'tiny' with other settings: strategy\.tie_rule is SeededRandom in the store and RowIndex now"),
        new("edited data file, same store", b =>
            {
                var spec = b.UserData("people", specName: "people");
                var exp = b.Write("u.yaml", $"name: u\ndatasets: [{{path: people.csv, spec: {spec}}}]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n");
                Ok("run", exp, "--threads", "1");
                File.AppendAllText(b.PathOf("people.csv"), "3,b,1\n");
                return ["run", exp];
            },
            @"already holds experiment 'u' with other settings: dataset 'people' has different data \(content sha256 [0-9a-f]{12} in the store, [0-9a-f]{12} now\)"),
        new("edited dataset spec, same store", b =>
            {
                var spec = b.UserData("people", specName: "people");
                var exp = b.Write("u.yaml", $"name: u\ndatasets: [{{path: people.csv, spec: {spec}}}]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {{fractions: [0.5]}}\nseeds: [0]\n");
                Ok("run", exp, "--threads", "1");
                File.AppendAllText(spec, "missing: { values: [\"?\"], policy: keep }\n");
                return ["run", exp];
            },
            @"dataset 'people' is read with different settings \(spec sha256 [0-9a-f]{12} in the store, [0-9a-f]{12} now\)"),
        new("foreign SQLite database as --store", b =>
            {
                var db = b.PathOf("crm.db");
                Sql(db, "CREATE TABLE customers(id INTEGER)");
                return ["run", b.ToySpec(), "--store", db];
            },
            @"'.*crm\.db' is not a FairCollective results store \(it is an SQLite database with tables customers\); give another --store path"),
        new("foreign SQLite database to results show", b => { var db = b.PathOf("crm.db"); Sql(db, "CREATE TABLE customers(id INTEGER)"); return ["results", "show", db]; },
            @"'.*crm\.db' is not a FairCollective results store"),
        new("unknown schema version", b => { var s = ToyStore(b); Sql(s, "PRAGMA user_version = 7"); return ["results", "show", s]; },
            @"results store '.*tiny\.sqlite' has schema version 7; this FairCollective reads version 6"),
        new("a run resumed into a store of schema 5 (percentile intervals of unsigned gaps)", b => { var s = ToyStore(b); Sql(s, "PRAGMA user_version = 5"); return ["run", b.ToySpec(), "--store", s]; },
            @"results store '.*tiny\.sqlite' has schema version 5; this FairCollective reads version 6: its intervals of unsigned gaps and ratios \(EqOd, .*\) are percentile intervals that exclude 0 near 0, where this FairCollective bounds them through the signed gaps \(docs/metrics\.md\); run the experiment again into a new store"),
        new("a text file as store", b => ["results", "show", b.Write("notes.sqlite", new string('x', 600))],
            @"'.*notes\.sqlite' is not a FairCollective results store \(not an SQLite database\)"),
        new("missing store", b => ["results", "show", b.PathOf("none.sqlite")],
            @"results store '.*none\.sqlite' does not exist"),
        new("corrupted row: results show", b => { var s = ToyStore(b); Sql(s, "UPDATE cells SET metrics_json = '{' WHERE method = 'RB-prob'"); return ["results", "show", s]; },
            @"results store '.*tiny\.sqlite': cell row \d+ \(key [0-9a-f]{12}\) is corrupted: .*; delete that row or run the experiment into a new store"),
        new("corrupted row: results export", b => { var s = ToyStore(b); Sql(s, "UPDATE cells SET config_json = 'x' WHERE method = 'Base'"); return ["results", "export", s, "--csv", b.PathOf("out.csv")]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted"),
        new("corrupted row: report", b => { var s = ToyStore(b); Sql(s, "UPDATE cells SET flips = 10000 WHERE method = 'RB-prob'"); return ["report", s, "-o", b.PathOf("report")]; },
            @"cell row \d+ \(key [0-9a-f]{12}\) is corrupted: its counts are impossible"),
        new("results export of an experiment the store lacks", b => { var s = ToyStore(b); return ["results", "export", s, "--experiment", "nonexistent", "--csv", b.PathOf("out.csv")]; },
            @"results store '.*tiny\.sqlite' holds no experiment 'nonexistent' \(it holds: tiny\)"),
        new("results show of an experiment the store lacks", b => { var s = ToyStore(b); return ["results", "show", s, "--experiment", "nope"]; },
            @"holds no experiment 'nope' \(it holds: tiny\)"),

        // --- options and output paths ----------------------------------------------------------------------------------
        new("--threads 0", b => ["run", b.ToySpec(), "--threads", "0"], @"--threads must be a whole number >= 1 \(leave it out for all cores\); got 0"),
        new("--threads -5", b => ["run", b.ToySpec(), "--threads", "-5"], @"--threads must be a whole number >= 1 \(leave it out for all cores\); got -5"),
        new("--threads not a number", b => ["run", b.ToySpec(), "--threads", "many"], @"many.*--threads|--threads.*many"),
        new("unknown option", b => ["run", b.ToySpec(), "--thread", "2"], @"--thread.*\(see --help\)"),
        new("--store whose parent is a file", b => { b.Write("afile", "x"); return ["run", b.ToySpec(), "--store", b.PathOf("afile/s.sqlite")]; },
            @"cannot create the folder of results store '.*afile/s\.sqlite'"),
        new("--store that is a folder", b => { Directory.CreateDirectory(b.PathOf("folder")); return ["run", b.ToySpec(), "--store", b.PathOf("folder")]; },
            @"results store '.*folder' is a directory, not a file"),
        new("reproduce --threads 0", b => ["reproduce", "toy", "--quick", "--threads", "0", "-o", b.PathOf("repro")],
            @"--threads must be a whole number >= 1"),
        new("reproduce toy with --datasets", b => ["reproduce", "toy", "--quick", "--datasets", "compas", "-o", b.PathOf("repro")],
            @"--datasets: the toy experiment draws its own 2-D picture"),
        new("reproduce synthetic on real data", b => ["reproduce", "synthetic", "--quick", "--datasets", "compas", "-o", b.PathOf("repro")],
            @"--datasets: the synthetic experiment compares with the Oracle, which needs a known causal model; 'compas' has none \(use synthetic or toy\)"),
        new("reproduce with an unknown learner", b => ["reproduce", "collective-size", "--quick", "--learners", "svm", "-o", b.PathOf("repro")],
            @"--learners: unknown learner 'svm' \(known: logistic, mlp, gbt\)"),
        new("reproduce of an unknown experiment", b => ["reproduce", "collective-sise", "-o", b.PathOf("repro")],
            @"collective-sise.* not recognized\. Must be one of: 'toy' 'collective-size' .* \(see --help\)$"),

        new("results export into a path whose parent is a file", b => { var s = ToyStore(b); b.Write("afile", "x"); return ["results", "export", s, "--csv", b.PathOf("afile/out.csv")]; },
            @"cannot write '.*afile/out\.csv'.*is a file, not a folder"),
        new("results export into a folder", b => { var s = ToyStore(b); Directory.CreateDirectory(b.PathOf("dir")); return ["results", "export", s, "--json", b.PathOf("dir")]; },
            @"cannot write '.*dir'.*it is a folder, not a file"),
        new("results export into a read-only location", b => ["results", "export", ToyStore(b), "--csv", "/proc/faircollective-export.csv"],
            @"cannot write '/proc/faircollective-export\.csv'"),
        new("results export without a target", b => ["results", "export", ToyStore(b)], @"results export needs --csv FILE and/or --json FILE"),
        new("reproduce -o naming a file", b => ["reproduce", "toy", "--quick", "-o", b.Write("taken", "x")],
            @"reproduce output '.*taken' \(-o\) is a file, not a folder"),
        new("report -o naming a file", b => ["report", ToyStore(b), "-o", b.Write("taken", "x")],
            @"report output '.*taken' is a file, not a directory"),

        // --- data (the foundation's cases, through the CLI) -------------------------------------------------------------
        new("malformed CSV row", b => { var s = b.UserData(); File.AppendAllText(b.PathOf("people.csv"), "1,a,0,9\n"); return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s]; },
            @"people\.csv, line 242: 4 fields, expected 3"),
        new("non-number in a numeric column", b => { var s = b.UserData(extraSpec: "features: [ { name: x, kind: numeric } ]"); File.AppendAllText(b.PathOf("people.csv"), "ten,a,0\n"); return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s]; },
            @"people\.csv, line 242, column 'x': 'ten' is not a number"),
        new("unknown column in a dataset spec", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec", b.UserData(extraSpec: "features: [ { name: z } ]")],
            @"people\.yaml: unknown column 'z' in features \(.*people\.csv has columns: x, g, y\)"),
        new("unknown key in a dataset spec", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec", b.UserData(extraSpec: "colour: blue")],
            @"people\.yaml, line \d+: unknown key 'colour' in the spec"),
        new("label outside the declared values", b => { var s = b.UserData(); File.AppendAllText(b.PathOf("people.csv"), "1,a,maybe\n"); return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s]; },
            @"people\.csv, line 242, column 'y': label 'maybe' is neither favourable \(1\) nor unfavourable \(0\)"),
        new("group outside the declared groups", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec", b.Write("people.yaml", File.ReadAllText(b.UserData()).Replace("minority: [b] }", "minority: [b], groups: [b] }"))],
            @"people\.csv, line 3: sensitive group 'a' is not among the declared groups \(b\)"),
        new("minority with no rows", b => ["datasets", "describe", b.PathOf("people.csv"), "--spec", b.Write("people.yaml", File.ReadAllText(b.UserData()).Replace("minority: [b]", "minority: [c]"))],
            @"people\.yaml: sensitive\.minority value 'c' matches no row of column 'g' \(values seen: .*\)$"),
        new("declared label value on no row", b =>
            {
                b.Write("ones.csv", "x,g,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{(i % 2 == 0 ? "a" : "b")},1.0\n")));
                return ["datasets", "describe", b.PathOf("ones.csv"), "--spec", b.Write("ones.yaml", "label: { column: y, favourable: [\"1\"], unfavourable: [\"0\"] }\nsensitive: { columns: [g], minority: [b] }\n")];
            },
            @"ones\.yaml: label\.unfavourable value '0' matches no row of column 'y' \(values seen: 1\.0 \(20\)\)$"),
        new("single-class label", b =>
            {
                b.Write("one.csv", "x,g,y\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i},{(i % 2 == 0 ? "a" : "b")},1\n")));
                return ["datasets", "describe", b.PathOf("one.csv"), "--spec", b.Write("one.yaml", "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n")];
            },
            @"one\.csv: the label has a single class \(all 20 rows have y = 1\); both classes are needed"),
        new("truncated gzip file", b =>
            {
                var spec = b.UserData(rows: 20000);
                var gz = b.PathOf("people.csv.gz");
                using (var file = File.Create(gz))
                using (var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
                    zip.Write(File.ReadAllBytes(b.PathOf("people.csv")));
                var bytes = File.ReadAllBytes(gz);
                File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);
                return ["datasets", "describe", gz, "--spec", spec];
            },
            @"people\.csv\.gz: gzip data is truncated or corrupt"),
        new("data path that does not exist", b => ["datasets", "describe", "/no/such/file.csv"], @"^/no/such/file\.csv: file not found$"),
        new("unknown dataset name", b => ["datasets", "describe", "compass"], @"unknown dataset 'compass' \(known: .*\)"),
        new("YAML nested 50,000 deep", b => ["run", b.Write("deep.yaml", "name: deep\ndatasets: " + new string('[', 50_000) + new string(']', 50_000) + "\n")],
            @"deep\.yaml: nesting deeper than 64 levels at line 2, column \d+ \(the limit for a spec document\)"),
        new("JSON nested 50,000 deep", b => ["run", b.Write("deep.json", "{\"name\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 50_000)) + "1" + new string('}', 50_001))],
            @"deep\.json: nesting deeper than 64 levels at line 1, column \d+ \(the limit for a spec document\)"),
        new("dataset spec nested 50,000 deep", b => { b.UserData(); return ["datasets", "describe", b.PathOf("people.csv"), "--spec", b.Write("deep-data.yaml", "label: " + new string('[', 50_000) + new string(']', 50_000) + "\n")]; },
            @"deep-data\.yaml: nesting deeper than 64 levels"),
        new("spec larger than 1 MiB", b => ["run", b.Write("huge.yaml", "name: huge\n# " + new string('x', 1_100_000) + "\n")],
            @"huge\.yaml: .*1,048,576"),
        new("categorical with 200,000 levels", b =>
            {
                var csv = new System.Text.StringBuilder("id,g,y\n");
                for (int i = 0; i < 200_000; i++) csv.Append("c").Append(i).Append(i % 3 == 0 ? ",b," : ",a,").Append(i % 2).Append('\n');
                b.Write("ids.csv", csv.ToString());
                return ["datasets", "describe", b.PathOf("ids.csv"), "--spec", b.Write("ids.yaml", "label: { column: y, favourable: [\"1\"] }\nsensitive: { columns: [g], minority: [b] }\n")];
            },
            @"ids\.csv, column 'id': .*distinct values exceed the limit of 1,000 levels for a categorical feature; declare it 'kind: numeric', leave it out of 'features'"),
        new("NaN in a numeric column under missing.policy error", b =>
            {
                var s = b.UserData(extraSpec: "missing: { values: [\"?\"], policy: error }");
                File.AppendAllText(b.PathOf("people.csv"), "NaN,a,0\n");
                return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s];
            },
            @"people\.csv, line 242, column 'x': 'NaN' is not a finite number, so it counts as missing \(missing\.policy is error\)"),
        new("Infinity in a numeric column under missing.policy error", b =>
            {
                var s = b.UserData(extraSpec: "missing: { values: [\"?\"], policy: error }");
                File.AppendAllText(b.PathOf("people.csv"), "Infinity,b,1\n");
                return ["datasets", "describe", b.PathOf("people.csv"), "--spec", s];
            },
            @"people\.csv, line 242, column 'x': 'Infinity' is not a finite number"),
        new("unknown dataset in an experiment", b => ["run", b.Write("x.yaml", "name: x\ndatasets: [compass]\nstrategies: [RB-prob]\nalphas: [0.5]\nbudgets: {fractions: [0.5]}\nseeds: [0]\n")],
            @"unknown dataset 'compass'"),

        // --- metrics: a CSV of labelled predictions --------------------------------------------------------------------
        new("metrics of a missing file", b => ["metrics", b.PathOf("preds.csv"), "--y-true", "y", "--y-pred", "yhat", "--group", "g"],
            @"preds\.csv: file not found$"),
        new("metrics with an unknown --y-true column", b => ["metrics", Predictions(b), "--y-true", "label", "--y-pred", "yhat", "--group", "g"],
            @"preds\.csv: no column 'label' for --y-true \(columns: y, yhat, g, h, w\)$"),
        new("metrics with an unknown second --group column", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--group", "race"],
            @"preds\.csv: no column 'race' for --group \(columns: y, yhat, g, h, w\)$"),
        new("metrics with a prediction that is not 0/1", b => { var f = Predictions(b); File.AppendAllText(f, "1,0.7,a,x,1\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g"]; },
            @"preds\.csv, line 42, column 'yhat': '0\.7' is not 0 or 1 \(--y-pred\)$"),
        new("metrics with a label that is not 0/1", b => { var f = Predictions(b); File.AppendAllText(f, "yes,0,a,x,1\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g"]; },
            @"preds\.csv, line 42, column 'y': 'yes' is not 0 or 1 \(--y-true\)$"),
        new("metrics with an empty group value", b => { var f = Predictions(b); File.AppendAllText(f, "1,0,,x,1\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g"]; },
            @"preds\.csv, line 42, column 'g': empty group value \(--group\)$"),
        new("metrics with a negative weight", b => { var f = Predictions(b); File.AppendAllText(f, "1,0,a,x,-2\n"); return ["metrics", f, "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--weight", "w"]; },
            @"preds\.csv, line 42, column 'w': weight -2 is negative \(--weight\)$"),
        new("metrics with a --minority no group has", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--group", "h", "--minority", "a"],
            @"--minority 'a' matches no group of .*preds\.csv \(groups: a x x, a x y, b x x, b x y\)$"),
        new("metrics of a header without rows", b => ["metrics", b.Write("preds.csv", "y,yhat,g\n"), "--y-true", "y", "--y-pred", "yhat", "--group", "g"],
            @"preds\.csv: no data rows$"),
        new("metrics without --group", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat"],
            @"--group.*\(see --help\)$"),
        new("metrics with negative --resamples", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--resamples", "-1"],
            @"^--resamples must lie in 0\.\.10000 \(0 = no intervals\); got -1$"),
        new("metrics with --resamples above the cap", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--resamples", "10001"],
            @"^--resamples must lie in 0\.\.10000 \(0 = no intervals\); got 10001$"),
        new("metrics with --level outside (0, 1)", b => ["metrics", Predictions(b), "--y-true", "y", "--y-pred", "yhat", "--group", "g", "--level", "95"],
            @"^--level must lie strictly between 0 and 1; got 95$"),
        new("metrics over so many groups that the between-groups intervals' pairs would not fit", b =>
            ["metrics", b.Write("preds.csv", "y,yhat,g\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{i % 2},{i / 2 % 2},g{i}\n"))), "--y-true", "y", "--y-pred", "yhat", "--group", "g"],
            @"^the bootstrap interval of the between-groups difference over 200 groups needs 19,900 pairwise parts x 1,000 resamples, more than 16,777,216 values; use fewer resamples or fewer groups$"),
        new("plan with a member outside the minority", b => { var (m, _) = Planning.CompasCut.Write(b, 50, 0, withAMajorityRow: true); return ["plan", m, .. Planning.CompasCut.PublicNumbers(), "--majority-base-rate", "0.5"]; },
            @"members file '.*': row 51 \(id \d+\) is in group 'Caucasian', not in the minority \(African-American\); a collective's members all belong to the minority$"),
        new("plan with public numbers the members contradict", b => { var (m, s) = Planning.CompasCut.Write(b, 300, 50); return ["plan", m, "--majority", s, "--firm-users", "1000", "--minority-users", "100"]; },
            @"the members file has 300 rows but the public numbers give the minority only 100 users: .*$"),
        new("plan with a share that contradicts two counts", b => { var (m, s) = Planning.CompasCut.Write(b, 30, 50); return ["plan", m, "--majority", s, "--firm-users", "1000", "--minority-users", "400", "--minority-share", "0.2"]; },
            @"--minority-share 0\.2 contradicts --minority-users 400 of --firm-users 1000 \(share 0\.4\)$"),
        new("plan with a majority sample of one label", b => { var (m, s) = Planning.CompasCut.Write(b, 50, 40, onlyLabel: 1); return ["plan", m, "--majority", s, .. Planning.CompasCut.PublicNumbers()]; },
            @"the majority sample's 40 rows all have label 1: .*$"),
        new("plan without a sample or a majority base rate", b => { var (m, _) = Planning.CompasCut.Write(b, 50, 0); return ["plan", m, .. Planning.CompasCut.PublicNumbers()]; },
            @"without a majority sample \(--majority\) the planner needs the majority's base rate: give --majority-base-rate .*$"),
        new("plan with one public number", b => { var (m, s) = Planning.CompasCut.Write(b, 50, 40); return ["plan", m, "--majority", s, "--firm-users", "5000"]; },
            @"the planner needs the firm's population: give two of --firm-users, --minority-users and --minority-share$"),
        new("plan with a target outside 0..1", b => { var (m, s) = Planning.CompasCut.Write(b, 50, 40); return ["plan", m, "--majority", s, .. Planning.CompasCut.PublicNumbers(), "--target-eqod", "1.5"]; },
            @"--target: a metric value lies in \[0, 1\]; got 1\.5$"),
        new("plan into an output that is a file", b => { var (m, s) = Planning.CompasCut.Write(b, 50, 40); return ["plan", m, "--majority", s, .. Planning.CompasCut.PublicNumbers(), "-o", b.Write("taken", "x")]; },
            @"plan output '.*taken' \(-o\) is a file, not a folder$"),
        new("plan of a members file that does not exist", b => ["plan", b.PathOf("nobody.csv"), .. Planning.CompasCut.PublicNumbers()],
            @"members file '.*nobody\.csv' not found$"),
    ];

    /// <summary>40 rows of labelled predictions: y, yhat, groups g (a/b) and h (x/y), weight w.</summary>
    private static string Predictions(CliSandbox b) => b.Write("preds.csv",
        "y,yhat,g,h,w\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 2},{i / 2 % 2},{(i % 3 == 0 ? "b" : "a")},{(i % 5 == 0 ? "y" : "x")},1\n")));
}
