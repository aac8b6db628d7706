using System.Collections.Concurrent;
using System.Diagnostics;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Data.Splitting;
using FairCollective.Experiments.Specs;
using FairCollective.Experiments.Store;
using FairCollective.Fairness;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Mitigation.FirmSide;
using FairCollective.Pipeline;

namespace FairCollective.Experiments.Running;

/// <summary>
/// Runs a <see cref="RunGrid"/>. For every (dataset, seed, m, collective size, strategy) the strategy scores the
/// pool once and the ranking is reused for every flip budget; every (…, budget) cell is one firm fit on relabelled
/// labels, evaluated on the untouched test split and handed to a <see cref="CellWriter"/>, which commits finished cells
/// to the store as they come, several a transaction. Cells run in parallel; each
/// cell's computation depends only on its configuration and seed, so results are identical for any thread count.
/// Cells already in the store are skipped.
/// </summary>
/// <param name="options">How the run executes (parallelism, early stop); never changes a result.</param>
/// <param name="progress">Told when the run starts, after each cell and at the end.</param>
public sealed class ExperimentRunner(RunnerOptions options, IRunProgress progress)
{
    /// <summary>Builds the plan of <paramref name="spec"/> (all checks first) and runs it.</summary>
    public RunSummary Run(Specs.ExperimentSpec spec, ResultsStore store, CancellationToken cancel = default) =>
        Run(RunGrid.Build(spec), store, cancel);

    /// <summary>Runs every cell of <paramref name="plan"/> that <paramref name="store"/> does not hold yet, committing
    /// each as it finishes.</summary>
    /// <param name="plan">The checked grid.</param>
    /// <param name="store">Where cells are read from (to resume) and written to; it refuses a plan whose settings
    /// differ from its own for that experiment.</param>
    /// <param name="cancel">Stops the run between cells; cells already committed stay in the store.</param>
    public RunSummary Run(RunGrid plan, ResultsStore store, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var spec = plan.Spec;
        // A shard's run names its shard, so the runs of merged shard stores stay apart.
        string shard = plan.Shard is { } part ? "-" + part.Tag : "";
        string runId = $"{spec.Name}-{DateTime.UtcNow:yyyyMMddTHHmmssfffZ}{shard}";
        // The cells this run sets out to compute are recorded first: until each is committed the store knows it is
        // missing.
        store.BeginRun(spec.Name, plan.Settings, runId, SpecWriter.Write(spec),
            RunEnvironment.Json(plan.RandomnessSources), plan.Cells.Select(c => (c.Key, c.Config)).ToArray());
        var finished = store.FinishedKeys();
        var todo = plan.Cells.Where(p => !finished.Contains(p.Key)).ToList();
        progress.Started(spec.Name, plan.CellCount, plan.CellCount - todo.Count);

        var bases = new ConcurrentDictionary<(string, int, string, DefenceChoice), Lazy<(IClassifier Model,
            IReadOnlyDictionary<string, double> Metrics)>>();
        var rankings = new ConcurrentDictionary<ScoreGroup, Lazy<RankedCollective>>();
        var firmSideMethods = new ConcurrentDictionary<(string Method, string Options), IFirmSideMethod>();
        // Each strategy's own options and the plausible threshold's model, read once for every ranking.
        var choices = spec.Strategies.SelectMany(n => spec.MajorityRows.Select(m => (n, m))).ToDictionary(k => k, k
            => new RankingChoice(k.n, spec.Strategy)
            {
                Options = StrategyCatalog.OptionsFromJson(k.n, spec.StrategyOptionsJson(k.n, k.m)),
                PlausibleModel = spec.PlausibleModel,
            });
        var rowsWork = new ConcurrentDictionary<(string, int), TrainingRowsWork>();
        var refits = new SharedRefits();
        var writer = new CellWriter(store, progress);
        int computed = 0; // cells computed and handed to the writer (the early stop counts these)
        int limit = options.StopAfterCells ?? int.MaxValue;
        // -1 means all cores: Parallel.ForEach itself would read it as "no limit" and start far more cells than cores.
        int degree = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancel };
        try
        {
            Parallel.ForEach(todo, parallel, (cell, state) =>
            {
                if (Volatile.Read(ref computed) >= limit) { state.Stop(); return; }
                var sw = Stopwatch.StartNew();
                var config = cell.Config;
                var split = plan.Splits[(config.Dataset.Name, config.Seed)];
                var trainer = LearnerCatalog.Create(config.Learner, spec.Learner, config.Seed, innerParallelism: 1);
                var bootstrap = BootstrapSettings.Of(spec, config.Seed);
                (IClassifier Model, IReadOnlyDictionary<string, double> Metrics) Base(DefenceChoice defence)
                    => bases.GetOrAdd((config.Dataset.Name, config.Seed, config.Learner, defence),
                    _ => new Lazy<(IClassifier, IReadOnlyDictionary<string, double>)>(() => defence.IsNone
                        ? Evaluated(CollectivePipeline.Fit(trainer, split.TrainX, split.TrainY, defence, config.Seed,
                            split.TrainGroups).Model)
                        : Defended(defence, split.TrainY, flipped: null))).Value;
                (IClassifier Model, IReadOnlyDictionary<string, double> Metrics) Evaluated(IClassifier model) => (model,
                    FirmEvaluation.EvaluateModel(model, split, bootstrap));
                // The defended firm: the defence screens the labels it received, the learner fits what is left (warm
                // from the undefended base model, the same optimum), and the flags are counted against the flips.
                (IClassifier Model, IReadOnlyDictionary<string, double> Metrics) Defended(DefenceChoice defence,
                    int[] labels, bool[]? flipped)
                {
                    var warm = LearnerCatalog.WarmStartedFrom(trainer, Base(DefenceChoice.None).Model);
                    var shared = rowsWork.GetOrAdd((config.Dataset.Name, config.Seed), _
                        => new TrainingRowsWork(split.TrainX, threads: 1));
                    var firm = CollectivePipeline.Fit(warm, split.TrainX, labels, defence, config.Seed,
                        split.TrainGroups, flipped, shared);
                    var metrics = FirmEvaluation.EvaluateModel(firm.Model, split, bootstrap);
                    var detection = firm.Detection!;
                    return (firm.Model, new Dictionary<string, double>(metrics, StringComparer.Ordinal)
                    {
                        [MetricKeys.DefenceFlagged] = detection.Flagged, [MetricKeys.DefencePrecision] =
                            detection.Precision, [MetricKeys.DefenceRecall] = detection.Recall,
                        [MetricKeys.DefenceFalseFlagsMinority] = detection.FalseFlagsMinority,
                        [MetricKeys.DefenceFalseFlagsMajority] = detection.FalseFlagsMajority,
                    });
                }

                IReadOnlyDictionary<string, double> metrics;
                int flips = 0, poolSize = 0;
                string rule = "";
                if (cell.FirmSideMethod is { } firmSide)
                {
                    // One instance per method and options for the run: a method may keep per-split work (steering's
                    // solve).
                    var method = firmSideMethods.GetOrAdd((firmSide, config.FirmSideOptionsJson ?? ""), m
                        => FirmSideCatalog.Create(m.Method, config.FirmSideOptionsJson));
                    var context = new FirmSideContext(split, trainer, Base(DefenceChoice.None).Model, config.Seed,
                        config.PostProcessingFit);
                    metrics = FirmEvaluation.EvaluateOutcome(split, method.Run(context, config.Knob!.Value), bootstrap);
                }
                else if (cell.Group is not { } group)
                {
                    metrics = Base(config.Defence).Metrics;
                }
                else
                {
                    var ranked = rankings.GetOrAdd(group, g => new Lazy<RankedCollective>(() => Rank(g, spec,
                        choices[(g.Strategy, g.MajorityRows)] with { PlausibleMin = g.Plausible }, split,
                        plan.Draws[(g.Dataset, g.Seed)]))).Value;
                    poolSize = ranked.Pool.Length;
                    rule = ranked.Rule;
                    flips = ranked.FlipCount(config.Budget!.Value);
                    IReadOnlyDictionary<string, double> fitted;
                    if (flips == 0) fitted = Base(config.Defence).Metrics;
                    else
                    {
                        if (config.Defence.IsNone)
                            fitted = refits.GetOrFit(config.Dataset.Name, config.Seed, config.Learner,
                                ranked.FlippedRows(flips),
                                () => FirmEvaluation.EvaluateModel(CollectivePipeline.Fit(
                                    LearnerCatalog.WarmStartedFrom(trainer, Base(DefenceChoice.None).Model),
                                    split.TrainX, ranked.Relabel(split.TrainY,
                                        flips), DefenceChoice.None, config.Seed,
                                        split.TrainGroups).Model, split, bootstrap));
                        else
                        {
                            fitted = Defended(config.Defence, ranked.Relabel(split.TrainY, flips),
                                ranked.FlippedFlags(split.TrainY.Length, flips)).Metrics;
                        }
                    }
                    // How many flips the tie rule chose: a warning when a result rests on it (RunWarnings).
                    var withCounts = new Dictionary<string, double>(fitted,
                        StringComparer.Ordinal)
                    { [MetricKeys.TieFlips] = ranked.TiedAtCut(flips) };
                    // Where the causal model is known: how the cell's flips compare with the ideal relabelling's.
                    if (ranked.IdealFlags is { } flags)
                    {
                        withCounts[MetricKeys.IdealFlips] = ranked.IdealCount!.Value;
                        withCounts[MetricKeys.IdealPrecision] = IdealRelabelling.Precision(ranked.Ranking, flips,
                            flags);
                        withCounts[MetricKeys.P0RankCorrelation] = ranked.P0RankCorrelation;
                    }
                    metrics = withCounts;
                }
                writer.Write(cell.ToRecord(flips, poolSize, metrics, sw.Elapsed.TotalSeconds, rule));
                Interlocked.Increment(ref computed);
            });
        }
        finally
        {
            // Commits what the workers finished, also when one failed or the run was cancelled.
            writer.Complete();
        }
        // Every cell of the part is committed: the run is finished (a stopped run is not; run again, it resumes and
        // finishes).
        if (computed == todo.Count) store.FinishRun(runId);
        progress.Finished();
        return new RunSummary(spec.Name, plan.CellCount, plan.CellCount - todo.Count, writer.Added, clock.Elapsed);
    }

    /// <summary>One score group's collective, ranked by the pipeline on the run's draws (its order, known sample and
    /// priorities).</summary>
    private static RankedCollective Rank(ScoreGroup g, Specs.ExperimentSpec spec, RankingChoice choice,
        PreparedSplit split, Randomness randomness)
    {
        var members = CollectiveOrder.Given(randomness.Order).Members(g.Size).ToArray();
        var inputs = new CollectiveInputs(ScoringFeatures.Of(split, spec.Strategy.ScoringSpace), split.TrainY, members,
            randomness.Known(split, g.MajorityRows), g.Seed)
        {
            OracleP0 = split.TrainP0AtCounterfactual, RandomPriorities = randomness.Priorities,
        };
        return CollectivePipeline.Rank(inputs, choice, name => LearnerCatalog.Create(name, spec.Learner, g.Seed,
            innerParallelism: 1));
    }
}

/// <summary>The bootstrap over test rows a spec asks for, seeded by the cell's seed; null when off.</summary>
internal static class BootstrapSettings
{
    public static Fairness.BootstrapOptions? Of(Specs.ExperimentSpec spec, int seed) =>
        spec.BootstrapResamples > 0 ? new Fairness.BootstrapOptions
        {
            Resamples = spec.BootstrapResamples,
            Level = spec.BootstrapLevel, Seed = seed
        } : null;
}
