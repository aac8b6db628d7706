using System.Globalization;
using FairCollective.Experiments.Summaries;

namespace FairCollective.Bench.Pipeline;

/// <summary>
/// The best-EqOd-by-alpha table (min over budgets of the seed-mean EqOd) as console text and as the CSV that
/// bench/sklearn/collective_size.py also writes, so bench/sklearn/compare_tables.py can set the two side by side.
/// </summary>
internal static class BestEqOdCsv
{
    public const string Header = "dataset,method,alpha,best_budget,mean_flips,eqod_mean,eqod_std,error_mean,seeds";

    public static void Print(IReadOnlyList<BestEqOdRow> rows, TextWriter output)
    {
        output.WriteLine($"{"method",-9} {"alpha",5}  {"best EqOd (mean ± sd over seeds)",-32} {"budget",7} " +
            $"{"flips",8} {"error",7}");
        foreach (var r in rows)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Method,-9} {r.Alpha,5:0.00}  {r.EqOd.Mean,8:0.0000} ± {r.EqOd.Std,-21:0.0000} " +
                    $"{BudgetShare(r.BestBudget),7} {r.MeanFlips,8:0.0} {r.Error.Mean,7:0.0000}"));
    }

    public static void Write(IReadOnlyList<BestEqOdRow> rows, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine(Header);
        foreach (var r in rows)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Dataset},{r.Method},{r.Alpha:0.00},{BudgetShare(r.BestBudget)},{r.MeanFlips:0.0}," +
                $"{r.EqOd.Mean:R},{r.EqOd.Std:R},{r.Error.Mean:R},{r.EqOd.Count}"));
    }

    /// <summary>"0.35 of pool" -> "0.35"; the Base row's "none" stays.</summary>
    private static string BudgetShare(string budget) => budget.Split(' ')[0];
}
