namespace FairCollective.Reporting.Figures;

/// <summary>What an experiment's grid can show, each drawn as one figure of the report and one table on the
/// console.</summary>
public enum FigureKind
{
    /// <summary>Best EqOd over budgets against alpha, with the error at that budget: the grid has several
    /// alphas.</summary>
    BestByAlpha,
    /// <summary>EqOd against the flips M at a fixed alpha, a panel per alpha (at most
    /// <see cref="FairCollective.Experiments.Summaries.ExperimentShape.MaxBudgetSweepAlphas"/> of them): the grid has
    /// several budgets at an alpha.</summary>
    MetricByFlips,
    /// <summary>Pareto fronts of EqOd against error per known majority rows m: the grid has several m.</summary>
    KnownRowsFronts,
    /// <summary>Pareto fronts of EqOd against error of firm-side methods and the collective: the grid has firm-side
    /// cells (with a knob).</summary>
    ParetoFronts,
    /// <summary>Counterfactual success S(alpha) against alpha: the cells carry the counterfactual metric (synthetic
    /// data).</summary>
    CounterfactualSuccess,
    /// <summary>The share of the collective's gain that survives each defence, against alpha: the grid has defended
    /// firms (spec key <c>defences</c>).</summary>
    SurvivingGain,
    /// <summary>Each defence's recall of the flips against its false flags among honest minority rows: the grid has
    /// defended firms.</summary>
    DefenceDetection,
    /// <summary>The collective's plausible-flips answer: per defence, the flips it catches against the collective's
    /// gain against it, one point per threshold: defended firms and a threshold above 0.</summary>
    PlausibleTradeOff,
}
