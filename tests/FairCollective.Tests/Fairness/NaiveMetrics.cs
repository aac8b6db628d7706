using FairCollective.Fairness;

namespace FairCollective.Tests.Fairness;

/// <summary>
/// Textbook definitions of every named metric, computed row by row with LINQ and no shared code with the
/// product (default NaN mode): the independent path the product's named metrics are checked against.
/// </summary>
internal static class NaiveMetrics
{
    public static Dictionary<FairnessMetric, double> Compute(int[] yTrue, int[] yPred, string[] group,
        ISet<string> minority)
    {
        var all = Enumerable.Range(0, yTrue.Length).ToArray();
        var inMinority = all.Where(i => minority.Contains(group[i])).ToArray();
        var inRest = all.Where(i => !minority.Contains(group[i])).ToArray();
        var groups = group.Distinct().ToArray();

        double Sel(int[] rows) => rows.Length == 0 ? double.NaN : rows.Count(i => yPred[i] == 1) / (double)rows.Length;
        double Tpr(int[] rows) => Conditional(rows.Where(i => yTrue[i] == 1).ToArray());
        double Fpr(int[] rows) => Conditional(rows.Where(i => yTrue[i] == 0).ToArray());
        double Conditional(int[] rows) => rows.Length == 0 ? double.NaN : rows.Count(i
            => yPred[i] == 1) / (double)rows.Length;
        double Err(int[] rows) => rows.Length == 0 ? double.NaN : 1.0 - rows.Count(i
            => yPred[i] == yTrue[i]) / (double)rows.Length;
        double[] PerGroup(Func<int[], double> f) => groups.Select(g => f(all.Where(i
            => group[i] == g).ToArray())).ToArray();
        double Spread(Func<int[], double> f) => PerGroup(f) is var v
            && v.Any(double.IsNaN) ? double.NaN : v.Max() - v.Min();
        double MinMax(Func<int[], double> f) => PerGroup(f) is var v
            && v.Any(double.IsNaN) ? double.NaN : v.Min() / v.Max();
        double NanMax(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);
        double NanMin(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Min(a, b);

        double dErr = Err(inMinority) - Err(inRest), dSel = Sel(inMinority) - Sel(inRest);
        double dTpr = Tpr(inMinority) - Tpr(inRest), dFpr = Fpr(inMinority) - Fpr(inRest);
        return new Dictionary<FairnessMetric, double>
        {
            [FairnessMetric.Accuracy] = all.Count(i => yPred[i] == yTrue[i]) / (double)all.Length,
            [FairnessMetric.ErrorRate] = Err(all),
            [FairnessMetric.SelectionRate] = Sel(all),
            [FairnessMetric.MinorityErrorRate] = Err(inMinority),
            [FairnessMetric.MajorityErrorRate] = Err(inRest),
            [FairnessMetric.ErrorRateDifferenceSigned] = dErr,
            [FairnessMetric.ErrorRateDifference] = Math.Abs(dErr),
            [FairnessMetric.DemographicParityDifferenceSigned] = dSel,
            [FairnessMetric.DemographicParityDifference] = Math.Abs(dSel),
            [FairnessMetric.DisparateImpact] = Sel(inMinority) / Sel(inRest),
            [FairnessMetric.DemographicParityRatio] = NanMin(Sel(inMinority), Sel(inRest)) / NanMax(Sel(inMinority),
                Sel(inRest)),
            [FairnessMetric.EqualOpportunityDifferenceSigned] = dTpr,
            [FairnessMetric.EqualOpportunityDifference] = Math.Abs(dTpr),
            [FairnessMetric.FalsePositiveRateDifferenceSigned] = dFpr,
            [FairnessMetric.FalsePositiveRateDifference] = Math.Abs(dFpr),
            [FairnessMetric.AverageOddsDifferenceSigned] = (dTpr + dFpr) / 2,
            [FairnessMetric.EqOd] = (Math.Abs(dTpr) + Math.Abs(dFpr)) / 2,
            [FairnessMetric.EqualizedOddsDifferenceWorstCase] = NanMax(Math.Abs(dTpr), Math.Abs(dFpr)),
            [FairnessMetric.DemographicParityDifferenceBetweenGroups] = Spread(Sel),
            [FairnessMetric.DemographicParityRatioBetweenGroups] = MinMax(Sel),
            [FairnessMetric.EqualOpportunityDifferenceBetweenGroups] = Spread(Tpr),
            [FairnessMetric.EqualOpportunityRatioBetweenGroups] = MinMax(Tpr),
            [FairnessMetric.EqualizedOddsDifferenceBetweenGroupsWorstCase] = NanMax(Spread(Tpr), Spread(Fpr)),
            [FairnessMetric.EqualizedOddsDifferenceBetweenGroupsMean] = (Spread(Tpr) + Spread(Fpr)) / 2,
            [FairnessMetric.EqualizedOddsRatioBetweenGroupsWorstCase] = NanMin(MinMax(Tpr), MinMax(Fpr)),
            [FairnessMetric.EqualizedOddsRatioBetweenGroupsMean] = (MinMax(Tpr) + MinMax(Fpr)) / 2,
            [FairnessMetric.ErrorRateDifferenceBetweenGroups] = Spread(Err),
            [FairnessMetric.MinorityTruePositiveRate] = Tpr(inMinority),
            [FairnessMetric.MajorityTruePositiveRate] = Tpr(inRest),
            [FairnessMetric.MinorityFalsePositiveRate] = Fpr(inMinority),
            [FairnessMetric.MajorityFalsePositiveRate] = Fpr(inRest),
            [FairnessMetric.MinorityFalseNegativeRate] = 1 - Tpr(inMinority),
            [FairnessMetric.MajorityFalseNegativeRate] = 1 - Tpr(inRest),
            [FairnessMetric.MinoritySelectionRate] = Sel(inMinority),
            [FairnessMetric.MajoritySelectionRate] = Sel(inRest),
            [FairnessMetric.MinorityBaseRate] = (inMinority.Length == 0 ? double.NaN : inMinority.Count(i
                => yTrue[i] == 1) / (double)inMinority.Length),
            [FairnessMetric.MajorityBaseRate] = (inRest.Length == 0 ? double.NaN : inRest.Count(i
                => yTrue[i] == 1) / (double)inRest.Length),
            [FairnessMetric.MinorityCount] = inMinority.Length,
            [FairnessMetric.MajorityCount] = inRest.Length,
        };
    }
}
