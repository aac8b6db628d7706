using System.Globalization;
using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Fairness;

/// <summary>
/// FairCollective's MetricFrame (fairlearn's by-group table): for labelled predictions and one or more sensitive
/// columns, every group (with several columns, every observed combination, labelled "F x b" as
/// <see cref="SensitiveAttribute.IntersectionSeparator"/> joins them) with its count, base rate, selection rate, TPR,
/// FPR, FNR, accuracy and error, plus any <see cref="UserMetric"/>; the overall values; fairlearn's between-groups
/// <see cref="Difference"/> and <see cref="Ratio"/> of every column; and, for a designated minority, its signed gaps
/// (<see cref="MinorityGap"/>) and the named two-group metrics (<see cref="Minority"/>). The built-in columns come
/// from <see cref="GroupConfusion"/>'s counts (the one per-group computation); undefined values are NaN by default and
/// every one is named in <see cref="Warnings"/>, as are groups with fewer than
/// <see cref="MetricFrameOptions.SmallGroupRows"/> rows or whose TPR or FPR rests on fewer rows than that. With
/// <see cref="MetricFrameOptions.Bootstrap"/>, <see cref="Intervals"/> holds bootstrap intervals of the built-in
/// columns.
/// </summary>
public sealed class MetricFrame
{
    private readonly GroupIndex _groups;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly double[][] _byGroup; // [column][group]
    private readonly double[] _overall;
    private readonly double[]? _minorityValues, _majorityValues;

    private MetricFrame(int[] yTrue, int[] yPred, GroupIndex groups, string[][] groupValues, MetricFrameOptions options,
        IReadOnlyList<string> sensitiveNames)
    {
        _groups = groups;
        SensitiveNames = sensitiveNames;
        GroupValues = groupValues;
        UndefinedRate = options.UndefinedRate;
        SmallGroupRows = options.SmallGroupRows;
        var weights = options.SampleWeights;
        Confusion = GroupConfusion.Compute(yTrue, yPred, groups, weights,
            new GroupConfusionOptions { UndefinedRate = options.UndefinedRate });

        var rowsOf = RowsOfGroups(groups);
        RowCounts = rowsOf.Select(r => r.Length).ToArray();
        _columns = [.. MetricFrameColumns.BuiltIn, .. options.UserMetrics.Select(m => m.Name)];
        _columnIndex = CheckedColumnIndex(_columns, MetricFrameColumns.BuiltIn.Count);

        _byGroup = new double[_columns.Length][];
        _overall = new double[_columns.Length];
        for (int c = 0; c < _columns.Length; c++) _byGroup[c] = new double[groups.Count];
        for (int g = 0; g < groups.Count; g++)
            Fill(_byGroup, g, RowCounts[g], Confusion.PerGroup[g], UserValues(options.UserMetrics, yTrue, yPred,
                weights, rowsOf[g]));
        var all = Enumerable.Range(0, yTrue.Length).ToArray();
        FillOverall(_overall, yTrue.Length, Confusion.Overall, UserValues(options.UserMetrics, yTrue, yPred, weights,
            all));

        var warnings = new List<string>(Confusion.Warnings);
        if (options.MinorityGroups.Count > 0)
        {
            Minority = FairnessReport.From(Confusion, options.MinorityGroups);
            var isMinority = Minority.IsMinorityGroup;
            int[] minorityRows = Pool(rowsOf, isMinority, true), majorityRows = Pool(rowsOf, isMinority, false);
            _minorityValues = new double[_columns.Length];
            _majorityValues = new double[_columns.Length];
            FillOverall(_minorityValues, minorityRows.Length, Minority.Minority, UserValues(options.UserMetrics, yTrue,
                yPred, weights, minorityRows));
            FillOverall(_majorityValues, majorityRows.Length, Minority.Majority, UserValues(options.UserMetrics, yTrue,
                yPred, weights, majorityRows));
            // The report's own 0/0-ratio warnings name rates; this frame names every column's below, in column names.
            warnings.AddRange(Minority.Warnings.Where(w => !w.StartsWith(FairnessReport.BetweenGroupsRatioWarningPrefix,
                StringComparison.Ordinal)));
        }
        for (int g = 0; g < groups.Count; g++)
            if (FewRows(Groups[g], RowCounts[g], rowsOf[g].Count(i => yTrue[i] == 1),
                SmallGroupRows) is { } few) warnings.Add(few);
        for (int c = MetricFrameColumns.BuiltIn.Count; c < _columns.Length; c++)
        {
            var undefined = Enumerable.Range(0, groups.Count).Where(g => double.IsNaN(_byGroup[c][g])).Select(g
                => $"'{Groups[g]}'").ToArray();
            if (undefined.Length > 0) warnings.Add($"{_columns[c]} is undefined (NaN) for " +
                $"group{(undefined.Length > 1 ? "s" : "")} {string.Join(", ", undefined)}");
        }
        foreach (var column in _columns)
            if (double.IsNaN(Ratio(column)) && BetweenGroups.MinMax(_byGroup[IndexOf(column)], UndefinedRate).Max == 0)
                warnings.Add($"{FairnessReport.BetweenGroupsRatioWarningPrefix}{column}: every group has {column} 0, " +
                    "so the ratio is 0/0 (NaN)");
        Warnings = warnings.Distinct(StringComparer.Ordinal).ToArray();
        if (options.Bootstrap is { } bootstrap)
            Intervals = new MetricFrameIntervals(this, yTrue, yPred, groups, Minority?.IsMinorityGroup.ToArray(),
                bootstrap, weights);
    }

    /// <summary>
    /// The one warning line of a group whose rates rest on few rows (null when none does): fewer than
    /// <paramref name="threshold"/> rows in all, or, among enough rows, fewer positive labels (TPR and FNR) or negative
    /// labels (FPR). Rows are counted unweighted. A rate with no rows at all is undefined and warned about as such.
    /// </summary>
    private static string? FewRows(string group, int rows, int positives, int threshold)
    {
        int negatives = rows - positives;
        if (rows < threshold)
            return string.Create(CultureInfo.InvariantCulture,
                $"group '{group}' has {rows} rows ({positives} with y = 1, {negatives} with y = 0), fewer than " +
                    $"{threshold}: its rates are too noisy to compare");
        bool fewPositives = positives > 0 && positives < threshold, fewNegatives = negatives > 0
            && negatives < threshold;
        return (fewPositives, fewNegatives) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture,
                $"group '{group}' has {positives} rows with y = 1 and {negatives} with y = 0, each fewer than " +
                    $"{threshold}: its TPR, FNR and FPR are too noisy to compare"),
            (true, false) => string.Create(CultureInfo.InvariantCulture,
                $"group '{group}' has {positives} rows with y = 1, fewer than {threshold}: its TPR and FNR are too " +
                    $"noisy to compare"),
            (false, true) => string.Create(CultureInfo.InvariantCulture,
                $"group '{group}' has {negatives} rows with y = 0, fewer than {threshold}: its FPR is too noisy to " +
                    $"compare"),
            _ => null,
        };
    }

    /// <summary>Bootstrap intervals of the built-in columns and the two-group metrics; null unless
    /// <see cref="MetricFrameOptions.Bootstrap"/> was set.</summary>
    public MetricFrameIntervals? Intervals { get; }

    /// <summary>
    /// The frame of <paramref name="yTrue"/> and <paramref name="yPred"/> (0/1, 1 favourable) grouped by the
    /// combination of the <paramref name="sensitiveColumns"/> (each one label per row). Throws
    /// <see cref="UserInputException"/> on mismatched lengths, labels other than 0/1, bad weights, or a user metric
    /// named like another column.
    /// </summary>
    public static MetricFrame Compute(int[] yTrue, int[] yPred, IReadOnlyList<string[]> sensitiveColumns,
        MetricFrameOptions? options = null)
    {
        options ??= new MetricFrameOptions();
        if (sensitiveColumns.Count == 0) throw new
            UserInputException("A metric frame needs at least one sensitive column.");
        var names = options.SensitiveNames ?? Enumerable.Range(0, sensitiveColumns.Count).Select(i
            => $"sensitive_feature_{i}").ToArray();
        if (names.Count != sensitiveColumns.Count)
            throw new UserInputException($"{names.Count} sensitive column names for {sensitiveColumns.Count} " +
                "sensitive columns.");
        for (int k = 0; k < sensitiveColumns.Count; k++)
            if (sensitiveColumns[k].Length != yTrue.Length)
                throw new UserInputException($"Sensitive column '{names[k]}' has {sensitiveColumns[k].Length} rows " +
                    $"but labels have {yTrue.Length}.");
        var label = new string[yTrue.Length];
        for (int i = 0; i < label.Length; i++)
            label[i] = sensitiveColumns.Count == 1
                ? sensitiveColumns[0][i] ?? throw new UserInputException($"Group label of row {i} is missing.")
                : string.Join(SensitiveAttribute.IntersectionSeparator, sensitiveColumns.Select(col => col[i]
                    ?? throw new UserInputException($"Group label of row {i} is missing.")));
        var groups = GroupIndex.From(label);
        var values = new string[groups.Count][];
        for (int i = label.Length - 1; i >= 0; i--) values[groups.IndexOfRow[i]] = sensitiveColumns.Select(col
            => col[i]).ToArray();
        return new MetricFrame(yTrue, yPred, groups, values, options, names.ToArray());
    }

    /// <summary>The frame for a single sensitive column.</summary>
    public static MetricFrame Compute(int[] yTrue, int[] yPred, string[] sensitive,
        MetricFrameOptions? options = null) =>
        Compute(yTrue, yPred, [sensitive], options);

    /// <summary>Names of the sensitive columns, in the order their values are joined into group labels.</summary>
    public IReadOnlyList<string> SensitiveNames { get; }

    /// <summary>Group labels in ordinal order (fairlearn's by_group order for string values); intersections "F x
    /// b".</summary>
    public IReadOnlyList<string> Groups => Confusion.Groups;

    /// <summary>Per group (order of <see cref="Groups"/>), its value of each sensitive column (order of
    /// <see cref="SensitiveNames"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> GroupValues { get; }

    /// <summary>Number of rows per group (unweighted), order of <see cref="Groups"/>.</summary>
    public IReadOnlyList<int> RowCounts { get; }

    /// <summary>Column names: <see cref="MetricFrameColumns.BuiltIn"/>, then the user metrics in the order
    /// given.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The per-group confusion counts the built-in columns come from.</summary>
    public GroupConfusionResult Confusion { get; }

    /// <summary>
    /// With a minority: every named metric of the pooled minority against the pooled majority (signed gaps, demographic
    /// parity difference and ratio, equal opportunity, EqOd and fairlearn's worst-case equalized odds); null without
    /// one.
    /// </summary>
    public FairnessReport? Minority { get; }

    /// <summary>What a TPR, FPR or FNR with an empty denominator became.</summary>
    public UndefinedRate UndefinedRate { get; }

    /// <summary>Groups with fewer rows than this, or with fewer positive or negative labels, were named in
    /// <see cref="Warnings"/>.</summary>
    public int SmallGroupRows { get; }

    /// <summary>
    /// Every undefined value (TPR/FPR/FNR without positives or negatives, a user metric's NaN, a 0/0 ratio), every
    /// group with fewer than <see cref="SmallGroupRows"/> rows or with fewer positive or negative labels than that (one
    /// line per group) and every minority label no row carries; one line each, no repeats.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The values of <paramref name="column"/> per group, order of <see cref="Groups"/>.</summary>
    public IReadOnlyList<double> ByGroup(string column) => _byGroup[IndexOf(column)];

    /// <summary>The value of <paramref name="column"/> for <paramref name="group"/>.</summary>
    public double this[string group, string column]
    {
        get
        {
            int g = _groups.IndexOf(group);
            if (g < 0) throw new
                UserInputException($"Group '{group}' does not occur; groups are: {string.Join(", ", Groups)}.");
            return _byGroup[IndexOf(column)][g];
        }
    }

    /// <summary>The value of <paramref name="column"/> on all rows (fairlearn's <c>overall</c>).</summary>
    public double Overall(string column) => _overall[IndexOf(column)];

    /// <summary>Max over groups minus min over groups of <paramref name="column"/> (fairlearn
    /// difference(method='between_groups')).</summary>
    public double Difference(string column) => BetweenGroups.Difference(_byGroup[IndexOf(column)], UndefinedRate);

    /// <summary>Min over groups divided by max over groups of <paramref name="column"/>; 0/0 = NaN (fairlearn
    /// ratio(method='between_groups')).</summary>
    public double Ratio(string column) => BetweenGroups.Ratio(_byGroup[IndexOf(column)], UndefinedRate);

    /// <summary>The value of <paramref name="column"/> on the pooled minority rows.</summary>
    public double MinorityValue(string column) => (_minorityValues ?? throw NoMinority())[IndexOf(column)];

    /// <summary>The value of <paramref name="column"/> on the pooled majority rows (every non-minority
    /// group).</summary>
    public double MajorityValue(string column) => (_majorityValues ?? throw NoMinority())[IndexOf(column)];

    /// <summary>Signed gap of <paramref name="column"/>: minority minus majority (AIF360's unprivileged minus
    /// privileged).</summary>
    public double MinorityGap(string column) => MinorityValue(column) - MajorityValue(column);

    private int IndexOf(string column) => _columnIndex.TryGetValue(column, out int c)
        ? c
        : throw new UserInputException($"No metric column '{column}'; columns are: {string.Join(", ", _columns)}.");

    private static InvalidOperationException NoMinority() =>
        new("This frame has no minority: set MetricFrameOptions.MinorityGroups to get minority values and gaps.");

    private static Dictionary<string, int> CheckedColumnIndex(string[] columns, int builtIn)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(columns[c])) throw new
                UserInputException($"User metric {c - builtIn + 1} has no name.");
            if (!index.TryAdd(columns[c], c))
                throw new UserInputException($"User metric '{columns[c]}' has the name of another column; columns " +
                    $"are: {string.Join(", ", columns[..c])}.");
        }
        return index;
    }

    private static int[][] RowsOfGroups(GroupIndex groups)
    {
        var lists = Enumerable.Range(0, groups.Count).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < groups.RowCount; i++) lists[groups.IndexOfRow[i]].Add(i);
        return lists.Select(l => l.ToArray()).ToArray();
    }

    private static int[] Pool(int[][] rowsOf, IReadOnlyList<bool> isMinority, bool member) =>
        Enumerable.Range(0, rowsOf.Length).Where(g => isMinority[g] == member).SelectMany(g
            => rowsOf[g]).Order().ToArray();

    private static double[] UserValues(IReadOnlyList<UserMetric> metrics, int[] yTrue, int[] yPred, double[]? weights,
        int[] rows)
    {
        if (metrics.Count == 0) return [];
        var t = rows.Select(i => yTrue[i]).ToArray();
        var p = rows.Select(i => yPred[i]).ToArray();
        var w = weights is null ? null : rows.Select(i => weights[i]).ToArray();
        return metrics.Select(m => m.Function(t, p, w)).ToArray();
    }

    /// <summary>Writes one group's values into column-major storage.</summary>
    private static void Fill(double[][] byGroup, int g, int rows, GroupRates rates, double[] user)
    {
        byGroup[0][g] = rows;
        for (int r = 0; r < MetricFrameColumns.Rates.Length; r++) byGroup[1 + r][g] =
            rates.Get(MetricFrameColumns.Rates[r].Rate);
        for (int u = 0; u < user.Length; u++) byGroup[1 + MetricFrameColumns.Rates.Length + u][g] = user[u];
    }

    /// <summary>Writes one pooled set's values (overall, minority or majority), in column order.</summary>
    private static void FillOverall(double[] values, int rows, GroupRates rates, double[] user)
    {
        values[0] = rows;
        for (int r = 0; r < MetricFrameColumns.Rates.Length; r++) values[1 + r] =
            rates.Get(MetricFrameColumns.Rates[r].Rate);
        user.CopyTo(values, 1 + MetricFrameColumns.Rates.Length);
    }
}
