using FairCollective.Fairness;

namespace FairCollective.Testing;

/// <summary>
/// The contract every registered by-group metric keeps, checked on its definition: it is registered under its key with
/// a slot and a rule; on random predictions of two and of four groups its value lies in the range its rule gives it
/// (<see cref="MetricCatalog.Range"/>), two evaluations agree bit for bit, and it is the same whether or not the
/// between-groups metrics are computed (a two-group metric); and a stored metric gets an interval exactly when it is
/// not a count.
/// </summary>
public static class MetricChecks
{
    /// <summary>Runs every check on <paramref name="definition"/> (register it first); throws
    /// <see cref="ContractException"/> at the first broken one.</summary>
    public static void Check(MetricDefinition definition)
    {
        if (MetricCatalog.Find(definition.Key) is not { Metric: { } slot, Rule: { } rule } registered)
            throw new
                ContractException($"metric '{definition.Key}': not registered with a rule (MetricCatalog.Register)");
        if (string.IsNullOrWhiteSpace(registered.Name) || string.IsNullOrWhiteSpace(registered.Definition)
            || string.IsNullOrWhiteSpace(registered.MetricConvention))
            Fail(definition, "description", "its name, definition and convention must all be given");
        if (registered.Stored && registered.Interval == rule.IsCount)
            Fail(definition, "interval", "a stored metric has an interval exactly when it is not a count");
        var (low, high) = MetricCatalog.Range(registered.Key)!.Value;
        var random = new Random(CheckData.Seed);
        foreach (int groups in new[] { 2, 4 })
            for (int trial = 0; trial < 20; trial++)
            {
                int n = 40 + trial * 7;
                var y = new int[n];
                var predicted = new int[n];
                var group = new int[n];
                for (int i = 0; i < n; i++)
                {
                    y[i] = random.Next(2);
                    predicted[i] = random.Next(2);
                    group[i] = i % groups;
                }
                var minority = Enumerable.Range(0, groups).Select(g => g == groups - 1).ToArray();
                var values = new double[FairnessEvaluator.MetricCount];
                var again = new double[FairnessEvaluator.MetricCount];
                FairnessEvaluator.Evaluate(y, predicted, group, minority, values);
                FairnessEvaluator.Evaluate(y, predicted, group, minority, again);
                double v = values[(int)slot];
                if (!v.Equals(again[(int)slot])) Fail(definition, "deterministic",
                    $"two evaluations gave {v} and {again[(int)slot]}");
                if (!double.IsNaN(v) && !(v >= low && v <= high)) Fail(definition, "range",
                    $"{v} lies outside [{low}, {high}] ({groups} groups, trial {trial})");
                if (!registered.BetweenGroups)
                {
                    var perGroup = new ConfusionCounts[groups];
                    GroupConfusion.Accumulate(y, predicted, group, perGroup);
                    var twoGroup = new double[FairnessEvaluator.MetricCount];
                    FairnessEvaluator.Evaluate(perGroup, minority, UndefinedRate.NaN, twoGroup, betweenGroups: false);
                    if (!v.Equals(twoGroup[(int)slot])) Fail(definition, "two-group",
                        $"{v} with the between-groups metrics, {twoGroup[(int)slot]} without");
                }
            }
    }

    private static void Fail(MetricDefinition definition, string check, string what) =>
        throw new ContractException($"metric '{definition.Key}': {check}: {what}");
}
