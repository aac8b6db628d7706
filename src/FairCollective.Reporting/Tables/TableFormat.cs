using System.Globalization;
using FairCollective.Experiments.Summaries;

namespace FairCollective.Reporting.Tables;

/// <summary>Number formats of the report's tables (invariant culture, fixed decimals so columns line up).</summary>
public static class TableFormat
{
    public static string MeanStd(SeedStats s) => s.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{s.Mean:0.0000} ± {s.Std:0.0000}");

    public static string Number(double v, string format = "0.###") => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);

    public static string Rows(int? majorityRows) => majorityRows?.ToString(CultureInfo.InvariantCulture) ?? "all";

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
