using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FairCollective.Common;
using FairCollective.Learning.Boosting;
using FairCollective.Learning.Logistic;
using FairCollective.Learning.Mlp;

namespace FairCollective.Learning.Catalog;

/// <summary>
/// The registry of the firm's learners: the one place to add one (its name, its options record with named defaults,
/// and its trainer). Every public option of a learner's options record is settable from an experiment spec by name
/// (<see cref="LearnerSettings.Options"/>) without further code, and recorded in each cell's configuration.
/// </summary>
public static class LearnerCatalog
{
    /// <summary>Logistic regression (L-BFGS with a Newton polish), the paper's firm.</summary>
    public const string Logistic = "logistic";

    /// <summary>A multilayer perceptron (Adam, early stopping).</summary>
    public const string Mlp = "mlp";

    /// <summary>Gradient-boosted trees (ML.NET FastTree).</summary>
    public const string BoostedTrees = "gbt";

    private static readonly Registry<LearnerEntry> Registry = new("learner",
    [
        new(Logistic, "logistic regression (L-BFGS with a Newton polish), the paper's firm",
            (_, threads) => new LogisticRegressionOptions { MaxDegreeOfParallelism = threads }, o
                => new LogisticRegressionTrainer((LogisticRegressionOptions)o)),
        new(Mlp, "a multilayer perceptron (Adam, early stopping)", (seed, _) => new MlpOptions { Seed = seed }, o
            => new MlpTrainer((MlpOptions)o)),
        new(BoostedTrees, "gradient-boosted trees (ML.NET FastTree)", (seed, _)
            => new GradientBoostingOptions { Seed = seed },
            o => new GradientBoostingTrainer((GradientBoostingOptions)o)),
    ]);

    /// <summary>Every learner: the built-in ones, then those registered (<see cref="Register"/>) in registration
    /// order.</summary>
    public static IReadOnlyList<LearnerEntry> Entries => Registry.Entries;

    /// <summary>
    /// Adds a learner (a plug-in's, or a library user's at start-up) so that specs, the front door and the planner can
    /// name it. Its name must be new, ignoring case; registering the same entry again changes nothing.
    /// </summary>
    /// <exception cref="UserInputException">Another learner has the name, or the name is empty.</exception>
    public static void Register(LearnerEntry entry) => Registry.Register(entry);

    /// <summary>The entry of a learner name given in any case.</summary>
    /// <exception cref="UserInputException">No learner has the name.</exception>
    public static LearnerEntry Get(string name) => EntryOf(name);

    /// <summary>Every learner's name, in registry order.</summary>
    public static IReadOnlyList<string> Names => Registry.Names;

    // Options that cannot change a fitted model, or that the runner sets itself: thread counts (results are identical
    // for any, tested), the seed (each cell's seed) and warm starts (same optimum). They are neither settable nor
    // recorded.
    private static readonly string[] NotSettable =
        [nameof(LogisticRegressionOptions.MaxDegreeOfParallelism),
            nameof(LogisticRegressionOptions.InitialCoefficients),
         nameof(LogisticRegressionOptions.InitialIntercept), nameof(MlpOptions.Seed),
             nameof(GradientBoostingOptions.Threads)];

    /// <param name="name">A learner of <see cref="Names"/> (any case).</param>
    /// <param name="settings">Option overrides from the experiment.</param>
    /// <param name="seed">The cell's seed (learners that draw randomly use it).</param>
    /// <param name="innerParallelism">Threads one fit may use; the runner passes 1 because it parallelises across
    /// cells.</param>
    public static ITrainer Create(string name, LearnerSettings settings, int seed, int innerParallelism = -1)
    {
        var entry = EntryOf(name);
        return entry.Trainer(OptionsOf(entry, settings, seed, innerParallelism));
    }

    /// <summary>
    /// Every option of <paramref name="name"/>'s trainer that can change a fitted model, as canonical JSON (keys
    /// sorted, round-trip numbers): built from the same options object <see cref="Create"/> uses, so a result's
    /// recorded configuration can never omit a setting the trainer read.
    /// </summary>
    public static string OptionsJson(string name, LearnerSettings settings) =>
        OptionOverrides.Canonical(OptionsOf(EntryOf(name), settings, seed: 0, innerParallelism: 1), NotSettable,
            OptionOverrides.Plain);

    /// <summary>The options of <paramref name="name"/> a spec can set, with their defaults (JSON values), in name
    /// order.</summary>
    public static IReadOnlyList<(string Option, string Default)> SettableOptions(string name) =>
        OptionOverrides.Settable(EntryOf(name).Defaults(0, 1), NotSettable, OptionOverrides.Plain);

    /// <summary>
    /// A trainer that starts from <paramref name="start"/>'s solution where the learner supports it (logistic
    /// regression): refits on slightly relabelled data then need fewer iterations and reach the same optimum (the
    /// objective is strictly convex). Deterministic as long as <paramref name="start"/> is.
    /// </summary>
    public static ITrainer WarmStartedFrom(ITrainer trainer, IClassifier start) =>
        trainer is LogisticRegressionTrainer t && start is LogisticRegressionModel m
            ? new LogisticRegressionTrainer(t.Options with
            {
                InitialCoefficients = m.Coefficients,
                InitialIntercept = m.Intercept,
                InitialCurvature = m.Curvature
            })
            : trainer;

    private static LearnerEntry EntryOf(string name) => Registry.Get(name);

    /// <summary>The learner's defaults with the experiment's overrides applied by option name, checked by the learner's
    /// own validation.</summary>
    private static object OptionsOf(LearnerEntry entry, LearnerSettings settings, int seed, int innerParallelism)
    {
        var overrides = new List<(string Option, JsonNode? Value)>();
        if (entry.Name == Logistic
            && settings.C != LogisticRegressionOptions.DefaultC) overrides.Add((nameof(LogisticRegressionOptions.C),
            JsonValue.Create(settings.C)));
        if (settings.Options.TryGetValue(entry.Name, out var given)) overrides.AddRange(given.Select(kv => (kv.Key,
            kv.Value)));
        return OptionOverrides.Apply(entry.Defaults(seed, innerParallelism), overrides, entry.Name, NotSettable,
            OptionOverrides.Plain);
    }
}
