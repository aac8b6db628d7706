using System.Text.Json.Nodes;
using FairCollective.Collective;
using FairCollective.Collective.Strategies;
using FairCollective.Common;
using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Testing;

/// <summary>
/// The contract every strategy keeps, checked on its registry entry (as <c>check_estimator</c> checks a scikit-learn
/// estimator): one finite score per pool member and a scoring rule; the same scores for the same inputs; blind to
/// every training row that is neither in the pool nor a known majority row; k and the causal model used exactly when
/// declared in <see cref="StrategyEntry.Needs"/>; and its own options settable by name, each one changing the recorded
/// JSON and round-tripping through it. <see cref="Check"/> runs them all; each is public to run alone.
/// </summary>
public static class StrategyChecks
{
    /// <summary>Runs every check on <paramref name="entry"/>; throws <see cref="ContractException"/> at the first
    /// broken one.</summary>
    public static void Check(StrategyEntry entry)
    {
        DescribesItself(entry);
        ScoresEveryPoolMemberWithAFiniteNumber(entry);
        IsDeterministic(entry);
        ReadsOnlyThePoolAndTheKnownMajority(entry);
        UsesWhatItDeclares(entry);
        OptionsRoundTrip(entry);
    }

    /// <summary>A name and a one-sentence description; the strategy it builds carries the entry's name.</summary>
    public static void DescribesItself(StrategyEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Trim() != entry.Name) Fail(entry, "name",
            $"'{entry.Name}' is empty or padded");
        if (string.IsNullOrWhiteSpace(entry.Description)) Fail(entry, "description", "is empty");
        var strategy = Create(entry, new StrategySettings(), WithK(entry, CheckK));
        if (strategy.Name != entry.Name) Fail(entry, "name",
            $"the strategy it builds is named '{strategy.Name}', not '{entry.Name}'");
    }

    /// <summary>One finite score per pool member, in pool order, and a non-empty rule.</summary>
    public static void ScoresEveryPoolMemberWithAFiniteNumber(StrategyEntry entry)
    {
        var scores = Score(entry, CheckData.X, CheckData.Y, CheckData.P0);
        if (scores.Values.Length != CheckData.Pool.Length)
            Fail(entry, "one score per pool member",
                $"{scores.Values.Length} scores for a pool of {CheckData.Pool.Length}");
        for (int i = 0; i < scores.Values.Length; i++)
            if (!double.IsFinite(scores.Values[i])) Fail(entry, "finite scores",
                $"pool member {i} scored {scores.Values[i]}");
        if (string.IsNullOrWhiteSpace(scores.Rule)) Fail(entry, "scoring rule", "is empty");
    }

    /// <summary>Two strategies built alike score the same inputs bit for bit alike.</summary>
    public static void IsDeterministic(StrategyEntry entry)
    {
        var a = Score(entry, CheckData.X, CheckData.Y, CheckData.P0);
        var b = Score(entry, CheckData.X, CheckData.Y, CheckData.P0);
        if (a.Rule != b.Rule || !a.Values.SequenceEqual(b.Values)) Fail(entry, "deterministic for a seed",
            "two runs on the same inputs scored differently");
    }

    /// <summary>Changing the features, labels and P0 of rows the collective does not know leaves the scores as they
    /// were.</summary>
    public static void ReadsOnlyThePoolAndTheKnownMajority(StrategyEntry entry)
    {
        var x = (double[])CheckData.X.Clone();
        var y = (int[])CheckData.Y.Clone();
        var p0 = (double[])CheckData.P0.Clone();
        foreach (int row in CheckData.Hidden)
        {
            x[2 * row] = -x[2 * row] + 1;
            x[2 * row + 1] *= 3;
            y[row] = 1 - y[row];
            p0[row] = 1 - p0[row];
        }
        if (!Score(entry, CheckData.X, CheckData.Y, CheckData.P0).Values.SequenceEqual(Score(entry, x, y, p0).Values))
            Fail(entry, "reads only the pool and the known majority", "changing rows outside both changed the scores");
    }

    /// <summary>k changes the scores exactly when k nearest rows are declared; P0 exactly when the causal model
    /// is.</summary>
    public static void UsesWhatItDeclares(StrategyEntry entry)
    {
        bool declaresK = entry.Needs.HasFlag(StrategyNeeds.KNearestMajorityRows)
            || entry.Needs.HasFlag(StrategyNeeds.KNearestPositiveMajorityRows);
        bool hasK = entry.Defaults is INearestRowsOptions;
        if (declaresK != hasK)
            Fail(entry, "declared needs",
                declaresK ? "declares k nearest rows but its options record does not carry k (INearestRowsOptions)"
                : "its options record carries k (INearestRowsOptions) but it does not declare k nearest rows");
        if (declaresK && Score(entry, CheckData.X, CheckData.Y, CheckData.P0, WithK(entry, 1)).Values
                .SequenceEqual(Score(entry, CheckData.X, CheckData.Y, CheckData.P0, WithK(entry, 4)).Values))
            Fail(entry, "declared needs", "declares k nearest rows but ranks alike for k = 1 and 4");
        bool readsP0 = !Score(entry, CheckData.X, CheckData.Y, CheckData.P0).Values
            .SequenceEqual(Score(entry, CheckData.X, CheckData.Y, CheckData.P0.Select(p => 1 - p).ToArray()).Values);
        if (entry.Needs.HasFlag(StrategyNeeds.CausalModel) != readsP0)
            Fail(entry, "declared needs",
                readsP0 ? "reads P0 (the causal model) but does not declare it" :
                "declares the causal model but does not read P0");
    }

    /// <summary>
    /// Its own options (if any): each is settable by name and changes the recorded JSON, which reads back to the same
    /// options; an unknown option is refused as a user error.
    /// </summary>
    public static void OptionsRoundTrip(StrategyEntry entry)
    {
        if (entry.Defaults is null) return;
        if (StrategyCatalog.Find(entry.Name) is not { } registered
            || registered.Defaults?.GetType() != entry.Defaults.GetType())
            Fail(entry, "options",
                "the entry must be registered (StrategyCatalog.Register) before its options can be checked");
        string defaults = StrategyCatalog.OptionsJson(entry.Name, null)!;
        foreach (var (option, value) in StrategyCatalog.SettableOptions(entry.Name))
        {
            var other = OtherValue(JsonNode.Parse(value));
            if (other is null) continue; // a value of a kind the check cannot vary (a list, an object)
            object changed;
            try
            {
                changed = StrategyCatalog.OptionsWith(entry.Name, [(option, other)])!;
            }
            catch (UserInputException)
            {
                continue;
                // the other value is outside what the strategy accepts: its own validation, not a broken contract
            }
            string json = StrategyCatalog.OptionsJson(entry.Name, changed)!;
            if (json == defaults) Fail(entry, "options",
                $"setting '{option}' to {other.ToJsonString()} leaves the recorded options as they were");
            if (StrategyCatalog.OptionsJson(entry.Name, StrategyCatalog.OptionsFromJson(entry.Name, json)) != json)
                Fail(entry, "options", $"'{option}': the recorded options do not read back to the same options");
        }
        try
        {
            StrategyCatalog.OptionsWith(entry.Name, [("no_such_option_" + entry.Name.Length, JsonValue.Create(1))]);
            Fail(entry, "options", "an unknown option was accepted");
        }
        catch (UserInputException)
        {
        }
    }

    private static JsonNode? OtherValue(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue(out bool b) => JsonValue.Create(!b),
        JsonValue v when v.TryGetValue(out int i) => JsonValue.Create(i + 1),
        JsonValue v when v.TryGetValue(out double d) => JsonValue.Create(d == 0 ? 0.5 : d * 0.5),
        JsonValue v when v.TryGetValue(out string? s) => JsonValue.Create(s + "x"),
        _ => null,
    };

    // k = 3 by default: below the known majority rows of the check data, so no strategy falls back to fewer.
    private const int CheckK = 3;

    /// <summary>The entry's default options, with k set where its options carry one.</summary>
    private static object? WithK(StrategyEntry entry, int k) =>
        entry.Defaults is INearestRowsOptions ? entry.OptionsWith([("k", JsonValue.Create(k))]) : entry.Defaults;

    private static PoolScores Score(StrategyEntry entry, double[] x, int[] y, double[] p0, object? options = null) =>
        Create(entry, new StrategySettings(), options ?? WithK(entry, CheckK))
            .Score(new StrategyContext(CheckData.Matrix(x), y, CheckData.Pool, CheckData.Known, CheckData.Seed, p0));

    private static ICollectiveStrategy Create(StrategyEntry entry, StrategySettings settings, object? options) =>
        entry.Create(new StrategyBuild(settings, TrainerFor) { Options = options });

    private static ITrainer TrainerFor(string learner) => LearnerCatalog.Create(learner, new LearnerSettings(),
        CheckData.Seed);

    private static void Fail(StrategyEntry entry, string check, string what)
        => throw new ContractException($"strategy '{entry.Name}': {check}: {what}");
}
