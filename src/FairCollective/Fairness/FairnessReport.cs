using FairCollective.Data;

namespace FairCollective.Fairness;

/// <summary>
/// Every named metric for one set of predictions, with the per-group confusion it came from, the minority
/// set it compares, and warnings for every undefined quantity. Values are <see cref="FairnessEvaluator"/>'s;
/// conventions are in <see cref="MetricCatalog"/>.
/// </summary>
public sealed class FairnessReport
{
    private readonly double[] _values;

    private FairnessReport(GroupConfusionResult confusion, IReadOnlyList<string> minorityGroups, bool[] isMinority)
    {
        Confusion = confusion;
        MinorityGroups = minorityGroups;
        IsMinorityGroup = isMinority;
        _values = new double[FairnessEvaluator.MetricCount];
        FairnessEvaluator.Evaluate(confusion.PerGroupCounts, isMinority, confusion.UndefinedRate, _values);
        Minority = confusion.Pooled(isMinority);
        Majority = new GroupRates(GroupConfusionResult.Pool(confusion.PerGroupCounts, isMinority, member: false),
            confusion.UndefinedRate);
        Warnings = CollectWarnings();
    }

    /// <summary>
    /// Metrics of <paramref name="confusion"/> with the groups labelled <paramref name="minorityGroups"/> pooled
    /// as the minority. Minority labels that no row carries are reported in <see cref="Warnings"/>.
    /// </summary>
    public static FairnessReport From(GroupConfusionResult confusion, IEnumerable<string> minorityGroups)
    {
        var labels = minorityGroups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var isMinority = new bool[confusion.Groups.Count];
        for (int g = 0; g < isMinority.Length; g++) isMinority[g] = Array.BinarySearch(labels, confusion.Groups[g],
            StringComparer.Ordinal) >= 0;
        return new FairnessReport(confusion, labels, isMinority);
    }

    /// <summary>Group confusion and every metric in one call.</summary>
    public static FairnessReport Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred,
        IReadOnlyList<string> groupOfRow,
        IEnumerable<string> minorityGroups, ReadOnlySpan<double> sampleWeights = default, GroupConfusionOptions? options
            = null) =>
        From(GroupConfusion.Compute(yTrue, yPred, groupOfRow, sampleWeights, options), minorityGroups);

    /// <summary>Every metric for a dataset's sensitive attribute, its minority set as the minority.</summary>
    public static FairnessReport Compute(ReadOnlySpan<int> yTrue, ReadOnlySpan<int> yPred, SensitiveAttribute sensitive,
        ReadOnlySpan<double> sampleWeights = default, GroupConfusionOptions? options = null) =>
        Compute(yTrue, yPred, sensitive.GroupOfRow, sensitive.MinorityGroups, sampleWeights, options);

    /// <summary>The per-group confusion counts and rates every metric was computed from.</summary>
    public GroupConfusionResult Confusion { get; }

    /// <summary>The group labels pooled as the minority (a = 1), ordinal order.</summary>
    public IReadOnlyList<string> MinorityGroups { get; }

    /// <summary>Per group (order of <see cref="GroupConfusionResult.Groups"/>): whether it is pooled into the
    /// minority.</summary>
    public IReadOnlyList<bool> IsMinorityGroup { get; }

    /// <summary>Rates of the pooled minority.</summary>
    public GroupRates Minority { get; }

    /// <summary>Rates of the pooled majority (every non-minority group).</summary>
    public GroupRates Majority { get; }

    /// <summary>The group confusion's warnings plus those of the pooled sets and of undefined ratios.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The value of <paramref name="metric"/> (NaN when undefined; see <see cref="Warnings"/>).</summary>
    public double this[FairnessMetric metric] => _values[(int)metric];

    /// <summary>All values, indexed by <see cref="FairnessMetric"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <inheritdoc cref="FairnessMetric.Accuracy"/>
    public double Accuracy => this[FairnessMetric.Accuracy];
    /// <inheritdoc cref="FairnessMetric.ErrorRate"/>
    public double ErrorRate => this[FairnessMetric.ErrorRate];
    /// <inheritdoc cref="FairnessMetric.SelectionRate"/>
    public double SelectionRate => this[FairnessMetric.SelectionRate];
    /// <inheritdoc cref="FairnessMetric.MinorityErrorRate"/>
    public double MinorityErrorRate => this[FairnessMetric.MinorityErrorRate];
    /// <inheritdoc cref="FairnessMetric.MajorityErrorRate"/>
    public double MajorityErrorRate => this[FairnessMetric.MajorityErrorRate];
    /// <inheritdoc cref="FairnessMetric.ErrorRateDifferenceSigned"/>
    public double ErrorRateDifferenceSigned => this[FairnessMetric.ErrorRateDifferenceSigned];
    /// <inheritdoc cref="FairnessMetric.ErrorRateDifference"/>
    public double ErrorRateDifference => this[FairnessMetric.ErrorRateDifference];
    /// <inheritdoc cref="FairnessMetric.DemographicParityDifferenceSigned"/>
    public double DemographicParityDifferenceSigned => this[FairnessMetric.DemographicParityDifferenceSigned];
    /// <inheritdoc cref="FairnessMetric.DemographicParityDifference"/>
    public double DemographicParityDifference => this[FairnessMetric.DemographicParityDifference];
    /// <inheritdoc cref="FairnessMetric.DisparateImpact"/>
    public double DisparateImpact => this[FairnessMetric.DisparateImpact];
    /// <inheritdoc cref="FairnessMetric.DemographicParityRatio"/>
    public double DemographicParityRatio => this[FairnessMetric.DemographicParityRatio];
    /// <inheritdoc cref="FairnessMetric.EqualOpportunityDifferenceSigned"/>
    public double EqualOpportunityDifferenceSigned => this[FairnessMetric.EqualOpportunityDifferenceSigned];
    /// <inheritdoc cref="FairnessMetric.EqualOpportunityDifference"/>
    public double EqualOpportunityDifference => this[FairnessMetric.EqualOpportunityDifference];
    /// <inheritdoc cref="FairnessMetric.FalsePositiveRateDifferenceSigned"/>
    public double FalsePositiveRateDifferenceSigned => this[FairnessMetric.FalsePositiveRateDifferenceSigned];
    /// <inheritdoc cref="FairnessMetric.FalsePositiveRateDifference"/>
    public double FalsePositiveRateDifference => this[FairnessMetric.FalsePositiveRateDifference];
    /// <inheritdoc cref="FairnessMetric.AverageOddsDifferenceSigned"/>
    public double AverageOddsDifferenceSigned => this[FairnessMetric.AverageOddsDifferenceSigned];

    /// <summary>The paper's headline metric: 1/2(|dTPR| + |dFPR|), minority vs majority.</summary>
    public double EqOd => this[FairnessMetric.EqOd];

    /// <inheritdoc cref="FairnessMetric.EqualizedOddsDifferenceWorstCase"/>
    public double EqualizedOddsDifferenceWorstCase => this[FairnessMetric.EqualizedOddsDifferenceWorstCase];
    /// <inheritdoc cref="FairnessMetric.DemographicParityDifferenceBetweenGroups"/>
    public double DemographicParityDifferenceBetweenGroups
        => this[FairnessMetric.DemographicParityDifferenceBetweenGroups];
    /// <inheritdoc cref="FairnessMetric.DemographicParityRatioBetweenGroups"/>
    public double DemographicParityRatioBetweenGroups => this[FairnessMetric.DemographicParityRatioBetweenGroups];
    /// <inheritdoc cref="FairnessMetric.EqualOpportunityDifferenceBetweenGroups"/>
    public double EqualOpportunityDifferenceBetweenGroups
        => this[FairnessMetric.EqualOpportunityDifferenceBetweenGroups];
    /// <inheritdoc cref="FairnessMetric.EqualOpportunityRatioBetweenGroups"/>
    public double EqualOpportunityRatioBetweenGroups => this[FairnessMetric.EqualOpportunityRatioBetweenGroups];
    /// <inheritdoc cref="FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase"/>
    public double EqualizedOddsDifferenceBetweenGroupsWorstCase
        => this[FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase];
    /// <inheritdoc cref="FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean"/>
    public double EqualizedOddsDifferenceBetweenGroupsMean
        => this[FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean];
    /// <inheritdoc cref="FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase"/>
    public double EqualizedOddsRatioBetweenGroupsWorstCase
        => this[FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase];
    /// <inheritdoc cref="FairnessMetric.EqualizedOddsRatioBetweenGroupsMean"/>
    public double EqualizedOddsRatioBetweenGroupsMean => this[FairnessMetric.EqualizedOddsRatioBetweenGroupsMean];
    /// <inheritdoc cref="FairnessMetric.ErrorRateDifferenceBetweenGroups"/>
    public double ErrorRateDifferenceBetweenGroups => this[FairnessMetric.ErrorRateDifferenceBetweenGroups];

    private List<string> CollectWarnings()
    {
        var warnings = new List<string>(Confusion.Warnings);
        foreach (var label in MinorityGroups)
            if (!Confusion.Groups.Contains(label, StringComparer.Ordinal))
                warnings.Add($"minority group '{label}' does not occur in the data");
        var mode = Confusion.UndefinedRate;
        // A single group already carries its own warnings; pooled sets of several groups need theirs.
        if (MinorityGroups.Count != 1 || Minority.Count <= 0)
            UndefinedRateWarnings.Add(warnings, "the pooled minority", Minority.Counts, mode, Confusion.Weighted
                && IsMinorityGroup.Any(m => m));
        if (IsMinorityGroup.Count(m => !m) != 1)
            UndefinedRateWarnings.Add(warnings, "the pooled majority", Majority.Counts, mode, Confusion.Weighted
                && IsMinorityGroup.Any(m => !m));
        if (Majority.SelectionRate == 0 && Minority.SelectionRate > 0)
            warnings.Add("DisparateImpact: the majority has selection rate 0, so the ratio is Infinity");
        foreach (var rate in RatioRates)
            if (double.IsNaN(Confusion.Ratio(rate)) && BetweenGroups.MinMax(Confusion.PerGroupCounts, rate,
                mode).Max == 0)
                warnings.Add($"{BetweenGroupsRatioWarningPrefix}{rate}: every group has {rate} 0, so the ratio is " +
                    "0/0 (NaN)");
        return warnings;
    }

    /// <summary>How a warning about a 0/0 between-groups ratio starts ("between-groups ratio of X: ...").</summary>
    public const string BetweenGroupsRatioWarningPrefix = "between-groups ratio of ";

    private static readonly GroupRate[] RatioRates = [GroupRate.SelectionRate, GroupRate.TruePositiveRate,
        GroupRate.FalsePositiveRate];
}
