using FairCollective.Common;
using FairCollective.Experiments.Specs;

namespace FairCollective.Experiments.Reproduction;

/// <summary>
/// One experiment <c>reproduce</c> runs (<see cref="PaperExperiments"/>), in the registry shape every component kind
/// shares: its name, its heading in tables and the report, whether the paper has it, and how its spec is built.
/// </summary>
/// <param name="Name">The name <c>reproduce</c> takes and cells store.</param>
/// <param name="Heading">Its heading in tables and the report.</param>
/// <param name="InPaper">Whether the paper has it (a report of the paper's experiments names those it lacks).</param>
/// <param name="Build">Its spec from the datasets given (null: its own) and whether the run is quick; refuses
/// datasets it cannot use.</param>
public sealed record ReproducibleExperiment(string Name, string Heading, bool InPaper, Func<IReadOnlyList<string>?,
    bool, ExperimentSpec> Build)
    : IRegistryEntry
{
    /// <summary>Always null: experiments are built in (a plug-in's research runs from its own spec).</summary>
    public string? Origin => null;
}
