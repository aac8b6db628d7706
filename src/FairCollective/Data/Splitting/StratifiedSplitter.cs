using FairCollective.Common;

namespace FairCollective.Data.Splitting;

/// <summary>
/// Splits a dataset into train, validation and test parts, stratified by (label x sensitive group) so each part
/// keeps the base rates of every group (the quantities the fairness metrics compare); or returns the split the
/// source prescribes. Sizes follow scikit-learn: test = ceil(TestFraction * n), validation =
/// ceil(ValidationFraction * n), train = the rest; per stratum the share is within one row of proportional.
/// </summary>
public static class StratifiedSplitter
{
    /// <summary>The train, validation and test rows of <paramref name="data"/>: drawn (seeded, stratified by label x
    /// group) or, with <see cref="SplitOptions.UsePredefined"/>, the source's own split.</summary>
    /// <exception cref="Common.UserInputException">A fraction out of range or leaving no training row; a predefined
    /// split that is absent, names an unknown part, or lacks training or test rows.</exception>
    public static DataSplit Split(Dataset data, SplitOptions? options = null)
    {
        options ??= new SplitOptions();
        return options.UsePredefined ? FromPredefined(data, options) : Draw(data, options);
    }

    private static DataSplit Draw(Dataset data, SplitOptions options)
    {
        int n = data.RowCount;
        CheckFraction(options.TestFraction, nameof(SplitOptions.TestFraction), allowZero: false);
        CheckFraction(options.ValidationFraction, nameof(SplitOptions.ValidationFraction), allowZero: true);
        int nTest = (int)Math.Ceiling(options.TestFraction * n);
        int nValidation = (int)Math.Ceiling(options.ValidationFraction * n);
        if (nTest + nValidation >= n)
            throw new UserInputException($"dataset '{data.Name}' has {n} rows: TestFraction {options.TestFraction} " +
                $"and ValidationFraction {options.ValidationFraction} leave no training row");

        var strata = Strata(data, options.Stratify);
        var counts = strata.Select(s => s.Count).ToArray();
        var rng = Seeds.Create(options.Seed, "split");
        var testAlloc = StratumAllocation.Allocate(counts, nTest, counts, rng);
        var left = counts.Select((c, s) => c - testAlloc[s]).ToArray();
        var validationAlloc = StratumAllocation.Allocate(counts, nValidation, left, rng);

        var train = new List<int>(n - nTest - nValidation);
        var validation = new List<int>(nValidation);
        var test = new List<int>(nTest);
        for (int s = 0; s < strata.Count; s++)
        {
            var rows = strata[s];
            var perm = Seeds.Permutation(rows.Count, rng);
            for (int k = 0; k < rows.Count; k++)
            {
                var part = k < testAlloc[s] ? test : k < testAlloc[s] + validationAlloc[s] ? validation : train;
                part.Add(rows[perm[k]]);
            }
        }
        return new DataSplit(Sorted(train), Sorted(validation), Sorted(test));
    }

    /// <summary>Rows of each (group, label) stratum, ascending; strata in (group ordinal, label) order.</summary>
    internal static List<List<int>> Strata(Dataset data, Stratification stratify = Stratification.LabelAndGroup)
    {
        if (stratify == Stratification.Label)
            return Enumerable.Range(0, 2).Select(y => Enumerable.Range(0, data.RowCount).Where(i
                => data.Labels[i] == y).ToList()).Where(s => s.Count > 0).ToList();
        var groups = data.Sensitive.Groups;
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < groups.Length; g++) groupIndex[groups[g]] = g;
        var strata = new List<int>[groups.Length * 2];
        for (int s = 0; s < strata.Length; s++) strata[s] = [];
        for (int i = 0; i < data.RowCount; i++) strata[groupIndex[data.Sensitive.GroupOfRow[i]] * 2 +
            data.Labels[i]].Add(i);
        return strata.Where(s => s.Count > 0).ToList();
    }

    private static DataSplit FromPredefined(Dataset data, SplitOptions options)
    {
        var names = data.PredefinedSplit
                    ?? throw new UserInputException($"dataset '{data.Name}' has no predefined split; turn the split " +
                        "option UsePredefined off");
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < names.Length; i++)
        {
            string? name = names[i];
            if (Same(name, options.TrainName)) train.Add(i);
            else if (Same(name, options.TestName)) test.Add(i);
            else if (options.ValidationNames.Any(v => Same(name, v))) validation.Add(i);
            else
                throw new UserInputException($"dataset '{data.Name}' row {i} ({data.Ids[i]}): predefined split " +
                    $"'{name ?? "(none)"}' is none of " +
                                             $"'{options.TrainName}', '{options.TestName}', " +
                                                 $"{string.Join(", ", options.ValidationNames.Select(v => $"'{v}'"))}");
        }
        if (train.Count == 0 || test.Count == 0)
            throw new UserInputException($"dataset '{data.Name}': the predefined split has {train.Count} " +
                $"'{options.TrainName}' and {test.Count} '{options.TestName}' rows; both parts are needed");
        return new DataSplit(train.ToArray(), validation.ToArray(), test.ToArray());
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a, b,
        StringComparison.OrdinalIgnoreCase);

    private static void CheckFraction(double f, string option, bool allowZero)
    {
        if (!double.IsFinite(f) || f < 0 || f >= 1 || (!allowZero && f == 0))
            throw new UserInputException($"split option {option} must be in {(allowZero ? "[0" : "(0")}, 1), got {f}");
    }

    private static int[] Sorted(List<int> rows)
    {
        var a = rows.ToArray();
        Array.Sort(a);
        return a;
    }
}
