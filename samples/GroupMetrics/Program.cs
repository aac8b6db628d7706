// GroupMetrics: the by-group fairness metrics of any predictions, from plain vectors (no model, no dataset).
using System.Globalization;
using FairCollective.Fairness;

int[] yTrue = [1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1];
int[] yPred = [1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1];
string[] group = ["a", "a", "a", "b", "b", "b", "a", "b", "a", "b", "b", "a"];

var report = FairnessReport.Compute(yTrue, yPred, group, minorityGroups: ["a"]);
foreach (var g in report.Confusion.Groups.Select((name, i) => (name, i)))
{
    var r = report.Confusion.PerGroup[g.i];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"group {g.name}: n = {r.Count}, selection rate {r.SelectionRate:0.000}, TPR {r.TruePositiveRate:0.000}, FPR " +
            $"{r.FalsePositiveRate:0.000}"));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"EqOd = {report.EqOd:0.000}, demographic parity difference = {report.DemographicParityDifference:0.000}, error " +
    $"= {report.ErrorRate:0.000}"));
foreach (var warning in report.Warnings) Console.WriteLine($"warning: {warning}");

// The same predictions as fairlearn's MetricFrame: every column per group, overall, difference and ratio, minority
// gaps.
var frame = MetricFrame.Compute(yTrue, yPred, group, new MetricFrameOptions { MinorityGroups = ["a"] });
foreach (var column in frame.Columns)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{column}: {string.Join(", ", frame.Groups.Select((g, i) => $"{g} {frame.ByGroup(column)[i]:0.000}"))}; " +
            $"overall {frame.Overall(column):0.000}, difference {frame.Difference(column):0.000}, ratio " +
            $"{frame.Ratio(column):0.000}, minority gap {frame.MinorityGap(column):0.000}"));
foreach (var warning in frame.Warnings) Console.WriteLine($"warning: {warning}");
