using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// A validated experiment: which datasets, learners, strategies, collective sizes, flip budgets, majority knowledge
/// and seeds to run. Every grid cell is one firm fit on relabelled data. Built by <see cref="SpecParser"/> from YAML
/// or JSON (docs/experiment-spec.md documents the format with an example per experiment).
/// </summary>
public sealed record ExperimentSpec
{
    /// <summary>The experiment's name (letters, digits, '.', '_', '-'); part of every cell's identity and the key the
    /// store binds settings to.</summary>
    public required string Name { get; init; }

    /// <summary>Where the spec was read from (its file path), for messages; "spec" for specs built in code.</summary>
    public string Source { get; init; } = "spec";

    /// <summary>The datasets to run on, each by catalog name or path.</summary>
    public required IReadOnlyList<DatasetChoice> Datasets { get; init; }

    /// <summary>The firm's learners by catalog name (logistic, mlp, gbt).</summary>
    public required IReadOnlyList<string> Learners { get; init; }

    /// <summary>The collective's strategies by catalog name (RB-prob, RB-label, RB-dist, Random, Oracle).</summary>
    public required IReadOnlyList<string> Strategies { get; init; }

    /// <summary>The collective sizes: shares alpha of the minority's training rows or member counts.</summary>
    public required IReadOnlyList<Collective.CollectiveSize> Sizes { get; init; }

    /// <summary>The flip budgets M: shares of the pool or flip counts (capped at the pool).</summary>
    public required IReadOnlyList<Collective.FlipBudget> Budgets { get; init; }

    /// <summary>How shares become counts (collective sizes from alpha, budgets from a share of the pool), given to
    /// every share the grid uses (<see cref="RoundedSizes"/>, <see cref="RoundedBudgets"/>).</summary>
    public Collective.Rounding Rounding { get; init; }

    /// <summary><see cref="Sizes"/> as the grid uses them: each share rounded by <see cref="Rounding"/>.</summary>
    public IEnumerable<Collective.CollectiveSize> RoundedSizes =>
        Sizes.Select(s => s.Fraction is null ? s : s with { Rounding = Rounding });

    /// <summary><see cref="Budgets"/> as the grid uses them: each share rounded by <see cref="Rounding"/>.</summary>
    public IEnumerable<Collective.FlipBudget> RoundedBudgets =>
        Budgets.Select(b => b.Fraction is null ? b : b with { Rounding = Rounding });

    /// <summary>m: how many labelled majority rows the collective knows; null = all of them (the default).</summary>
    public required IReadOnlyList<int?> MajorityRows { get; init; }

    /// <summary>The seeds; each gives its own split, collective order and tie-breaking.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Share of rows in the test split, in (0, 1); see <see cref="SpecDefaults.TestFraction"/>.</summary>
    public double TestFraction { get; init; } = SpecDefaults.TestFraction;

    /// <summary>The settings every strategy shares (tie rule, scoring space).</summary>
    public StrategySettings Strategy { get; init; } = new();

    /// <summary>Own options of the strategies that have some, by registered strategy name: canonical JSON (keys sorted,
    /// defaults included). A strategy not named runs with its defaults.</summary>
    public IReadOnlyDictionary<string, string> StrategyOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The own options <paramref name="strategy"/> runs with, as canonical JSON: the spec's, else its
    /// defaults; null for a strategy without options of its own.</summary>
    public string? StrategyOptionsJson(string strategy) =>
        StrategyOptions.GetValueOrDefault(strategy) ?? Collective.Strategies.StrategyCatalog.OptionsJson(strategy,
            null);

    /// <summary>
    /// Own options of strategies at one level of majority knowledge (<c>strategy.options_by_majority_rows</c>), by m
    /// and registered strategy name, as canonical JSON: they replace <see cref="StrategyOptions"/> in the cells with
    /// that m (e.g. RB-label with k = 3 where it knows 20 majority rows, k = 10 where it knows them all).
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> StrategyOptionsByMajorityRows { get; init; } =
        new Dictionary<int, IReadOnlyDictionary<string, string>>();

    /// <summary>The own options <paramref name="strategy"/> runs with where the collective knows
    /// <paramref name="majorityRows"/> majority rows (null = all): that level's, else
    /// <see cref="StrategyOptionsJson(string)"/>.</summary>
    public string? StrategyOptionsJson(string strategy, int? majorityRows) =>
        majorityRows is { } m && StrategyOptionsByMajorityRows.TryGetValue(m, out var level)
                              && level.TryGetValue(strategy, out var json)
            ? json
            : StrategyOptionsJson(strategy);

    /// <summary>The own options <paramref name="strategy"/> runs with, typed (its entry's options record).</summary>
    /// <exception cref="InvalidCastException">The strategy's options are not a <typeparamref name="T"/>.</exception>
    public T OptionsOf<T>(string strategy) where T : class =>
        (T)Collective.Strategies.StrategyCatalog.OptionsFromJson(strategy, StrategyOptionsJson(strategy))!;

    /// <summary>The learner of the majority model the plausible-flips threshold reads: RB-prob's model
    /// (<c>strategy.options.RB-prob.model</c>).</summary>
    public string PlausibleModel => Collective.Strategies.StrategyCatalog.PlausibleModelOptions(StrategyOptions).Model;

    /// <summary>Full paths of the plug-in assemblies the spec loads (<c>plugins</c>), in order.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = [];

    /// <summary>Firm-side methods to compare with, each with its knob values (empty: none).</summary>
    public IReadOnlyList<FirmSideChoice> FirmSide { get; init; } = [];

    /// <summary>
    /// Firm-side defences against flipped labels (spec key <c>defences</c>), each a grid axis value: every base and
    /// collective cell runs once per defence; default: none. Firm-side methods run without a defence.
    /// </summary>
    public IReadOnlyList<Mitigation.Defences.DefenceChoice> Defences { get; init; } =
        [Mitigation.Defences.DefenceChoice.None];

    /// <summary>
    /// Thresholds of the collective's plausible-flips restriction (spec key <c>plausible</c>;
    /// <see cref="PlausibleFlips"/>), a grid axis of collective cells: only pool members whose RB-prob score reaches
    /// the threshold may flip; 0 (the default) = the whole pool.
    /// </summary>
    public IReadOnlyList<double> Plausibility { get; init; } = [0];

    /// <summary>Options of the firm's learners (e.g. the logistic firm's C).</summary>
    public LearnerSettings Learner { get; init; } = new();

    /// <summary>Bootstrap resamples of the test rows per cell, for the intervals of EqOd and error; 0 = none.</summary>
    public int BootstrapResamples { get; init; } = SpecDefaults.BootstrapResamples;

    /// <summary>Two-sided level of the bootstrap intervals.</summary>
    public double BootstrapLevel { get; init; } = Fairness.BootstrapOptions.DefaultLevel;

    /// <summary>Share of all rows carved from the training part as a validation split, which chooses flip budgets
    /// without the test rows; 0 = none (the paper's rule only).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>What the drawn splits are stratified by (spec key <c>split.stratify</c>).</summary>
    public Data.Splitting.Stratification Stratify { get; init; } = Data.Splitting.Stratification.LabelAndGroup;

    /// <summary>Encode two-level categoricals as one 0/1 column (spec key <c>encoding.binary: one-column</c>) instead
    /// of two.</summary>
    public bool BinaryAsOneColumn { get; init; } = Data.Encoding.EncoderOptions.DefaultBinaryAsOneColumn;

    /// <summary>
    /// The fairness metric the tables, figures, best-budget rule and comparison against Random show (spec key
    /// <c>metric</c>; a gap or min/max ratio key of the metric registry, <see cref="Fairness.ShownMetric"/>). Display
    /// only: every cell stores every metric, so it is not part of any cell's identity.
    /// </summary>
    public string Metric { get; init; } = Fairness.MetricKeys.EqOd;

    /// <summary>
    /// Which rows post-processors are fitted on (spec key <c>firm_side_fit</c>: <c>validation</c> or <c>training</c>).
    /// Null: the validation split when the spec has one (<see cref="ValidationFraction"/> > 0), else the training
    /// split.
    /// </summary>
    public Mitigation.FirmSide.PostProcessingFit? PostProcessingFit { get; init; }

    /// <summary>The rows post-processors are fitted on, after the default rule of
    /// <see cref="PostProcessingFit"/>.</summary>
    public Mitigation.FirmSide.PostProcessingFit EffectivePostProcessingFit =>
        PostProcessingFit
            ?? (ValidationFraction > 0 ? Mitigation.FirmSide.PostProcessingFit.Validation :
            Mitigation.FirmSide.PostProcessingFit.Training);

    /// <summary>A folder of imported randomness (splits, collective orders, Random priorities, majority samples;
    /// <c>RandomnessFiles</c>); null = the seeded draws.</summary>
    public string? Randomness { get; init; }

    /// <summary>Which way the imported Random priorities rank (<c>randomness: {folder: ..., priorities:
    /// lowest-first}</c>); read only with <see cref="Randomness"/>.</summary>
    public PriorityOrder PriorityOrder { get; init; }
}

/// <summary>A firm-side method, the knob values to sweep and its options.</summary>
/// <param name="Method">The method's catalog name (e.g. Reweighing, FARE).</param>
/// <param name="Knobs">Values of its one trade-off knob, one cell each.</param>
public sealed record FirmSideChoice(string Method, IReadOnlyList<double> Knobs)
{
    /// <summary>Its options beyond the knob as canonical JSON (keys sorted, defaults included;
    /// <c>FirmSideCatalog.OptionsJson</c>); null for a method whose knob is its one setting.</summary>
    public string? OptionsJson { get; init; } = Mitigation.FirmSide.FirmSideCatalog.OptionsJson(Method, []);
}

/// <summary>A dataset by catalog name or path, with an optional CSV spec file for user data.</summary>
/// <param name="NameOrPath">A catalog name (bundled or generated) or a path to a data file or dataset spec
/// file.</param>
/// <param name="SpecPath">A dataset spec file describing the columns of <paramref name="NameOrPath"/>; null when none
/// is needed.</param>
/// <param name="EmbeddingsPath">An id-keyed feature file joined to the rows (Waterbirds' image embeddings); null when
/// none.</param>
public sealed record DatasetChoice(string NameOrPath, string? SpecPath = null, string? EmbeddingsPath = null);

/// <summary>Defaults of spec keys that have no home in the library's own options.</summary>
public static class SpecDefaults
{
    /// <summary>Share of rows in the test split (stratified by label x group).</summary>
    public const double TestFraction = 0.3;

    /// <summary>Bootstrap resamples of the test rows per cell when a spec names none: enough for a 95% percentile
    /// interval's ends to settle to about 0.01 of EqOd on a thousand test rows, at a fraction of a fit's
    /// time.</summary>
    public const int BootstrapResamples = 200;

    /// <summary>The firm's learner when a spec names none.</summary>
    public const string Learner = FairCollective.Learning.Catalog.LearnerCatalog.Logistic;
}
