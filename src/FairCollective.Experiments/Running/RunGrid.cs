using System.Globalization;
using System.Runtime.ExceptionServices;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Experiments.Running;

/// <summary>
/// An experiment ready to run: its data loaded, split and encoded, every cell enumerated with its full
/// configuration, and every cell checked to be feasible, all before the first cell is computed or anything is
/// written. A plan that builds runs to the end unless the machine fails; a spec that cannot run is refused here with
/// one line naming the setting (docs/experiment-spec.md, "Checked before the first cell").
/// </summary>
public sealed class RunGrid
{
    private RunGrid(ExperimentSpec spec, ExperimentSettings settings, IReadOnlyDictionary<(string, int),
        PreparedSplit> splits,
        IReadOnlyDictionary<(string, int), Randomness> randomness, IReadOnlyList<PlannedCell> cells)
    {
        Draws = randomness;
        Spec = spec;
        Settings = settings;
        Splits = splits;
        Cells = cells;
    }

    /// <summary>The spec the plan was built from.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>What the store binds the experiment name to.</summary>
    public ExperimentSettings Settings { get; }

    /// <summary>The prepared split per (dataset name, seed).</summary>
    public IReadOnlyDictionary<(string Dataset, int Seed), PreparedSplit> Splits { get; }

    private readonly Dictionary<string, Data.Dataset> _data = new(StringComparer.Ordinal);

    /// <summary>The loaded dataset of a display name (for writing row ids).</summary>
    public Data.Dataset DataOf(string dataset) => _data[dataset];

    /// <summary>The random choices per (dataset name, seed): seeded, or imported.</summary>
    public IReadOnlyDictionary<(string Dataset, int Seed), Randomness> Draws { get; }

    /// <summary>Every cell of the grid, ordered so cells sharing a ranking are adjacent.</summary>
    internal IReadOnlyList<PlannedCell> Cells { get; }

    /// <summary>Cells in the grid: base fits, firm-side cells and collective cells, over every dataset, seed and
    /// learner.</summary>
    public int CellCount => Cells.Count;

    /// <summary>
    /// Where an imported randomness folder's draws came from: per dataset and group of seeds, which parts were imported
    /// and which seeded (<see cref="RandomnessImport.Describe"/>); empty for seeded draws. Printed by the run and
    /// recorded with it.
    /// </summary>
    public IReadOnlyList<string> RandomnessSources { get; private init; } = [];

    /// <summary>The shard this plan runs (null: the whole plan).</summary>
    public Shard? Shard { get; private init; }

    /// <summary>
    /// The part of this plan shard <paramref name="shard"/> runs, with the same settings, splits and randomness (so its
    /// cells are exactly the whole plan's). Cells that share work stay together: every cell of one (dataset, seed, m,
    /// alpha) is one unit (they share scores and the base fit), as are the base and firm-side cells of one (dataset,
    /// seed). Units go, largest expected cost first (cells times training rows; ties in key order), to the shard with
    /// the least cost so far (ties to the lower shard): deterministic, and balanced as far as the units allow.
    /// </summary>
    public RunGrid ShardOf(Shard shard)
    {
        if (Shard is not null) throw new InvalidOperationException("a shard's plan cannot be sharded again");
        var units = Cells
            .GroupBy(c => (c.Config.Dataset.Name, c.Config.Seed, c.Config.MajorityRows,
                Alpha: c.Config.Size is null ? -1 : c.Alpha, Members: c.Config.Size is null ? -1 : c.Members))
            .Select(g => (Key: $"{g.Key.Name}/{g.Key.Seed}/"
                    + $"{g.Key.MajorityRows?.ToString(CultureInfo.InvariantCulture) ?? "all"}/"
                    + $"{g.Key.Alpha.ToString("R", CultureInfo.InvariantCulture)}/{g.Key.Members}",
                Cost: (double)g.Count() * Splits[(g.Key.Name, g.Key.Seed)].TrainY.Length, Cells: g.ToArray()))
            .OrderByDescending(u => u.Cost).ThenBy(u => u.Key, StringComparer.Ordinal).ToArray();
        var load = new double[shard.Count];
        var mine = new HashSet<PlannedCell>(ReferenceEqualityComparer.Instance);
        foreach (var unit in units)
        {
            int target = 0;
            for (int s = 1; s < load.Length; s++) if (load[s] < load[target]) target = s;
            load[target] += unit.Cost;
            if (target == shard.Index - 1) foreach (var c in unit.Cells) mine.Add(c);
        }
        var plan = new RunGrid(Spec, Settings, Splits, Draws, Cells.Where(mine.Contains).ToArray())
        {
            Shard = shard,
            RandomnessSources = RandomnessSources
        };
        foreach (var (name, data) in _data) plan._data[name] = data;
        return plan;
    }

    /// <summary>Loads, splits and checks everything the spec needs; throws <see cref="UserInputException"/> for
    /// anything that cannot run.</summary>
    public static RunGrid Build(ExperimentSpec spec)
    {
        SpecLimits.CheckGridSize(spec);
        if (spec.Defences.Count == 0) throw new
            UserInputException($"{spec.Source}: 'defences' is empty; give at least none");
        if (spec.Plausibility.Count == 0) throw new
            UserInputException($"{spec.Source}: 'plausible' is empty; give at least 0 (the whole pool)");
        if (spec.FirmSide.Count > 0 && !spec.Defences.Any(d => d.IsNone))
            throw new UserInputException($"{spec.Source}: firm-side methods run on the firm without a defence; add " +
                "none to 'defences'");
        var datasets = LoadDatasets(spec);
        // Everything under an imported randomness folder must be something this spec uses (checked before any split).
        if (spec.Randomness is { } randomnessFolder)
            RandomnessImport.CheckLayout(randomnessFolder, datasets.Select(d => d.Name), spec.Seeds,
                spec.MajorityRows.OfType<int>());
        var learners = spec.Learners.ToDictionary(l => l, l => LearnerCatalog.OptionsJson(l, spec.Learner),
            StringComparer.Ordinal);
        foreach (var learner in spec.Learners) LearnerCatalog.Create(learner, spec.Learner,
            seed: 0); // each learner's own checks
        var strategy = spec.Strategy;
        // Each strategy's own options and the plausible threshold's model, written once for every cell that uses them.
        // The grid's sizes and budgets with the spec's rounding, made once for every (dataset, seed).
        var sizes = spec.RoundedSizes.ToArray();
        var budgets = spec.RoundedBudgets.ToArray();
        var ownOptions = spec.Strategies.SelectMany(n => spec.MajorityRows.Select(m => (n, m)))
            .ToDictionary(k => k, k => spec.StrategyOptionsJson(k.n, k.m));
        string plausibleModel = spec.PlausibleModel;
        var splits = new Dictionary<(string, int), PreparedSplit>();
        var randomness = new Dictionary<(string, int), Randomness>();
        var randomnessSha = new Dictionary<string, string>(StringComparer.Ordinal);
        var sampleSizes = spec.MajorityRows.OfType<int>().ToArray();
        var cells = new List<PlannedCell>();
        foreach (var raw in datasets.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var loaded = raw with { Encoder = raw.Encoder with { BinaryAsOneColumn = spec.BinaryAsOneColumn } };
            CheckStrategiesFit(spec, loaded);
            // Each seed's split, encoding, draws and cells (each cell's key a hash) are independent: prepared on every
            // core, then gathered in seed order, so the plan and the first error reported are the same as one by one.
            var seeds = spec.Seeds.ToArray();
            var prepared = new (PreparedSplit Split, Randomness Drawn, List<PlannedCell> Cells)[seeds.Length];
            var failures = new Exception?[seeds.Length];
            Parallel.For(0, seeds.Length, i =>
            {
                try
                {
                    prepared[i] = PlanSeed(seeds[i]);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }
            });
            if (failures.FirstOrDefault(e => e is not null) is { } failure) ExceptionDispatchInfo.Throw(failure);
            for (int i = 0; i < seeds.Length; i++)
            {
                var (split, drawn, seedCells) = prepared[i];
                splits[(loaded.Name, seeds[i])] = split;
                randomness[(loaded.Name, seeds[i])] = drawn;
                foreach (var m in spec.MajorityRows)
                    randomnessSha[$"{loaded.Name}/seed {seeds[i]}/m " +
                        $"{(m is { } v ? v.ToString(CultureInfo.InvariantCulture) : "all")}"] = drawn.Sha256(m);
                cells.AddRange(seedCells);
            }

            (PreparedSplit Split, Randomness Drawn, List<PlannedCell> Cells) PlanSeed(int seed)
            {
                // The seeded draws, or another implementation's where the spec imports them (each part checked).
                var imported = spec.Randomness is { } dir ? RandomnessFiles.ReadSplit(dir, loaded.Data, loaded.Name,
                    seed) : null;
                var dataSplit = imported
                                ?? StratifiedSplitter.Split(loaded.Data, new SplitOptions
                                {
                                    Seed = seed,
                                    TestFraction = spec.TestFraction, ValidationFraction = spec.ValidationFraction,
                                    Stratify = spec.Stratify
                                });
                var split = loaded.Prepare(seed, spec.TestFraction, dataSplit);
                CheckMajorityRows(spec, loaded.Name, split);
                var drawn = spec.Randomness is { } folder
                    ? RandomnessFiles.Read(folder, loaded.Data, dataSplit, split, sampleSizes,
                        splitImported: imported is not null, spec.PriorityOrder)
                    : Randomness.Generate(dataSplit, split, sampleSizes);
                CheckFeasible(spec, loaded.Name, split, drawn);
                var seedCells = new List<PlannedCell>();
                foreach (var learner in spec.Learners)
                {
                    var undefended = new CellConfig
                    {
                        Experiment = spec.Name, Dataset = loaded.Identity, Learner = learner, LearnerOptionsJson =
                            learners[learner],
                        TestFraction = spec.TestFraction, ValidationFraction = spec.ValidationFraction, Stratify =
                            spec.Stratify, BinaryAsOneColumn = spec.BinaryAsOneColumn,
                        BootstrapResamples = spec.BootstrapResamples, BootstrapLevel = spec.BootstrapLevel,
                        Seed = seed, Method = CellConfig.BaseMethod, RandomnessSha256 = drawn.Sha256(null), Plugins =
                            PluginOrigins.Of(learner, null, null),
                    };
                    int minority = split.MinorityTrainRows.Count;
                    foreach (var defence in spec.Defences)
                    {
                        var common = undefended with
                        {
                            Defence = defence,
                            Plugins = PluginOrigins.Of(learner, defence,
                            null)
                        };
                        seedCells.Add(new PlannedCell(common, null, minority));
                        // Firm-side methods run once, on the firm without a defence.
                        if (defence.IsNone)
                            foreach (var choice in spec.FirmSide)
                                foreach (double knob in choice.Knobs)
                                    seedCells.Add(new PlannedCell(undefended with
                                    {
                                        Method = choice.Method,
                                        Knob = knob,
                                        FirmSideOptionsJson = choice.OptionsJson,
                                        PostProcessingFit = spec.EffectivePostProcessingFit,
                                        Plugins = PluginOrigins.Of(learner, null, null, choice.Method),
                                    }, null, minority)
                                    {
                                        FirmSideMethod = choice.Method,
                                    });
                        foreach (var m in spec.MajorityRows)
                            foreach (var size in sizes)
                                foreach (var name in spec.Strategies)
                                    foreach (double plausible in spec.Plausibility)
                                    {
                                        // Scores do not depend on the firm's defence: cells of every defence share one
                                        // group.
                                        var group = new ScoreGroup(loaded.Name, seed, learner, m, size, name,
                                            plausible);
                                        foreach (var budget in budgets)
                                            seedCells.Add(new PlannedCell(common with
                                            {
                                                Method = name,
                                                MajorityRows = m,
                                                Size = size,
                                                Budget = budget,
                                                Strategy = strategy,
                                                StrategyOptionsJson = ownOptions[(name, m)],
                                                Plugins = PluginOrigins.Of(learner, defence, name),
                                                Plausible = plausible,
                                                PlausibleModel = plausibleModel,
                                                RandomnessSha256 = drawn.Sha256(m),
                                            }, group, minority));
                                    }
                    }
                }
                return (split, drawn, seedCells);
            }
        }
        var settings = new ExperimentSettings
        {
            TestFraction = spec.TestFraction, Strategy = strategy, Learners = learners, Stratify = spec.Stratify,
            Rounding = spec.Rounding,
            BinaryAsOneColumn = spec.BinaryAsOneColumn,
            // RB-prob's options bind the plausible-flips threshold's model too, whether RB-prob runs or not.
            StrategyOptions = spec.Strategies.Concat(spec.Plausibility.Any(p
                => p > 0) ? [StrategyCatalog.RbProb] : []).Distinct()
                .Select(n => (n, Json: spec.StrategyOptionsJson(n)))
                .Where(t => t.Json is not null)
                // A level's options beside the experiment's, keyed by where they apply.
                .Concat(spec.StrategyOptionsByMajorityRows.SelectMany(level => level.Value.Select(kv
                    => (n: $"{kv.Key} at majority_rows {level.Key.ToString(CultureInfo.InvariantCulture)}",
                        Json: (string?)kv.Value))))
                .ToDictionary(t => t.n, t => t.Json!, StringComparer.Ordinal),
            FirmSideOptions = spec.FirmSide.Where(f => f.OptionsJson is not null).ToDictionary(f => f.Method, f
                => f.OptionsJson!, StringComparer.Ordinal),
            Plugins = PluginOrigins.ByAssembly(spec),
            ValidationFraction = spec.ValidationFraction, PostProcessingFit = spec.FirmSide.Count > 0 ?
                spec.EffectivePostProcessingFit.ToString() : "",
            Bootstrap = spec.BootstrapResamples > 0 ?
                $"{spec.BootstrapResamples} resamples at {spec.BootstrapLevel.ToString(CultureInfo.InvariantCulture)}" :
                "none",
            Datasets = datasets.ToDictionary(d => d.Name, d => d.Identity,
                StringComparer.Ordinal), Randomness = randomnessSha,
            DatasetRows = datasets.Where(d => d.Data.RowAccount is not null).ToDictionary(d => d.Name, d
                => d.Data.RowAccount!, StringComparer.Ordinal),
        };
        var plan = new RunGrid(spec, settings, splits, randomness, cells)
        {
            RandomnessSources = spec.Randomness is { } from
                ? [.. RandomnessImport.Describe(from, randomness), .. spec.PriorityOrder == PriorityOrder.LowestFirst
                    ? ["imported Random priorities flip lowest first (negated on import; an export writes them so)"]
                    : Array.Empty<string>()]
                : [],
        };
        foreach (var d in datasets) plan._data[d.Name] = d.Data;
        return plan;
    }

    /// <summary>Every dataset loaded once; display names must be file names (<see cref="FileNameRule"/>) and tell them
    /// apart (two specs over one file are two datasets).</summary>
    private static List<LoadedDataset> LoadDatasets(ExperimentSpec spec)
    {
        var loaded = new List<LoadedDataset>();
        foreach (var choice in spec.Datasets)
        {
            var d = DatasetResolver.Load(choice);
            // Every name is a folder name under --export-randomness and randomness: (a file's own name, a preset's, a
            // generator's).
            FileNameRule.Check(d.Name, $"{spec.Source}: dataset name");
            if (loaded.FirstOrDefault(o => o.Name == d.Name) is { } other)
                throw new UserInputException(other.Identity == d.Identity
                    ? $"{spec.Source}: 'datasets' names dataset '{d.Name}' twice"
                    : $"{spec.Source}: two datasets are named '{d.Name}' but differ ({Describe(other)} and " +
                        $"{Describe(d)}); give each its own 'name' in its dataset spec");
            loaded.Add(d);
        }
        return loaded;
    }

    private static string Describe(LoadedDataset d)
        => d.Choice.SpecPath is { } s ? $"'{d.Choice.NameOrPath}' read with '{s}'" : $"'{d.Choice.NameOrPath}'";

    private static void CheckStrategiesFit(ExperimentSpec spec, LoadedDataset loaded)
    {
        if (spec.Budgets.Any(b => b.IsIdeal) && loaded.Synthetic is null)
            throw new UserInputException($"{spec.Source}: budget 'ideal' (the ideal's count M*) needs synthetic data " +
                $"with a known causal model (P0(y | g(x))); dataset '{loaded.Name}' has none (use it only with " +
                "datasets: [synthetic] or [toy])");
        foreach (var entry in spec.Strategies.Select(StrategyCatalog.Get).Where(e
            => e.Needs.HasFlag(StrategyNeeds.CausalModel)))
            if (loaded.Synthetic is null)
                throw new UserInputException($"{spec.Source}: strategy '{entry.Name}' needs synthetic data with a " +
                    $"known causal model (P0(y | g(x))); dataset '{loaded.Name}' has none (use it only with " +
                    "datasets: [synthetic] or [toy])");
    }

    private static void CheckMajorityRows(ExperimentSpec spec, string dataset, PreparedSplit split)
    {
        int majority = split.MajorityTrainRows.Count;
        foreach (var m in spec.MajorityRows)
            if (m > majority)
                throw new UserInputException($"{spec.Source}: majority_rows = {m} exceeds the {majority} majority " +
                    $"training rows of dataset '{dataset}', seed {split.Seed.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>What each (dataset, seed) must offer the grid: enough majority rows for m, neighbours for k, members
    /// for every collective and a pool to relabel.</summary>
    private static void CheckFeasible(ExperimentSpec spec, string dataset, PreparedSplit split, Randomness drawn)
    {
        string at = $"dataset '{dataset}', seed {split.Seed.ToString(CultureInfo.InvariantCulture)}";
        int majority = split.MajorityTrainRows.Count, minority = split.MinorityTrainRows.Count;
        if (spec.MajorityRows.Contains(null))
        {
            // With every majority row known, a k the data cannot supply is a mistake in the spec, not a lack of
            // information: refuse it. (With m rows known, the strategies' documented fallback applies instead.)
            int positives = split.MajorityTrainRows.Count(r => split.TrainY[r] == 1);
            foreach (var entry in spec.Strategies.Select(StrategyCatalog.Get))
            {
                if (StrategyCatalog.OptionsFromJson(entry.Name,
                    spec.StrategyOptionsJson(entry.Name)) is not INearestRowsOptions { K: var k }) continue;
                string option = $"strategy.options.{entry.Name}.k";
                if (entry.Needs.HasFlag(StrategyNeeds.KNearestMajorityRows) && k > majority)
                    throw new UserInputException($"{spec.Source}: {option} = {k} exceeds the {majority} majority " +
                        $"training rows {entry.Name} can count among in {at}; lower {option}");
                if (entry.Needs.HasFlag(StrategyNeeds.KNearestPositiveMajorityRows) && k > positives)
                    throw new UserInputException($"{spec.Source}: {option} = {k} exceeds the {positives} positive " +
                        $"majority training rows {entry.Name} measures distances to in {at}; lower {option}");
            }
        }
        foreach (var size in spec.RoundedSizes)
        {
            if (size.Count is { } c && c > minority)
                throw new UserInputException($"{spec.Source}: a collective of {c} members is larger than the " +
                    $"{minority} minority training rows of {at}");
        }
    }
}

/// <summary>Cells that share one scoring of the pool: same data, seed, knowledge, collective, strategy and
/// plausible-flips threshold (whatever the firm's defence).</summary>
internal sealed record ScoreGroup(string Dataset, int Seed, string Learner, int? MajorityRows, CollectiveSize Size,
    string Strategy, double Plausible = 0);

/// <summary>One grid cell before it runs: its configuration, its scoring group (collective cells) and the minority's
/// training rows (to resolve alpha).</summary>
internal sealed record PlannedCell(CellConfig Config, ScoreGroup? Group, int MinorityCount)
{
    /// <summary>Firm-side cells: the method to run at <see cref="CellConfig.Knob"/>.</summary>
    public string? FirmSideMethod { get; init; }

    public string Key { get; } = Config.Key();

    public int Members => Config.Size?.MemberCount(MinorityCount) ?? 0;
    public double Alpha => Config.Size?.Alpha(MinorityCount) ?? 0;

    public CellRecord ToRecord(int flips, int poolSize, IReadOnlyDictionary<string, double> metrics, double seconds,
        string scoringRule) =>
        CellRecord.Of(Config, Alpha, Members, flips, poolSize, metrics, seconds, scoringRule);
}
