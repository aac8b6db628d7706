namespace FairCollective.Plugins;

/// <summary>
/// A plug-in: a public class with a parameterless constructor in an assembly named by a spec's <c>plugins</c> list or
/// loaded with <see cref="PluginLoader.Load"/>. It adds its strategies, learners, defences, firm-side methods and
/// datasets through the registry it is given, which records where they came from in every cell that uses them.
/// <code>
/// public sealed class MyPlugin : IPlugin
/// {
///     public void Register(PluginRegistry registry) => registry.Add(StrategyEntry.Of(
///         "Centroid", "...", StrategyNeeds.None, new CentroidOptions(), (options, build) => new Centroid(options)));
/// }
/// </code>
/// </summary>
public interface IPlugin
{
    /// <summary>Adds the plug-in's components.</summary>
    void Register(PluginRegistry registry);
}
