using FairCollective.Experiments.Store;
using FairCollective.Fairness;

namespace FairCollective.Experiments.Summaries;

/// <summary>
/// The shape of one experiment's grid, read from its cells and never from its name: how many alphas, budgets and m,
/// and whether it has firm-side, counterfactual, defended or plausible-flips cells. The report decides from it which
/// figure kinds an experiment gets (Reporting's <c>ExperimentFigures</c>, where each kind states its rule).
/// </summary>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Alphas">Distinct alphas among the collective's cells.</param>
/// <param name="MaxBudgets">The most budgets any (dataset, learner, m, strategy, alpha) of the collective has.</param>
/// <param name="MajorityRowSettings">Distinct m (majority rows, "all" counted as one) among the collective's
/// cells.</param>
/// <param name="FirmSide">Whether any cell is a firm-side method's (has a knob).</param>
/// <param name="Counterfactual">Whether any collective cell carries the counterfactual success S(alpha).</param>
/// <param name="Defended">Whether any cell is of a firm running a defence against flipped labels.</param>
/// <param name="Plausible">Whether any collective cell flips only plausible members (a threshold above 0).</param>
public sealed record ExperimentShape(string Experiment, int Alphas, int MaxBudgets, int MajorityRowSettings,
    bool FirmSide, bool Counterfactual, bool Defended = false,
    bool Plausible = false)
{
    /// <summary>
    /// A budget sweep is drawn per alpha, one panel each, at up to this many alphas (a small multiple); with more, at
    /// that many evenly spaced ones (<see cref="DrawnAlphas"/>), and the table behind the figure holds every alpha.
    /// </summary>
    public const int MaxBudgetSweepAlphas = 4;

    /// <summary>Several alphas.</summary>
    public bool AlphaSweep => Alphas > 1;

    /// <summary>Several budgets at an alpha.</summary>
    public bool BudgetSweep => MaxBudgets > 1;

    /// <summary>
    /// The alphas a budget sweep's figure draws: every alpha at which some cell flips, when there are at most
    /// <see cref="MaxBudgetSweepAlphas"/>; else that many spread evenly over them in rank, the smallest and the largest
    /// included (0.05, 0.15, 0.3 and 0.4 of the paper's 0.05 to 0.4).
    /// </summary>
    public static IReadOnlyList<double> DrawnAlphas(IEnumerable<CellRecord> cells)
    {
        var alphas = CollectiveCells(cells).Where(c => c.Flips > 0).Select(c => c.Alpha).Distinct().Order().ToArray();
        if (alphas.Length <= MaxBudgetSweepAlphas) return alphas;
        return Enumerable.Range(0, MaxBudgetSweepAlphas).Select(i
            => alphas[(int)Math.Round(i * (alphas.Length - 1) / (double)(MaxBudgetSweepAlphas - 1),
            MidpointRounding.AwayFromZero)]).ToArray();
    }

    /// <summary>Several m (majority rows).</summary>
    public bool MajorityRowSweep => MajorityRowSettings > 1;

    /// <summary>The collective's cells: neither the base model nor a firm-side method.</summary>
    public static IEnumerable<CellRecord> CollectiveCells(IEnumerable<CellRecord> cells) =>
        cells.Where(c => c.Knob is null && c.Method != ResultsSummary.BaseMethod);

    /// <summary>The shape of the experiment named <paramref name="experiment"/>, from its cells among
    /// <paramref name="cells"/> (others are ignored).</summary>
    public static ExperimentShape Of(string experiment, IEnumerable<CellRecord> cells)
    {
        var own = cells.Where(c => c.Experiment == experiment).ToArray();
        var collective = CollectiveCells(own).ToArray();
        return new ExperimentShape(experiment,
            Alphas: collective.Select(c => c.Alpha).Distinct().Count(),
            MaxBudgets: collective.GroupBy(c => (c.Dataset, c.Learner, c.MajorityRows, c.Method, c.Alpha)).Select(g
                => g.Select(c => c.Budget).Distinct().Count()).DefaultIfEmpty(0).Max(),
            MajorityRowSettings: collective.Select(c => c.MajorityRows).Distinct().Count(),
            FirmSide: own.Any(c => c.Knob is not null),
            Counterfactual: collective.Any(c => c.Metrics.TryGetValue(MetricKeys.CounterfactualSuccess, out var s)
                && !double.IsNaN(s)),
            Defended: CountermeasureSummary.HasDefences(own), Plausible: collective.Any(c => c.Plausible > 0));
    }

    /// <summary>The shape of every experiment among <paramref name="cells"/>, by name in ordinal order.</summary>
    public static IReadOnlyList<ExperimentShape> All(IEnumerable<CellRecord> cells)
    {
        var list = cells as IReadOnlyList<CellRecord> ?? cells.ToArray();
        return list.Select(c => c.Experiment).Distinct().Order(StringComparer.Ordinal).Select(e => Of(e,
            list)).ToArray();
    }
}
