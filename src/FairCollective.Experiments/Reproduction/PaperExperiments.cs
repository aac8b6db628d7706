using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Data.Sources;
using FairCollective.Experiments.Specs;
using FairCollective.Mitigation.FirmSide;

namespace FairCollective.Experiments.Reproduction;

/// <summary>
/// The paper's experiments (method.md section 5) as specs with their published grids, on bundled data. `--quick`
/// shrinks seeds and grids for a smoke run; the shape of every experiment stays the same.
/// docs/experiments/*.yaml hold the same specs as files (a test checks they agree).
/// </summary>
public static class PaperExperiments
{
    /// <summary>The paper's first figure: 2-D toy data, the whole minority as the collective, 0 to 12 flips (the figure
    /// itself is drawn from <see cref="ToyScenario"/>).</summary>
    public const string Toy = "toy";

    /// <summary>Share of all rows carved from training in the firm-side experiment, on which post-processors are
    /// fitted.</summary>
    public const double FirmSideValidationFraction = 0.2;

    /// <summary>Best EqOd and error as the collective grows: alpha from 0 to 0.4, every flip budget.</summary>
    public const string CollectiveSize = "collective-size";

    /// <summary>EqOd against the flip budget at a fixed alpha (<see cref="FlipEfficiencyAlpha"/>), the strategies
    /// against random flips.</summary>
    public const string FlipEfficiency = "flip-efficiency";

    /// <summary>The collective knowing all majority rows against only <see cref="LimitedMajorityRows"/> of
    /// them.</summary>
    public const string LimitedInfo = "limited-info";

    /// <summary>Synthetic data with a known counterfactual: counterfactual success S(alpha) beside EqOd, with the
    /// oracle strategy.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>The collective against firm-side mitigation methods on the error-EqOd plane.</summary>
    public const string FirmSide = "firm-side";

    /// <summary>
    /// Beyond the paper: the firm strikes back. Each firm-side defence against flipped labels x strategy x alpha (and
    /// the plausible-flips answer): how many flips a defence catches, how many honest rows it flags, how much of the
    /// gain survives.
    /// </summary>
    public const string Countermeasures = "countermeasures";

    /// <summary>The countermeasures experiment's flip budget: half the pool, where every strategy's ranking matters
    /// (the whole pool is the same flips for all).</summary>
    public const double CountermeasuresBudget = 0.5;

    /// <summary>The countermeasures experiment's plausible-flips thresholds (0 = the whole pool).</summary>
    public static IReadOnlyList<double> CountermeasuresPlausibility { get; } = [0, 0.3, 0.5];

    /// <summary>Every experiment name, in the order of the paper (and of <c>reproduce</c>'s help), then the experiments
    /// beyond it.</summary>
    public static IReadOnlyList<string> Names => Registry.Names;

    /// <summary>Every experiment's entry, in <see cref="Names"/>' order.</summary>
    public static IReadOnlyList<ReproducibleExperiment> Entries => Registry.Entries;

    /// <summary>Whether <paramref name="name"/> is one of the paper's own experiments (not one beyond it, such as
    /// <see cref="Countermeasures"/>).</summary>
    public static bool InPaper(string name) => Registry.Find(name) is { InPaper: true };

    /// <summary>The heading of each experiment in tables and the report; "Experiment 'name'" for one of a
    /// spec.</summary>
    public static string Heading(string name) => Registry.Find(name)?.Heading ?? $"Experiment '{name}'";

    /// <summary>Datasets of the firm-side comparison when none are named (method.md section 5.5).</summary>
    public static IReadOnlyList<string> FirmSideDatasets { get; } = ["compas", "adult", "acs-az"];

    /// <summary>Datasets of collective-size when none are named: bundled COMPAS (the README's main command).</summary>
    public static IReadOnlyList<string> DefaultDatasets { get; } = ["compas"];

    /// <summary>The paper's seeds: five, as method.md asks for COMPAS's split noise.</summary>
    public static IReadOnlyList<int> PaperSeeds { get; } = [0, 1, 2, 3, 4];

    /// <summary>The paper's collective sizes: alpha in {0, 0.05, ..., 0.4}.</summary>
    public static IReadOnlyList<double> PaperAlphas { get; } = Grid(0, 0.4, 0.05);

    /// <summary>The flip-efficiency experiment's collective size.</summary>
    public const double FlipEfficiencyAlpha = 0.3;

    /// <summary>m in the limited-information experiment, and the k it forces (k = 10 would make every candidate share
    /// the same neighbours).</summary>
    public const int LimitedMajorityRows = 10;

    /// <summary>k of RB-label and RB-dist in the limited-information experiment (below
    /// <see cref="LimitedMajorityRows"/>).</summary>
    public const int LimitedInfoK = 3;

    /// <summary>The spec of the named experiment with its published grid.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="datasets">Datasets to run on instead of the experiment's defaults; null or empty keeps the
    /// defaults.</param>
    /// <param name="quick">Fewer seeds and coarser grids for a smoke run.</param>
    /// <param name="learners">Firm learners to run instead of logistic regression; null or empty keeps it.</param>
    /// <exception cref="FairCollective.Common.UserInputException">The name is not a known experiment, a learner is
    /// unknown, or the experiment cannot use a dataset given.</exception>
    public static ExperimentSpec Create(string name, IReadOnlyList<string>? datasets = null, bool quick = false,
        IReadOnlyList<string>? learners = null)
    {
        var spec = CreateWithDefaults(name, datasets, quick);
        if (learners is { Count: > 0 })
        {
            foreach (var l in learners)
                if (!Learning.Catalog.LearnerCatalog.Names.Contains(l.ToLowerInvariant()))
                    throw new UserInputException($"--learners: unknown learner '{l}' (known: " +
                        $"{string.Join(", ", Learning.Catalog.LearnerCatalog.Names)})");
            spec = spec with { Learners = learners.Select(l => l.ToLowerInvariant()).Distinct().ToArray() };
        }
        return spec;
    }

    private static ExperimentSpec CreateWithDefaults(string name, IReadOnlyList<string>? datasets, bool quick) =>
        Registry.Get(name).Build(datasets is { Count: > 0 } ? datasets : null, quick);

    // The experiments reproduce runs, in the order of the paper, then those beyond it: each builds its spec from the
    // datasets given (null: its own) and whether the run is quick.
    private static readonly Registry<ReproducibleExperiment> Registry = new("experiment",
    [
        new(Toy, "Toy example", InPaper: true, (datasets, quick) =>
        {
            if (datasets is not null)
                throw new UserInputException("--datasets: the toy experiment draws its own 2-D picture (the paper's " +
                    "figure 1); it runs on no other data");
            return new ExperimentSpec
            {
                Name = Toy, Datasets = [new DatasetChoice("toy")], Learners = [SpecDefaults.Learner], Strategies = [..
                    StrategyCatalog.Practical, StrategyCatalog.Random],
                Sizes = [Collective.CollectiveSize.Share(1.0)], Budgets = Enumerable.Range(0,
                    quick ? 7 : 13).Select(FlipBudget.Flips).ToArray(), MajorityRows = [null], Seeds = [0],
                TestFraction = SpecDefaults.TestFraction,
            };
        }),
        new(CollectiveSize, "Collective size", InPaper: true, (datasets, quick) => new ExperimentSpec
        {
            // Random beside the paper's three strategies (its figure shows only those): the report's verdicts against
            // Random need it.
            Name = CollectiveSize, Datasets = Data(datasets,
                DefaultDatasets), Learners = [SpecDefaults.Learner], Strategies = [.. StrategyCatalog.Practical,
                StrategyCatalog.Random],
            Sizes = (quick ? Grid(0, 0.4,
                0.1) : PaperAlphas).Select(CollectiveSizeOf).ToArray(), Budgets = Budgets(quick), MajorityRows = [null],
                Seeds = Seeds(quick),
        }),
        new(FlipEfficiency, "Flip efficiency", InPaper: true, (datasets, quick) => new ExperimentSpec
        {
            Name = FlipEfficiency, Datasets = Data(datasets,
                DefaultDatasets), Learners = [SpecDefaults.Learner], Strategies = [.. StrategyCatalog.Practical,
                StrategyCatalog.Random],
            Sizes = [CollectiveSizeOf(FlipEfficiencyAlpha)], Budgets = Fractions(quick ? 0.1 : 0.025), MajorityRows =
                [null], Seeds = Seeds(quick),
        }),
        new(LimitedInfo, "Limited majority information", InPaper: true, (datasets, quick) => new ExperimentSpec
        {
            Name = LimitedInfo, Datasets = Data(datasets,
                DefaultDatasets), Learners = [SpecDefaults.Learner], Strategies = StrategyCatalog.Practical,
            Sizes = (quick ? Grid(0.1, 0.3, 0.1) : Grid(0.1, 0.4,
                0.1)).Select(CollectiveSizeOf).ToArray(), Budgets = Budgets(quick),
            MajorityRows = [null, LimitedMajorityRows], Seeds = Seeds(quick),
            StrategyOptions = new[] { StrategyCatalog.RbLabel, StrategyCatalog.RbDist }.ToDictionary(s => s,
                s => StrategyCatalog.OptionsJson(s,
                    new NeighbourStrategyOptions { K = LimitedInfoK })!, StringComparer.Ordinal),
        }),
        new(Synthetic, "Synthetic data: counterfactual success", InPaper: true, (datasets, quick) =>
        {
            if (datasets?.FirstOrDefault(d => DatasetCatalog.LoadGenerated(d) is null) is { } real)
                throw new UserInputException($"--datasets: the synthetic experiment compares with the Oracle, which " +
                    $"needs a known causal model; '{real}' has none (use synthetic or toy)");
            return new ExperimentSpec
            {
                Name = Synthetic, Datasets = Data(datasets,
                    [DatasetCatalog.Synthetic]), Learners = [SpecDefaults.Learner],
                Strategies = [.. StrategyCatalog.Practical, StrategyCatalog.Random, StrategyCatalog.Oracle],
                // The budget grid, and the ideal's own count M*: every strategy matched with the ideal relabelling.
                Sizes = (quick ? Grid(0, 0.4,
                    0.1) : PaperAlphas).Select(CollectiveSizeOf).ToArray(), Budgets = [.. Budgets(quick),
                    FlipBudget.Ideal],
                MajorityRows = [null], Seeds = Seeds(quick),
            };
        }),
        new(FirmSide, "Firm-side comparison", InPaper: true, (datasets, quick) => new ExperimentSpec
        {
            Name = FirmSide, Datasets = Data(datasets,
                FirmSideDatasets), Learners = [SpecDefaults.Learner], Strategies = StrategyCatalog.Practical,
            Sizes = (quick ? Grid(0.1, 0.3, 0.1) : Grid(0.1, 0.4,
                0.1)).Select(CollectiveSizeOf).ToArray(), Budgets = Fractions(0.1),
            MajorityRows = [null], Seeds = Seeds(quick),
            FirmSide = FirmSideCatalog.All.Select(m => new FirmSideChoice(m.Name, m.DefaultKnobs)).ToArray(),
            // Post-processors are fitted on rows the base model never saw (the literature's protocol).
            ValidationFraction = FirmSideValidationFraction,
        }),
        new(Countermeasures, "Countermeasures: firm-side defences against the collective", InPaper: false, (datasets,
            quick) => new ExperimentSpec
        {
            Name = Countermeasures, Datasets = Data(datasets, FirmSideDatasets),
            Learners = [SpecDefaults.Learner], Strategies = quick ? [StrategyCatalog.RbProb,
                StrategyCatalog.RbLabel] : StrategyCatalog.Practical,
            Sizes = (quick ? [0.2, 0.4] : Grid(0.1, 0.4,
                0.1)).Select(CollectiveSizeOf).ToArray(), Budgets = [FlipBudget.ShareOfPool(CountermeasuresBudget)],
            MajorityRows = [null], Seeds = quick ? [0] : PaperSeeds,
            // RONI costs a small fit per training row and calibration set; the smoke run screens against one set.
            Defences = Mitigation.Defences.DefenceCatalog.Names.Select(n => Mitigation.Defences.DefenceCatalog.Choice(n,
                quick && n == Mitigation.Defences.DefenceCatalog.Roni ? [("calibration_sets",
                    System.Text.Json.Nodes.JsonValue.Create(1))] : null)).ToArray(),
            Plausibility = quick ? [0, CountermeasuresPlausibility[^1]] : CountermeasuresPlausibility,
        }),
    ]);

    private static DatasetChoice[] Data(IReadOnlyList<string>? given, IReadOnlyList<string> defaults) =>
        (given ?? defaults).Select(d => new DatasetChoice(d)).ToArray();

    private static IReadOnlyList<int> Seeds(bool quick) => quick ? PaperSeeds.Take(2).ToArray() : PaperSeeds;

    private static FlipBudget[] Budgets(bool quick) => Fractions(quick ? 0.1 : 0.05);

    private static CollectiveSize CollectiveSizeOf(double alpha) => Collective.CollectiveSize.Share(alpha);

    private static FlipBudget[] Fractions(double step) => Grid(0, 1, step).Select(FlipBudget.ShareOfPool).ToArray();

    private static double[] Grid(double from, double to, double step) => GridAxis.Range(from, to, step);
}
