using System.Reflection;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// Layers only point down (docs/architecture.md): no cycle between FairCollective's namespaces, each assembly refers
/// only to the ones below it, and the core library carries no database, YAML or plotting dependency.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class DependencyTests
{
    private static readonly Assembly Core = typeof(FairCollective.Data.Dataset).Assembly;
    private static readonly Assembly Experiments = typeof(FairCollective.Experiments.Running.ExperimentRunner).Assembly;
    private static readonly Assembly Reporting = typeof(FairCollective.Reporting.ReportWriter).Assembly;
    private static readonly Assembly Cli = typeof(FairCollective.Cli.CliApp).Assembly;
    private static readonly Assembly[] Product = [Core, Experiments, Reporting, Cli];

    /// <summary>Namespace to the FairCollective namespaces its types refer to (other than itself).</summary>
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Graph = new(() =>
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in Product.SelectMany(a => a.GetTypes()))
        {
            var from = NamespaceOf(type);
            if (from is null) continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var to in TypeReferences.Of(type).Select(NamespaceOf).OfType<string>())
                if (to != from) edges.Add(to);
        }
        return graph;
    });

    // Nested and compiler-generated types count for the namespace that declares them.
    private static string? NamespaceOf(Type t)
    {
        while (t.DeclaringType is { } outer) t = outer;
        return t.Namespace is { } ns && (ns == "FairCollective" || ns.StartsWith("FairCollective.", StringComparison.Ordinal)) ? ns : null;
    }

    [Fact]
    public void NoNamespaceDependsOnItselfThroughOthers()
    {
        var graph = Graph.Value;
        var cycles = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
            if (FindPath(graph, start, start) is { } path) cycles.Add(string.Join(" -> ", path));
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Theory]
    [InlineData("FairCollective.Experiments", "FairCollective.Reporting")]
    [InlineData("FairCollective.Experiments", "FairCollective.Cli")]
    [InlineData("FairCollective.Reporting", "FairCollective.Cli")]
    [InlineData("FairCollective.Fairness", "FairCollective.Collective")]
    [InlineData("FairCollective.Learning", "FairCollective.Collective")]
    [InlineData("FairCollective.Data", "FairCollective.Learning")]
    public void LowerLayersDoNotReachUp(string lower, string upper)
    {
        var offenders = Graph.Value.Where(kv => Within(kv.Key, lower))
            .SelectMany(kv => kv.Value.Where(to => Within(to, upper)).Select(to => $"{kv.Key} -> {to}")).ToArray();
        Assert.True(offenders.Length == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void TheCoreLibraryHasNoDatabaseYamlOrPlottingDependency()
    {
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || n.StartsWith("SQLitePCL", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("YamlDotNet", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("ScottPlot", StringComparison.Ordinal) || n.StartsWith("SkiaSharp", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("FairCollective", StringComparison.Ordinal));
        Assert.DoesNotContain(Experiments.GetReferencedAssemblies(), a => a.Name is "FairCollective.Reporting" or "FairCollective.Cli");
        Assert.DoesNotContain(Reporting.GetReferencedAssemblies(), a => a.Name is "FairCollective.Cli");
    }

    [Fact]
    public void TheAnalysisSeesMethodBodies()
    {
        // ExperimentRunner refers to these only inside a lambda (a compiler-generated nested type): the IL reader must see them.
        var refs = TypeReferences.Of(typeof(FairCollective.Experiments.Running.ExperimentRunner)).Select(t => t.Name).ToHashSet();
        Assert.Contains("Relabelling", refs);
        Assert.Contains("FirmSideCatalog", refs);
    }

    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    /// <summary>A path from <paramref name="from"/> back to <paramref name="target"/>, if any (breadth first, so the shortest).</summary>
    private static List<string>? FindPath(Dictionary<string, HashSet<string>> graph, string from, string target)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>(graph.GetValueOrDefault(from) ?? []);
        foreach (var n in queue) previous[n] = from;
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (n == target)
            {
                var path = new List<string> { n };
                for (var p = previous[n]; p != from || path.Count == 1 && p == from && path[0] != from; p = previous[p]) { path.Insert(0, p); if (p == from) break; }
                if (path[0] != from) path.Insert(0, from);
                return path;
            }
            foreach (var next in graph.GetValueOrDefault(n) ?? [])
                if (previous.TryAdd(next, n)) queue.Enqueue(next);
        }
        return null;
    }
}
