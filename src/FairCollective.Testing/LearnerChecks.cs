using FairCollective.Learning;
using FairCollective.Learning.Catalog;

namespace FairCollective.Testing;

/// <summary>
/// The contract every firm learner keeps, checked on its registry entry: it fits a small labelled set and predicts one
/// label in {0, 1} and one probability in [0, 1] per row; the same seed gives the same model bit for bit; it learns
/// (beats the majority class on a set a line separates up to noise); and its options are recorded as JSON.
/// </summary>
public static class LearnerChecks
{
    /// <summary>Runs every check on <paramref name="entry"/>; throws <see cref="ContractException"/> at the first
    /// broken one.</summary>
    public static void Check(LearnerEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name)) Fail(entry, "name", "is empty");
        if (string.IsNullOrWhiteSpace(entry.Description)) Fail(entry, "description", "is empty");
        var (x, y) = CheckData.Classification(200, CheckData.Seed);
        var model = Trainer(entry, seed: 1).Fit(x, y);
        var labels = model.Predict(x);
        var p = model.PredictProba(x);
        if (labels.Length != x.Rows || p.Length != x.Rows) Fail(entry, "one prediction per row",
            $"{labels.Length} labels and {p.Length} probabilities for {x.Rows} rows");
        if (labels.Any(l => l is not (0 or 1))) Fail(entry, "labels in {0, 1}", "a prediction is neither 0 nor 1");
        if (p.Any(v => !(v >= 0 && v <= 1))) Fail(entry, "probabilities in [0, 1]",
            "a probability is outside [0, 1] or NaN");
        var again = Trainer(entry, seed: 1).Fit(x, y).PredictProba(x);
        if (!p.SequenceEqual(again)) Fail(entry, "deterministic for a seed",
            "two fits with seed 1 predicted differently");
        double accuracy = labels.Zip(y).Count(t => t.First == t.Second) / (double)y.Length;
        double majority = Math.Max(y.Average(), 1 - y.Average());
        if (accuracy <= majority) Fail(entry, "learns",
            $"training accuracy {accuracy:0.000} is no better than always predicting the majority class " +
            $"({majority:0.000})");
        if (!LearnerCatalog.Names.Contains(entry.Name, StringComparer.OrdinalIgnoreCase))
            Fail(entry, "options",
                "the entry must be registered (LearnerCatalog.Register) before its options can be checked");
        var json = LearnerCatalog.OptionsJson(entry.Name, new LearnerSettings());
        if (!json.StartsWith('{')) Fail(entry, "options", $"its recorded options '{json}' are not a JSON object");
    }

    private static ITrainer Trainer(LearnerEntry entry, int seed) => entry.Trainer(entry.Defaults(seed, 1));

    private static void Fail(LearnerEntry entry, string check, string what)
        => throw new ContractException($"learner '{entry.Name}': {check}: {what}");
}
