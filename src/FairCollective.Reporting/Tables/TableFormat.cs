using System.Globalization;
using FairCollective.Experiments.Summaries;

namespace FairCollective.Reporting.Tables;

/// <summary>Number formats of the report's tables (invariant culture, fixed decimals so columns line up).</summary>
public static class TableFormat
{
    /// <summary>"mean ± std" with four decimals; "mean (one seed)" where one seed leaves no spread to measure (a "± 0"
    /// would claim none); "n/a" without values.</summary>
    public static string MeanStd(SeedStats s) => s.Count switch
    {
        0 => "n/a",
        1 => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:0.0000} (one seed)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:0.0000} ± {s.Std:0.0000}"),
    };

    /// <summary><paramref name="v"/> in <paramref name="format"/> (invariant culture); "n/a" for NaN.</summary>
    public static string Number(double v, string format = "0.###") => double.IsNaN(v) ? "n/a" : v.ToString(format,
        CultureInfo.InvariantCulture);

    /// <summary>The known majority rows m, or "all" when null.</summary>
    public static string Rows(int? majorityRows) => majorityRows?.ToString(CultureInfo.InvariantCulture) ?? "all";

    /// <summary>"88.9% [75.9%, 96.3%] (40 of 45)": a share with its exact 95% interval and its counts; "n/a" without
    /// trials.</summary>
    public static string Share(Proportion p)
    {
        if (p.Trials == 0) return "n/a";
        var (low, high) = p.Interval();
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Share:0.0%} [{low:0.0%}, {high:0.0%}] ({p.Successes} of {p.Trials})");
    }

    /// <summary>An integer count in invariant culture.</summary>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
