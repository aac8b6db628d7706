using FairCollective.Experiments.Store;
using FairCollective.Experiments.Summaries;
using static FairCollective.Reporting.Tables.TableFormat;

namespace FairCollective.Reporting.Tables;

/// <summary>The report's by-group table: each group's test rates under the base model and each strategy's best setting
/// at the largest α.</summary>
public static class ByGroupTable
{
    /// <summary>The table of <see cref="ByGroupRow.Of"/> under <paramref name="selection"/>, or none when the cells
    /// hold no collective or base cells.</summary>
    public static IReadOnlyList<ReportTable> Of(IReadOnlyList<CellRecord> cells, BudgetSelection selection)
    {
        var rows = ByGroupRow.Of(cells, selection);
        if (rows.Count == 0) return [];
        return
        [
            new ReportTable("By group",
                "Each group's rates on the test split (seed means; ± sample standard deviation over seeds) under " +
                "the base model and under each strategy at the largest α at its best budget " +
                $"({selection.Describe()}). FNR = 1 − TPR; n/a where a group has no positive or no negative test row.",
                ["dataset", "learner", "setting", "group", "test rows", "base rate", "selection rate", "TPR", "FPR",
                    "FNR", "error"],
                rows.Select(r => (IReadOnlyList<string>)[r.Dataset, r.Learner, r.Setting, r.Group, Number(r.Count.Mean,
                    "0.#"), MeanStd(r.BaseRate), MeanStd(r.SelectionRate),
                    MeanStd(r.TruePositiveRate), MeanStd(r.FalsePositiveRate), MeanStd(r.FalseNegativeRate),
                        MeanStd(r.Error)]).ToArray()),
        ];
    }
}
