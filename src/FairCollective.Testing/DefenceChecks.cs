using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;

namespace FairCollective.Testing;

/// <summary>
/// The contract every firm defence keeps, checked on its registry entry: one flag per training row, the same flags for
/// the same inputs and seed, a training set it leaves that the firm can fit (rows and labels agree), and options
/// recorded as JSON.
/// </summary>
public static class DefenceChecks
{
    /// <summary>Runs every check on <paramref name="entry"/>; throws <see cref="ContractException"/> at the first
    /// broken one.</summary>
    public static void Check(DefenceEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name)) Fail(entry, "name", "is empty");
        if (string.IsNullOrWhiteSpace(entry.Description)) Fail(entry, "description", "is empty");
        var (x, y) = CheckData.Classification(120, CheckData.Seed);
        // A few flipped labels, as a collective would leave them.
        for (int i = 0; i < y.Length; i += 17) y[i] = 1;
        var trainer = LearnerCatalog.Create(LearnerCatalog.Logistic, new LearnerSettings(), CheckData.Seed,
            innerParallelism: 1);
        DefenceOutcome Apply() => entry.Create(entry.Defaults()).Apply(new DefenceInput(x, y, trainer, CheckData.Seed));
        var outcome = Apply();
        if (outcome.Flagged.Length != y.Length) Fail(entry, "one flag per row",
            $"{outcome.Flagged.Length} flags for {y.Length} rows");
        if (!outcome.Flagged.SequenceEqual(Apply().Flagged)) Fail(entry, "deterministic for a seed",
            "two runs flagged different rows");
        var (kept, labels) = outcome.TrainingSet(x, y);
        if (kept.Rows != labels.Length) Fail(entry, "training set",
            $"{kept.Rows} rows kept with {labels.Length} labels");
        if (labels.Any(l => l is not (0 or 1))) Fail(entry, "training set", "a kept label is neither 0 nor 1");
        if (!DefenceCatalog.Names.Contains(entry.Name, StringComparer.OrdinalIgnoreCase))
            Fail(entry, "options",
                "the entry must be registered (DefenceCatalog.Register) before its options can be checked");
        if (!DefenceCatalog.Choice(entry.Name).OptionsJson.StartsWith('{')) Fail(entry, "options",
            "its recorded options are not a JSON object");
    }

    private static void Fail(DefenceEntry entry, string check, string what)
        => throw new ContractException($"defence '{entry.Name}': {check}: {what}");
}
