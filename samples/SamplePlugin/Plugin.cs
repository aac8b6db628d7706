using FairCollective.Collective.Strategies;
using FairCollective.Fairness;
using FairCollective.Learning.Catalog;
using FairCollective.Mitigation.Defences;
using FairCollective.Plugins;

namespace SamplePlugin;

/// <summary>
/// The plug-in FairCollective finds in this assembly: a strategy, a learner and a defence, each one file (with its
/// options record) and one registration line below, and two stored metrics, which are data: a definition and a
/// registration line each.
/// </summary>
public sealed class Plugin : IPlugin
{
    /// <summary>The Centroid strategy's registry entry.</summary>
    public static StrategyEntry Strategy { get; } = StrategyEntry.Of(Centroid.StrategyName,
        "score by the distance to the centroid of the known majority rows labelled 1 (closest first)",
            StrategyNeeds.None,
        new CentroidOptions(), (options, _) => new Centroid(options));

    /// <summary>The nearest-centroid learner's registry entry.</summary>
    public static LearnerEntry Learner { get; } = LearnerEntry.Of(NearestCentroid.LearnerName,
        "nearest class centroid, P(y = 1) from the squared distances", _ => new NearestCentroidOptions(), o
            => new NearestCentroid(o));

    /// <summary>The centroid-margin defence's registry entry.</summary>
    public static DefenceEntry Defence { get; } = DefenceEntry.Of(CentroidMargin.DefenceName,
        "drops rows clearly nearer the other label's centroid than their own", new CentroidMarginOptions(), o
            => new CentroidMargin(o));

    /// <summary>The signed gap of false-negative rates, stored by every cell with its bootstrap interval.</summary>
    public static MetricDefinition FnrGapSigned { get; } = MetricDefinition.ByGroup("fnr_gap_signed", "FnrGapSigned",
        "false-negative rate of the minority minus that of the majority", MetricCatalog.SignedConvention,
        MetricRules.Signed(GroupRate.FalseNegativeRate), stored: true);

    /// <summary>The unsigned gap of false-negative rates: a fairness gap (lower is fairer), so tables, figures and the
    /// best-budget rule can show it (<c>--metric fnr_gap</c>). Its interval is bounded through the signed gap, which is
    /// registered first.</summary>
    public static MetricDefinition FnrGap { get; } = MetricDefinition.ByGroup("fnr_gap", "FnrGap",
        "|false-negative rate of the minority minus that of the majority|", MetricCatalog.UnsignedConvention,
        MetricRules.Unsigned(GroupRate.FalseNegativeRate), stored: true);

    /// <inheritdoc/>
    public void Register(PluginRegistry registry)
    {
        registry.Add(Strategy);
        registry.Add(Learner);
        registry.Add(Defence);
        registry.Add(FnrGapSigned);
        registry.Add(FnrGap);
    }
}
