using System.Reflection;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// Which of FairCollective's namespaces refers to which, read two ways: from the compiled product (IL references,
/// <see cref="TypeReferences"/>) and from its source (<see cref="SourceReferences"/>). Each edge keeps one example of
/// where it arises, so a failing test can say where to look.
/// </summary>
public static class NamespaceGraph
{
    /// <summary>The product's assemblies, bottom first.</summary>
    public static readonly Assembly[] Product =
    [
        typeof(FairCollective.Data.Dataset).Assembly,
        typeof(FairCollective.Experiments.Running.ExperimentRunner).Assembly,
        typeof(FairCollective.Reporting.ReportWriter).Assembly,
        typeof(FairCollective.Cli.CliApp).Assembly,
        // Beside the core, not above the others: the contract checks refer to the core alone.
        typeof(FairCollective.Testing.StrategyChecks).Assembly,
    ];

    /// <summary>From namespace -> to namespace -> an example of the reference, from the compiled code.</summary>
    public static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Compiled = new(() =>
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Product.SelectMany(a => a.GetTypes()))
        {
            var outer = Outermost(type);
            if (ProductNamespace(outer.Namespace) is not { } from) continue;
            var edges = Edges(graph, from);
            foreach (var t in TypeReferences.Of(type).Select(Outermost))
                if (ProductNamespace(t.Namespace) is { } to && to != from) edges.TryAdd(to,
                    $"{outer.FullName} refers to {t.FullName}");
        }
        return graph;
    });

    /// <summary>From namespace -> to namespace -> an example of the reference, from the source under src/.</summary>
    public static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Source = new(()
        => SourceReferences.Of(SourceReferences.ProductTrees()));

    // Nested and compiler-generated types count for the type, and so the namespace, that declares them.
    private static Type Outermost(Type t)
    {
        while (t.DeclaringType is { } outer) t = outer;
        return t;
    }

    /// <summary><paramref name="ns"/> when it is FairCollective's own (the root or below it), else null.</summary>
    public static string? ProductNamespace(string? ns) =>
        ns is not null && (ns == "FairCollective" || ns.StartsWith("FairCollective.",
            StringComparison.Ordinal)) ? ns : null;

    /// <summary>The edges out of <paramref name="from"/>, created empty where there are none yet.</summary>
    public static Dictionary<string, string> Edges(Dictionary<string, Dictionary<string, string>> graph, string from) =>
        graph.TryGetValue(from, out var e) ? e : graph[from] = new Dictionary<string, string>(StringComparer.Ordinal);
}
