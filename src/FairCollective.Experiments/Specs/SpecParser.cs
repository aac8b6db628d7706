using System.Globalization;
using System.Text.Json.Nodes;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data.Splitting;
using FairCollective.Data.Sources;
using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Mitigation.FirmSide;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// Reads an experiment spec from YAML or JSON (JSON is YAML). The document is walked node by node rather than
/// deserialised into DTOs so that every error can name the key and the line it stands on.
/// </summary>
public static class SpecParser
{
    private static readonly string[] KnownKeys =
        ["name", "datasets", "learners", "strategies", "alphas", "members", "budgets", "majority_rows", "seeds",
            "test_fraction", "validation_fraction", "strategy", "learner", "firm_side", "randomness", "split",
            "encoding", "bootstrap", "metric", "firm_side_fit", "defences", "plausible", "plugins", "rounding"];

    /// <summary>Reads and parses the spec file at <paramref name="path"/>.</summary>
    public static ExperimentSpec ParseFile(string path)
    {
        InputFile.Require(path, "spec file", $"spec file '{path}' does not exist");
        return Parse(SpecDocument.ReadFile(path), path);
    }

    /// <summary>Parses spec text; <paramref name="source"/> names it in messages. Size and nesting are bounded
    /// (<see cref="SpecDocument"/>).</summary>
    public static ExperimentSpec Parse(string text, string source = "spec")
    {
        SpecDocument.Check(text, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new UserInputException($"{source}:{e.Start.Line}:{e.Start.Column}: not valid YAML/JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser reports some unterminated structures this way, without a position.
            throw new UserInputException($"{source}: not valid YAML/JSON (an unterminated list, mapping or quote?)");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new
                UserInputException($"{source}: the spec must be a mapping of keys (name, datasets, strategies, ...)");
        var r = new Reader(source);
        foreach (var key in root.Children.Keys)
        {
            string k = r.Scalar(key, "key");
            if (!KnownKeys.Contains(k))
                throw new UserInputException($"{r.At(key)}: unknown key '{k}' (known: {string.Join(", ", KnownKeys)})");
        }

        // Plug-ins first: their strategies, learners and defences are names the rest of the spec may use.
        var plugins = root.Children.TryGetValue(new YamlScalarNode("plugins"), out var pg) ? ParsePlugins(r, pg) : [];
        var strategies = r.StringList(r.Required(root, "strategies"), "strategies");
        foreach (var (s, node) in strategies)
            if (!StrategyCatalog.IsKnown(s))
                throw new UserInputException($"{r.At(node)}: unknown strategy '{s}' (known: " +
                    $"{string.Join(", ", StrategyCatalog.Names)})");
        Distinct(r, strategies.Select(t => (StrategyCatalog.Canonical(t.Value), t.Node)), "strategies");
        var learners = root.Children.TryGetValue(new YamlScalarNode("learners"), out var ln)
            ? r.StringList(ln, "learners").Select(t
                => FairCollective.Learning.Catalog.LearnerCatalog.Names.FirstOrDefault(n => string.Equals(n, t.Value,
                StringComparison.OrdinalIgnoreCase))
                ?? throw new UserInputException($"{r.At(t.Node)}: unknown learner '{t.Value}' (known: " +
                    $"{string.Join(", ", FairCollective.Learning.Catalog.LearnerCatalog.Names)})")).ToArray()
            : [SpecDefaults.Learner];
        if (ln is not null) Distinct(r, r.StringList(ln, "learners").Select(t => (t.Value.ToLowerInvariant(), t.Node)),
            "learners");

        bool hasAlphas = root.Children.ContainsKey(new YamlScalarNode("alphas"));
        bool hasMembers = root.Children.ContainsKey(new YamlScalarNode("members"));
        if (!hasAlphas && !hasMembers)
            throw new UserInputException($"{source}: give the collective sizes as 'alphas' (shares of the minority " +
                "in [0, 1]) and/or 'members' (counts)");
        var sizes = new List<CollectiveSize>();
        if (hasAlphas)
        {
            var alphas = r.Numbers(root.Children[new YamlScalarNode("alphas")], "alphas");
            Distinct(r, alphas, "alphas");
            sizes.AddRange(alphas.Select(a => CheckAlpha(r, a)));
        }
        if (hasMembers)
        {
            var members = r.Numbers(root.Children[new YamlScalarNode("members")], "members");
            Distinct(r, members, "members");
            sizes.AddRange(members.Select(m => CheckMembers(r, m)));
        }

        var budgets = ParseBudgets(r, r.Required(root, "budgets"));
        var majority = root.Children.TryGetValue(new YamlScalarNode("majority_rows"), out var mr)
            ? ParseMajorityRows(r, mr)
            : [null];
        var seeds = ParseSeeds(r, r.Required(root, "seeds"));
        double testFraction = root.Children.TryGetValue(new YamlScalarNode("test_fraction"), out var tf) ? r.Number(tf,
            "test_fraction") : SpecDefaults.TestFraction;
        if (!(testFraction > 0 && testFraction < 1))
            throw new UserInputException($"{r.At(tf!)}: test_fraction must lie strictly between 0 and 1; got " +
                $"{testFraction}");

        string name = root.Children.TryGetValue(new YamlScalarNode("name"), out var nm) ? r.Scalar(nm,
            "name") : Path.GetFileNameWithoutExtension(source);
        // The name is a file name (NAME.sqlite, figures NAME-kind.png): the one rule for names that become paths, then
        // the experiment's narrower pattern.
        FileNameRule.Check(name, $"{(nm is null ? source : r.At(nm))}: experiment name");
        if (!SpecLimits.NamePattern().IsMatch(name))
            throw new UserInputException($"{(nm is null ? source : r.At(nm))}: experiment name '{name}' must be " +
                "letters, digits, '.', '_' or '-' (starting with a letter or digit, at most 100 characters): it " +
                "names the results file");
        // Read once, in its place among the keys (so a spec's first error stays the one reported first).
        (string Folder, PriorityOrder Priorities)? randomness = null;
        var spec = new ExperimentSpec
        {
            Name = name,
            Source = source,
            Datasets = ParseDatasets(r, r.Required(root, "datasets")),
            Learners = learners,
            Strategies = strategies.Select(t => StrategyCatalog.Canonical(t.Value)).ToArray(),
            Sizes = sizes,
            Budgets = budgets,
            MajorityRows = majority,
            Seeds = seeds,
            TestFraction = testFraction,
            Strategy = root.Children.TryGetValue(new YamlScalarNode("strategy"), out var st) ? ParseStrategy(r,
                st) : new StrategySettings(),
            StrategyOptions = st is null ? new Dictionary<string, string>() : ParseStrategyOptions(r, st),
            StrategyOptionsByMajorityRows = st is null ? new Dictionary<int, IReadOnlyDictionary<string, string>>()
                : ParseOptionsByMajorityRows(r, st, majority),
            Plugins = plugins,
            Learner = root.Children.TryGetValue(new YamlScalarNode("learner"), out var le) ? ParseLearner(r,
                le) : new LearnerSettings(),
            FirmSide = root.Children.TryGetValue(new YamlScalarNode("firm_side"), out var fs) ? ParseFirmSide(r,
                fs) : [],
            Defences = root.Children.TryGetValue(new YamlScalarNode("defences"), out var df) ? ParseDefences(r,
                df) : [DefenceChoice.None],
            Plausibility = root.Children.TryGetValue(new YamlScalarNode("plausible"), out var pl) ? ParsePlausible(r,
                pl) : [0],
            Randomness = (randomness = root.Children.TryGetValue(new YamlScalarNode("randomness"), out var rn)
                ? ParseRandomness(r, rn)
                : null)?.Folder,
            PriorityOrder = randomness?.Priorities ?? PriorityOrder.HighestFirst,
            ValidationFraction = root.Children.TryGetValue(new YamlScalarNode("validation_fraction"),
                out var vf) ? ValidationFraction(r, vf, testFraction) : 0,
            BootstrapResamples = root.Children.TryGetValue(new YamlScalarNode("bootstrap"), out var bs) ? Bootstrap(r,
                bs).Resamples : SpecDefaults.BootstrapResamples,
            BootstrapLevel = bs is not null ? Bootstrap(r, bs).Level : Fairness.BootstrapOptions.DefaultLevel,
            Stratify = root.Children.TryGetValue(new YamlScalarNode("split"), out var sp) ? ParseSplit(r,
                sp) : Stratification.LabelAndGroup,
            Rounding = root.Children.TryGetValue(new YamlScalarNode("rounding"), out var ro)
                ? RoundingRules.FromSpecName(r.Scalar(ro, "rounding"))
                  ?? throw new UserInputException($"{r.At(ro)}: rounding must be half-up or half-even; got " +
                      $"'{r.Scalar(ro, "rounding")}'")
                : Rounding.HalfUp,
            BinaryAsOneColumn = root.Children.TryGetValue(new YamlScalarNode("encoding"), out var en)
                && ParseEncoding(r, en),
            Metric = root.Children.TryGetValue(new YamlScalarNode("metric"), out var mt) ? ShownMetric.Of(r.Scalar(mt,
                "metric"), $"{r.At(mt)}: metric").Key : MetricKeys.EqOd,
            PostProcessingFit = root.Children.TryGetValue(new YamlScalarNode("firm_side_fit"),
                out var ff) ? r.Scalar(ff, "firm_side_fit") switch
                {
                    "validation" => vf is not null ? PostProcessingFit.Validation
                        : throw new UserInputException($"{r.At(ff)}: firm_side_fit: validation needs a validation " +
                            "split: set validation_fraction > 0"),
                    "training" => PostProcessingFit.Training,
                    var other
                        => throw new
                        UserInputException($"{r.At(ff)}: firm_side_fit must be validation or training; got '{other}'"),
                } : null,
        };
        SpecLimits.CheckGridSize(spec);
        return spec;
    }

    /// <summary><c>bootstrap: {resamples: N, level: L}</c>: N in 0..<see cref="SpecLimits.MaxBootstrapResamples"/> (0 =
    /// no intervals), L in (0, 1).</summary>
    private static (int Resamples, double Level) Bootstrap(Reader r, YamlNode node)
    {
        int resamples = SpecDefaults.BootstrapResamples;
        double level = Fairness.BootstrapOptions.DefaultLevel;
        foreach (var (key, value) in r.Mapping(node, "bootstrap"))
            switch (r.Scalar(key, "bootstrap"))
            {
                case "resamples":
                    resamples = r.Whole(value, "bootstrap.resamples");
                    if (resamples is < 0 or > SpecLimits.MaxBootstrapResamples) throw new
                        UserInputException($"{r.At(value)}: bootstrap.resamples must lie in " +
                        $"0..{SpecLimits.MaxBootstrapResamples} (0 = no intervals); got {resamples}");
                    break;
                case "level":
                    level = r.Number(value, "bootstrap.level");
                    if (!(level > 0 && level < 1))
                        throw new UserInputException($"{r.At(value)}: bootstrap.level must lie strictly between 0 " +
                            $"and 1; got {level.ToString(CultureInfo.InvariantCulture)}");
                    break;
                case var other:
                    throw new UserInputException($"{r.At(key)}: unknown bootstrap option '{other}' (resamples, level)");
            }
        return (resamples, level);
    }

    /// <summary><c>validation_fraction</c>: in [0, 1), leaving training rows beside the test fraction.</summary>
    private static double ValidationFraction(Reader r, YamlNode node, double testFraction)
    {
        double v = r.Number(node, "validation_fraction");
        if (!(v >= 0 && v + testFraction < 1))
            throw new UserInputException($"{r.At(node)}: validation_fraction must be >= 0 and leave training rows " +
                $"beside test_fraction {testFraction.ToString(CultureInfo.InvariantCulture)}; got " +
                $"{v.ToString(CultureInfo.InvariantCulture)}");
        return v;
    }

    /// <summary><c>split: {stratify: label-group | label}</c>.</summary>
    private static Stratification ParseSplit(Reader r, YamlNode node)
    {
        var stratify = Stratification.LabelAndGroup;
        foreach (var (key, value) in r.Mapping(node, "split"))
            stratify = r.Scalar(key, "split") switch
            {
                "stratify" => r.Scalar(value, "split.stratify") switch
                {
                    "label-group" => Stratification.LabelAndGroup,
                    "label" => Stratification.Label,
                    var v
                        => throw new
                        UserInputException($"{r.At(value)}: unknown split.stratify '{v}' (label-group or label)"),
                },
                var other => throw new UserInputException($"{r.At(key)}: unknown split option '{other}' (stratify)"),
            };
        return stratify;
    }

    /// <summary><c>encoding: {binary: two-columns | one-column}</c>; true for one column.</summary>
    private static bool ParseEncoding(Reader r, YamlNode node)
    {
        bool oneColumn = false;
        foreach (var (key, value) in r.Mapping(node, "encoding"))
            oneColumn = r.Scalar(key, "encoding") switch
            {
                "binary" => r.Scalar(value, "encoding.binary") switch
                {
                    "two-columns" => false,
                    "one-column" => true,
                    var v
                        => throw new
                        UserInputException($"{r.At(value)}: unknown encoding.binary '{v}' (two-columns or one-column)"),
                },
                var other => throw new UserInputException($"{r.At(key)}: unknown encoding option '{other}' (binary)"),
            };
        return oneColumn;
    }

    /// <summary>The folder of imported randomness (docs/experiment-spec.md), found beside the spec; it must
    /// exist.</summary>
    /// <summary><c>randomness: DIR</c>, or <c>randomness: {folder: DIR, priorities: highest-first |
    /// lowest-first}</c>.</summary>
    private static (string Folder, PriorityOrder Priorities) ParseRandomness(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode) return (RandomnessFolder(r, node), PriorityOrder.HighestFirst);
        string? folder = null;
        var order = PriorityOrder.HighestFirst;
        foreach (var (key, value) in r.Mapping(node, "randomness"))
            switch (r.Scalar(key, "randomness"))
            {
                case "folder":
                    folder = RandomnessFolder(r, value);
                    break;
                case "priorities":
                    order = r.Scalar(value, "randomness.priorities") switch
                    {
                        "highest-first" => PriorityOrder.HighestFirst,
                        "lowest-first" => PriorityOrder.LowestFirst,
                        var other => throw new UserInputException($"{r.At(value)}: randomness.priorities must be " +
                            $"highest-first or lowest-first; got '{other}'"),
                    };
                    break;
                case var other:
                    throw new UserInputException($"{r.At(key)}: unknown randomness option '{other}' (folder, " +
                        "priorities)");
            }
        return (folder ?? throw new UserInputException($"{r.At(node)}: randomness needs 'folder'"), order);
    }

    private static string RandomnessFolder(Reader r, YamlNode node)
    {
        string dir = r.Scalar(node, "randomness");
        string folder = File.Exists(r.Source) ? Path.GetDirectoryName(Path.GetFullPath(r.Source))! : ".";
        string full = Path.IsPathRooted(dir) ? dir : Path.GetFullPath(Path.Combine(folder, dir));
        if (File.Exists(full)) throw new
            UserInputException($"{r.At(node)}: randomness folder '{dir}' is a file, not a folder");
        if (!Directory.Exists(full)) throw new
            UserInputException($"{r.At(node)}: randomness folder '{dir}' does not exist");
        return full;
    }

    /// <summary>A grid value given twice would be one cell reported as two: refuse it, naming the value.</summary>
    private static void Distinct<T>(Reader r, IEnumerable<(T Value, YamlNode Node)> items,
        string what) where T : notnull
    {
        var seen = new HashSet<T>();
        foreach (var (value, node) in items)
            if (!seen.Add(value))
                throw new UserInputException($"{r.At(node)}: '{what}' lists {Format(value)} twice");
    }

    private static string Format<T>(T value) where T : notnull => value is double d ? d.ToString("R",
        CultureInfo.InvariantCulture) : value.ToString()!;

    private static CollectiveSize CheckMembers(Reader r, (double Value, YamlNode Node) m)
    {
        int count = r.WholeNumber(m, "members");
        if (count < 0) throw new UserInputException($"{r.At(m.Node)}: 'members' must be >= 0; got {count}");
        return CollectiveSize.Members(count);
    }

    private static CollectiveSize CheckAlpha(Reader r, (double Value, YamlNode Node) a)
    {
        if (!(a.Value >= 0 && a.Value <= 1))
            throw new UserInputException($"{r.At(a.Node)}: alpha {a.Value.ToString(CultureInfo.InvariantCulture)} " +
                "lies outside [0, 1]");
        return CollectiveSize.Share(a.Value);
    }

    private static IReadOnlyList<DatasetChoice> ParseDatasets(Reader r, YamlNode node)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw new UserInputException($"{r.At(node)}: 'datasets' must be a non-empty list of names or {{path, " +
                $"spec}} entries");
        // Files named in a spec file are found beside it, wherever the command runs from.
        string? folder = File.Exists(r.Source) ? Path.GetDirectoryName(Path.GetFullPath(r.Source)) : null;
        string Beside(string file) => folder is null || Path.IsPathRooted(file) ? file : Path.Combine(folder, file);
        string NameOrFile(string value) =>
            DatasetCatalog.List().Any(e => string.Equals(e.Name, value, StringComparison.OrdinalIgnoreCase))
                || !File.Exists(Beside(value)) ? value : Beside(value);
        string[] keys = ["path", "name", "spec", "embeddings"];
        return seq.Children.Select(n =>
        {
            switch (n)
            {
                case YamlScalarNode s:
                    return new DatasetChoice(NameOrFile(r.Scalar(s, "datasets")));
                case YamlMappingNode m:
                    foreach (var key in m.Children.Keys)
                        if (!keys.Contains(r.Scalar(key, "datasets")))
                            throw new UserInputException($"{r.At(key)}: unknown key '{r.Scalar(key, "datasets")}' in " +
                                $"a dataset entry (known: {string.Join(", ", keys)})");
                    string Optional(string key) => m.Children.TryGetValue(new YamlScalarNode(key),
                        out var v) ? Beside(r.Scalar(v, $"datasets.{key}")) : null!;
                    return new DatasetChoice(
                        m.Children.TryGetValue(new YamlScalarNode("path"), out var p) ? Beside(r.Scalar(p,
                            "datasets.path")) : NameOrFile(r.Scalar(r.Required(m, "name"), "datasets.name")),
                        Optional("spec"), Optional("embeddings"));
                default:
                    throw new
                        UserInputException($"{r.At(n)}: a dataset is a name or a {{path, spec, embeddings}} mapping");
            }
        }).ToArray();
    }

    private static IReadOnlyList<FlipBudget> ParseBudgets(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode m || m.Children.Count is < 1 or > 3)
            throw new UserInputException($"{r.At(node)}: 'budgets' must be {{fractions: ...}} (shares of the pool) " +
                $"and/or {{counts: ...}} (numbers of flips) and/or {{ideal: true}} (the ideal's own count M*, " +
                "synthetic data only)");
        var budgets = new List<FlipBudget>();
        foreach (var (key, value) in m.Children)
        {
            string kind = r.Scalar(key, "budgets");
            switch (kind)
            {
                case "fractions":
                    var fractions = r.Numbers(value, "budgets.fractions");
                    Distinct(r, fractions, "budgets.fractions");
                    budgets.AddRange(fractions.Select(f => f.Value is >= 0 and <= 1
                        ? FlipBudget.ShareOfPool(f.Value)
                        : throw new UserInputException($"{r.At(f.Node)}: a budget fraction must lie in [0, 1]; got " +
                            $"{f.Value}")));
                    break;
                case "counts":
                    var counts = r.Numbers(value, "budgets.counts");
                    Distinct(r, counts, "budgets.counts");
                    budgets.AddRange(counts.Select(c => r.WholeNumber(c, "budgets.counts") is var n && n >= 0
                        ? FlipBudget.Flips(n)
                        : throw new UserInputException($"{r.At(c.Node)}: 'budgets.counts' must be >= 0; got {n}")));
                    break;
                case "ideal":
                    string flag = r.Scalar(value, "budgets.ideal");
                    if (flag == "true") budgets.Add(FlipBudget.Ideal);
                    else if (flag != "false") throw new
                        UserInputException($"{r.At(value)}: 'budgets.ideal' must be true or false; got '{flag}'");
                    break;
                default:
                    throw new UserInputException($"{r.At(key)}: unknown budget kind '{kind}' (use fractions, counts " +
                        "or ideal)");
            }
        }
        return budgets;
    }

    private static IReadOnlyList<int?> ParseMajorityRows(Reader r, YamlNode node)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        if (items.Count == 0) throw new UserInputException($"{r.At(node)}: 'majority_rows' must not be empty");
        Distinct(r, items.Select(n => (r.Scalar(n, "majority_rows"), n)), "majority_rows");
        return items.Select(n =>
        {
            string v = r.Scalar(n, "majority_rows");
            if (v == "all") return (int?)null;
            if (int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int m) && m > 0) return m;
            throw new
                UserInputException($"{r.At(n)}: majority_rows entries are 'all' or a positive whole number; got '{v}'");
        }).ToArray();
    }

    private static IReadOnlyList<int> ParseSeeds(Reader r, YamlNode node)
    {
        if (node is YamlMappingNode m)
        {
            int count = r.Whole(r.Required(m, "count"), "seeds.count");
            int start = m.Children.TryGetValue(new YamlScalarNode("from"), out var f) ? r.Whole(f, "seeds.from") : 0;
            if (count < 1) throw new UserInputException($"{r.At(node)}: seeds.count must be at least 1");
            if (count > SpecLimits.MaxAxisValues)
                throw new UserInputException($"{r.At(node)}: seeds.count = {count} is more than the limit of " +
                    $"{SpecLimits.MaxAxisValues} values on one grid axis");
            if ((long)start + count - 1 > int.MaxValue) throw new
                UserInputException($"{r.At(node)}: seeds from {start} count {count} run past {int.MaxValue}");
            return Enumerable.Range(start, count).ToArray();
        }
        var seeds = r.Numbers(node, "seeds").Select(s => r.WholeNumber(s, "seeds")).ToArray();
        if (seeds.Length == 0) throw new UserInputException($"{r.At(node)}: give at least one seed");
        if (seeds.Distinct().Count() != seeds.Length) throw new UserInputException($"{r.At(node)}: seeds repeat");
        if (seeds.Any(s => s < 0)) throw new UserInputException($"{r.At(node)}: seeds must be >= 0");
        return seeds;
    }

    /// <summary><c>strategy</c>: the strategies' shared settings, read by the settings codec (every property of
    /// <see cref="StrategySettings"/>), and their own options under <c>options</c>
    /// (<see cref="ParseStrategyOptions"/>).</summary>
    private static StrategySettings ParseStrategy(Reader r, YamlNode node)
    {
        foreach (var (keyNode, _) in r.Mapping(node, "strategy"))
            if (MovedStrategyKeys.TryGetValue(r.Scalar(keyNode, "strategy"), out var now))
                throw new UserInputException($"{r.At(keyNode)}: strategy.{r.Scalar(keyNode, "strategy")} is now {now}");
        return SettingsCodec.FromSpec<StrategySettings>(r, node, "strategy", _ => { },
            ["options", "options_by_majority_rows"]);
    }

    /// <summary>Shared strategy keys that became one strategy's own option, and where each is set now.</summary>
    private static readonly Dictionary<string, string> MovedStrategyKeys = new(StringComparer.Ordinal)
    {
        ["k"] = "each neighbour strategy's own option (did you mean strategy.options.RB-label.k and " +
            "strategy.options.RB-dist.k?)",
        ["scaling"] = "each neighbour strategy's own option (did you mean strategy.options.RB-label.scaling and " +
            "strategy.options.RB-dist.scaling?)",
        ["rb_prob_model"] = "RB-prob's own option, also read by the plausible-flips threshold (did you mean " +
            "strategy.options.RB-prob.model?)",
    };

    /// <summary>
    /// <c>strategy.options</c>: a mapping of strategy name to its own options, e.g. <c>options: {Centroid: {power:
    /// 1}}</c>, for strategies whose entry has an options record; each option is checked by the strategy here, so a
    /// typo stops the parse with its line. Keys are the strategies' registered names; values their options as canonical
    /// JSON.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ParseStrategyOptions(Reader r, YamlNode strategyNode)
    {
        var options = r.Mapping(strategyNode, "strategy").Where(kv => r.Scalar(kv.Key,
            "strategy") == "options").Select(kv => kv.Value).FirstOrDefault();
        return options is null ? new SortedDictionary<string, string>(StringComparer.Ordinal)
            : ParseOptionsOfStrategies(r, options, "strategy.options");
    }

    /// <summary>
    /// <c>strategy.options_by_majority_rows</c>: per m of <c>majority_rows</c>, strategies' own options that replace
    /// <c>strategy.options</c> in the cells with that m (unset options at their defaults), e.g. <c>{20: {RB-label: {k:
    /// 3}}}</c>. An m the grid does not run is an error naming its line.
    /// </summary>
    private static IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> ParseOptionsByMajorityRows(Reader r,
        YamlNode strategyNode, IReadOnlyList<int?> majorityRows)
    {
        var result = new SortedDictionary<int, IReadOnlyDictionary<string, string>>();
        var levels = r.Mapping(strategyNode, "strategy").Where(kv => r.Scalar(kv.Key,
            "strategy") == "options_by_majority_rows").Select(kv => kv.Value).FirstOrDefault();
        if (levels is null) return result;
        foreach (var (mNode, options) in r.Mapping(levels, "strategy.options_by_majority_rows"))
        {
            int m = r.Whole(mNode, "strategy.options_by_majority_rows");
            if (!majorityRows.Contains(m))
                throw new UserInputException($"{r.At(mNode)}: strategy.options_by_majority_rows names m = {m}, which " +
                    $"majority_rows does not list ({string.Join(", ", majorityRows.Select(x => x?.ToString(
                        CultureInfo.InvariantCulture) ?? "all"))})");
            if (result.ContainsKey(m)) throw new
                UserInputException($"{r.At(mNode)}: strategy.options_by_majority_rows names m = {m} twice");
            result[m] = ParseOptionsOfStrategies(r, options, $"strategy.options_by_majority_rows.{m}");
        }
        return result;
    }

    /// <summary>A mapping of strategy name to its own options, each checked by the strategy with its line.</summary>
    private static SortedDictionary<string, string> ParseOptionsOfStrategies(Reader r, YamlNode options, string where)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (nameNode, given) in r.Mapping(options, where))
        {
            string name = r.Scalar(nameNode, where);
            if (!StrategyCatalog.IsKnown(name))
                throw new UserInputException($"{r.At(nameNode)}: unknown strategy '{name}' (known: " +
                    $"{string.Join(", ", StrategyCatalog.Names)})");
            string canonical = StrategyCatalog.Canonical(name);
            if (result.ContainsKey(canonical)) throw new
                UserInputException($"{r.At(nameNode)}: {where} names {canonical} twice");
            var typed = AppliedByLine(r, given, $"{where}.{name}", nameNode, set
                => StrategyCatalog.OptionsWith(canonical, set));
            if (StrategyCatalog.OptionsJson(canonical, typed) is { } json) result[canonical] = json;
        }
        return result;
    }

    /// <summary><c>plugins</c>: paths of plug-in assemblies (relative to the spec's folder), loaded here in
    /// order.</summary>
    private static IReadOnlyList<string> ParsePlugins(Reader r, YamlNode node)
    {
        string folder = File.Exists(r.Source) ? Path.GetDirectoryName(Path.GetFullPath(r.Source))! : ".";
        var paths = new List<string>();
        foreach (var (given, at) in r.StringList(node, "plugins"))
        {
            string full = Path.IsPathRooted(given) ? given : Path.GetFullPath(Path.Combine(folder, given));
            try
            {
                FairCollective.Plugins.PluginLoader.Load(full);
            }
            catch (UserInputException e)
            {
                throw new UserInputException($"{r.At(at)}: " +
                    $"{e.Message.Replace($"'{full}'", $"'{given}'", StringComparison.Ordinal)}");
            }
            if (paths.Contains(full,
                StringComparer.Ordinal)) throw new UserInputException($"{r.At(at)}: plug-in '{given}' is listed twice");
            paths.Add(full);
        }
        return paths;
    }

    /// <summary>
    /// A list of method names (default knobs and options), or a mapping of name to its knob values, or to
    /// <c>{knobs: [...], options: {...}}</c> (either part may be left out), e.g. <c>firm_side: {FARE: {knobs: [0, 0.5],
    /// options: {max_leaves: 16}}, Reweighing: [0.5, 1]}</c>. Each option is checked by the method here, so a typo
    /// stops the parse with its line.
    /// </summary>
    private static IReadOnlyList<FirmSideChoice> ParseFirmSide(Reader r, YamlNode node)
    {
        FirmSideChoice Choice(YamlNode nameNode, YamlNode? value)
        {
            string name = r.Scalar(nameNode, "firm_side");
            if (!FirmSideCatalog.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new UserInputException($"{r.At(nameNode)}: unknown firm-side method '{name}' (known: " +
                    $"{string.Join(", ", FirmSideCatalog.Names)})");
            var method = FirmSideCatalog.Get(name);
            YamlNode? knobs = value, options = null;
            if (value is YamlMappingNode parts)
            {
                knobs = null;
                foreach (var (key, part) in r.Mapping(parts, $"firm_side.{name}"))
                    switch (r.Scalar(key, $"firm_side.{name}"))
                    {
                        case "knobs": knobs = part; break;
                        case "options": options = part; break;
                        case var other:
                            throw new UserInputException($"{r.At(key)}: unknown key '{other}' of " +
                            $"firm_side.{name} (knobs, options)");
                    }
            }
            string? optionsJson = ParseFirmSideOptions(r, method.Name, nameNode, options);
            if (knobs is null or YamlScalarNode { Value: null or "" or "~" or "null" })
                return new FirmSideChoice(method.Name, method.DefaultKnobs) { OptionsJson = optionsJson };
            var values = r.Numbers(knobs, $"firm_side.{name}");
            Distinct(r, values, $"firm_side.{name}");
            foreach (var (k, kn) in values)
                if (!(k >= 0 && k <= 1))
                    throw new UserInputException($"{r.At(kn)}: a knob of firm_side.{name} must lie in [0, 1]; got " +
                        $"{Format(k)}");
            return new FirmSideChoice(method.Name, values.Select(k => k.Value).ToArray()) { OptionsJson = optionsJson };
        }
        var choices = node switch
        {
            YamlSequenceNode seq => seq.Children.Select(n => (Choice(n, null), n)).ToArray(),
            YamlMappingNode map => map.Children.Select(kv => (Choice(kv.Key, kv.Value), kv.Key)).ToArray(),
            _ => throw new UserInputException($"{r.At(node)}: 'firm_side' is a list of methods or a mapping of " +
                "method: knob values"),
        };
        Distinct(r, choices.Select(c => (c.Item1.Method, c.Item2)), "firm_side");
        return choices.Select(c => c.Item1).ToArray();
    }

    /// <summary><c>firm_side.&lt;name&gt;.options</c> as canonical JSON (the defaults when absent), each option
    /// applied one more at a time so an error names its line; null for a method without options.</summary>
    private static string? ParseFirmSideOptions(Reader r, string method, YamlNode nameNode, YamlNode? node) =>
        AppliedByLine(r, node, $"firm_side.{method}.options", nameNode, given => FirmSideCatalog.OptionsJson(method,
            given));

    /// <summary>
    /// A component's options from a spec mapping of option to value (absent or null: none given), handed to
    /// <paramref name="apply"/> one more at a time, so an error names the line of the option that caused it (or the
    /// component's, <paramref name="owner"/>, when the defaults alone are refused).
    /// </summary>
    private static T AppliedByLine<T>(Reader r, YamlNode? node, string at, YamlNode owner,
        Func<IEnumerable<(string Option, JsonNode? Value)>, T> apply)
    {
        var values = node is null or YamlScalarNode { Value: null or "" or "~" or "null" } ? []
            : r.Mapping(node, at).Select(kv =>
            {
                string option = r.Scalar(kv.Key, at);
                return (Option: option, Value: ToJson(r, kv.Value, $"{at}.{option}"), Node: kv.Value);
            }).ToArray();
        T result = default!;
        for (int i = 0; i <= values.Length; i++)
            try
            {
                result = apply(values.Take(i).Select(v => (v.Option, v.Value)));
            }
            catch (UserInputException e) when (!e.Message.StartsWith(r.Source, StringComparison.Ordinal))
            {
                throw new UserInputException($"{r.At(i == 0 ? owner : values[i - 1].Node)}: {e.Message}");
            }
        return result;
    }

    /// <summary>
    /// <c>defences</c>: a list of defence names (default options) or of single <c>name: options</c> mappings (one
    /// defence with several settings), or a mapping of name to its options (or to nothing for the defaults), e.g.
    /// <c>defences: {none: , knn-sanitisation: {k: 10, eta: 0.7}, roni: }</c>. Each option is checked by the defence
    /// here, so a typo stops the parse with its line.
    /// </summary>
    private static IReadOnlyList<DefenceChoice> ParseDefences(Reader r, YamlNode node)
    {
        DefenceChoice Choice(YamlNode nameNode, YamlNode? options)
        {
            string name = r.Scalar(nameNode, "defences");
            return AppliedByLine(r, options, $"defences.{name}", nameNode, given => DefenceCatalog.Choice(name, given));
        }
        var choices = node switch
        {
            YamlSequenceNode { Children.Count: > 0 } seq => seq.Children.Select(n
                => n is YamlMappingNode { Children.Count: 1 } one
                ? (Choice(one.Children.First().Key, one.Children.First().Value), n) : (Choice(n, null), n)).ToArray(),
            YamlMappingNode { Children.Count: > 0 } map => map.Children.Select(kv => (Choice(kv.Key, kv.Value),
                kv.Key)).ToArray(),
            _ => throw new UserInputException($"{r.At(node)}: 'defences' is a non-empty list of defences or a " +
                $"mapping of defence: options (known: {string.Join(", ", DefenceCatalog.Names)})"),
        };
        Distinct(r, choices.Select(c => (DefenceCatalog.Label(c.Item1), c.Item2)), "defences");
        return choices.Select(c => c.Item1).ToArray();
    }

    /// <summary><c>plausible</c>: thresholds in [0, 1) of the plausible-flips restriction (0 = the whole
    /// pool).</summary>
    private static IReadOnlyList<double> ParsePlausible(Reader r, YamlNode node)
    {
        var values = r.Numbers(node, "plausible");
        if (values.Count == 0) throw new
            UserInputException($"{r.At(node)}: give at least one plausible threshold (0 = the whole pool)");
        Distinct(r, values, "plausible");
        foreach (var (v, n) in values)
            if (!(v >= 0 && v < 1))
                throw new UserInputException($"{r.At(n)}: a plausible threshold must lie in [0, 1); got {Format(v)}");
        return values.Select(v => v.Value).ToArray();
    }

    /// <summary>
    /// <c>c</c> (logistic regression's C), and per learner a mapping of its options by name, e.g.
    /// <c>learner: {c: 0.5, mlp: {hidden_layer_sizes: [50], max_epochs: 100}}</c>; every option is checked against the
    /// learner's options record here, so a typo stops the parse with its line.
    /// </summary>
    private static LearnerSettings ParseLearner(Reader r, YamlNode node)
    {
        var s = new LearnerSettings();
        foreach (var (key, value) in r.Mapping(node, "learner"))
        {
            string k = r.Scalar(key, "learner");
            if (k == "c")
            {
                s = s with
                {
                    C = r.Number(value, "learner.c") is var c
                    && c > 0 ? c : throw new UserInputException($"{r.At(value)}: learner.c must be > 0")
                };
                continue;
            }
            if (!LearnerCatalog.Names.Contains(k.ToLowerInvariant()))
                throw new UserInputException($"{r.At(key)}: unknown learner option '{k}' (c, or one of the learners " +
                    $"{string.Join(", ", LearnerCatalog.Names)} with a mapping of its options)");
            foreach (var (optionKey, optionValue) in r.Mapping(value, $"learner.{k}"))
            {
                string option = r.Scalar(optionKey, $"learner.{k}");
                s = s.With(k.ToLowerInvariant(), option, ToJson(r, optionValue, $"learner.{k}.{option}"));
                try
                {
                    LearnerCatalog.Create(k.ToLowerInvariant(), s, seed: 0); // the learner's own validation
                }
                catch (UserInputException e)
                {
                    throw new UserInputException($"{r.At(optionKey)}: {e.Message}");
                }
            }
        }
        return s;
    }

    /// <summary>A YAML scalar or list as a JSON value: numbers, true/false, or text.</summary>
    private static JsonNode? ToJson(Reader r, YamlNode node, string what) => node switch
    {
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(n => ToJson(r, n, what)).ToArray()),
        YamlScalarNode { Value: var v } when long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture,
            out long l) => JsonValue.Create(l),
        YamlScalarNode { Value: var v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture,
            out double d) && double.IsFinite(d) => JsonValue.Create(d),
        YamlScalarNode { Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalarNode sc => JsonValue.Create(sc.Value),
        _ => throw new UserInputException($"{r.At(node)}: '{what}' must be a value or a list of values"),
    };
}
