using System.Reflection;

namespace FairCollective.Tests.Architecture;

/// <summary>
/// No cycle between FairCollective's namespaces, each assembly refers only to the ones below it, and the core library
/// carries no database, YAML or plotting dependency (docs/architecture.md; the order of the namespaces themselves is
/// <see cref="LayerOrderTests"/>).
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class DependencyTests
{
    private static readonly Assembly Core = NamespaceGraph.Product[0];
    private static readonly Assembly Experiments = NamespaceGraph.Product[1];
    private static readonly Assembly Reporting = NamespaceGraph.Product[2];

    /// <summary>Namespace to the FairCollective namespaces it refers to (other than itself), in the compiled code or
    /// the source.</summary>
    private static Dictionary<string, HashSet<string>> Graph(string read) =>
        (read == "compiled" ? NamespaceGraph.Compiled : NamespaceGraph.Source).Value
            .ToDictionary(kv => kv.Key, kv => kv.Value.Keys.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    [Theory]
    [InlineData("compiled")]
    [InlineData("source")]
    public void NoNamespaceDependsOnItselfThroughOthers(string read)
    {
        var graph = Graph(read);
        var cycles = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
            if (FindPath(graph, start, start) is { } path) cycles.Add(string.Join(" -> ", path));
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void TheCoreLibraryHasNoDatabaseYamlOrPlottingDependency()
    {
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)
            || n.StartsWith("SQLitePCL", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("YamlDotNet", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("ScottPlot", StringComparison.Ordinal)
            || n.StartsWith("SkiaSharp", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, n => n.StartsWith("FairCollective", StringComparison.Ordinal));
        Assert.DoesNotContain(Experiments.GetReferencedAssemblies(), a
            => a.Name is "FairCollective.Reporting" or "FairCollective.Cli");
        Assert.DoesNotContain(Reporting.GetReferencedAssemblies(), a => a.Name is "FairCollective.Cli");
        // The contract checks a plug-in's tests call need the core only (and no test framework).
        Assert.Equal(["FairCollective"], NamespaceGraph.Product[4].GetReferencedAssemblies().Select(a
            => a.Name!).Where(n => n.StartsWith("FairCollective", StringComparison.Ordinal)
            || n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void TheAnalysisSeesMethodBodies()
    {
        // ExperimentRunner refers to these only inside a lambda (a compiler-generated nested type): the IL reader must
        // see them.
        var refs = TypeReferences.Of(typeof(FairCollective.Experiments.Running.ExperimentRunner)).Select(t
            => t.Name).ToHashSet();
        Assert.Contains("FirmEvaluation", refs);
        Assert.Contains("FirmSideCatalog", refs);
    }

    /// <summary>A path from <paramref name="from"/> back to <paramref name="target"/>, if any (breadth first, so the
    /// shortest).</summary>
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
                for (var p = previous[n]; p != from || path.Count == 1 && p == from
                    && path[0] != from; p = previous[p]) { path.Insert(0, p); if (p == from) break; }
                if (path[0] != from) path.Insert(0, from);
                return path;
            }
            foreach (var next in graph.GetValueOrDefault(n) ?? [])
                if (previous.TryAdd(next, n)) queue.Enqueue(next);
        }
        return null;
    }
}
