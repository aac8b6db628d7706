using System.Text.Json;
using System.Text.Json.Nodes;
using FairCollective.Common;
using FairCollective.Learning.Boosting;
using FairCollective.Learning.Logistic;
using FairCollective.Learning.Mlp;

namespace FairCollective.Learning.Catalog;

/// <summary>The firm models a spec may name, built with the grid's settings and the cell's seed.</summary>
public static class LearnerCatalog
{
    /// <summary>L2-regularised logistic regression (<see cref="LogisticRegressionTrainer"/>), the default firm.</summary>
    public const string Logistic = "logistic";
    /// <summary>Multilayer perceptron (<see cref="MlpTrainer"/>).</summary>
    public const string Mlp = "mlp";
    /// <summary>Gradient-boosted trees through ML.NET FastTree (<see cref="GradientBoostingTrainer"/>).</summary>
    public const string BoostedTrees = "gbt";

    /// <summary>Every learner name a spec may use.</summary>
    public static IReadOnlyList<string> Names { get; } = [Logistic, Mlp, BoostedTrees];

    // Options that cannot change a fitted model: thread counts (results are identical for any, tested), the seed
    // (a cell's seed is part of its configuration anyway) and warm starts (same optimum, set by the runner).
    private static readonly string[] NotResultAffecting =
        [nameof(LogisticRegressionOptions.MaxDegreeOfParallelism), nameof(LogisticRegressionOptions.InitialCoefficients),
         nameof(LogisticRegressionOptions.InitialIntercept), nameof(MlpOptions.Seed), nameof(GradientBoostingOptions.Threads)];

    /// <summary>The trainer <paramref name="name"/> configured from the grid's settings and the cell's seed.</summary>
    /// <param name="name">A learner name from <see cref="Names"/>, any case.</param>
    /// <param name="settings">The spec's learner settings (e.g. logistic regression's C).</param>
    /// <param name="seed">The cell's seed (used by the seeded learners, mlp and gbt).</param>
    /// <param name="innerParallelism">Threads one fit may use; the runner passes 1 because it parallelises across cells.</param>
    /// <exception cref="UserInputException">The name is not a known learner.</exception>
    public static ITrainer Create(string name, LearnerSettings settings, int seed, int innerParallelism = -1) => OptionsOf(name, settings, seed, innerParallelism) switch
    {
        LogisticRegressionOptions o => new LogisticRegressionTrainer(o),
        MlpOptions o => new MlpTrainer(o),
        GradientBoostingOptions o => new GradientBoostingTrainer(o),
        var o => throw new InvalidOperationException($"no trainer for options {o.GetType().Name}"),
    };

    /// <summary>
    /// Every option of <paramref name="name"/>'s trainer that can change a fitted model, as canonical JSON (keys
    /// sorted, round-trip numbers): built from the same options object <see cref="Create"/> uses, so a result's
    /// recorded configuration can never omit a setting the trainer read.
    /// </summary>
    public static string OptionsJson(string name, LearnerSettings settings)
    {
        var node = JsonSerializer.SerializeToNode(OptionsOf(name, settings, seed: 0, innerParallelism: 1))!.AsObject();
        var sorted = new JsonObject();
        foreach (var (key, value) in node.Where(kv => !NotResultAffecting.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sorted[key] = value?.DeepClone();
        return sorted.ToJsonString();
    }

    private static object OptionsOf(string name, LearnerSettings settings, int seed, int innerParallelism) => name.ToLowerInvariant() switch
    {
        Logistic => new LogisticRegressionOptions { C = settings.C, MaxDegreeOfParallelism = innerParallelism },
        Mlp => new MlpOptions { Seed = seed },
        BoostedTrees => new GradientBoostingOptions { Seed = seed },
        _ => throw new UserInputException($"unknown learner '{name}' (known: {string.Join(", ", Names)})"),
    };

    /// <summary>
    /// A trainer that starts from <paramref name="start"/>'s solution where the learner supports it (logistic
    /// regression): refits on slightly relabelled data then need fewer iterations and reach the same optimum (the
    /// objective is strictly convex). Deterministic as long as <paramref name="start"/> is.
    /// </summary>
    public static ITrainer WarmStartedFrom(ITrainer trainer, IClassifier start) =>
        trainer is LogisticRegressionTrainer t && start is LogisticRegressionModel m
            ? new LogisticRegressionTrainer(t.Options with { InitialCoefficients = m.Coefficients, InitialIntercept = m.Intercept })
            : trainer;
}
