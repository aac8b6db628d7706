using FairCollective.Collective.Strategies;
using FairCollective.Plugins;

namespace CentroidStrategy;

/// <summary>The plug-in FairCollective finds in this assembly: it registers the Centroid strategy.</summary>
public sealed class CentroidPlugin : IPlugin
{
    /// <summary>The strategy's registry entry: one file for the strategy, one for its options, this one line to register.</summary>
    public static StrategyEntry Entry { get; } = StrategyEntry.Of(Centroid.StrategyName,
        "score by the distance to the centroid of the known majority rows labelled 1 (closest first)", StrategyNeeds.None,
        new CentroidOptions(), (options, _) => new Centroid(options));

    /// <inheritdoc/>
    public void Register(PluginRegistry registry) => registry.Add(Entry);
}
