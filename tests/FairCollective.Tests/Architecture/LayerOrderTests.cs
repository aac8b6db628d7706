namespace FairCollective.Tests.Architecture;

/// <summary>
/// Every reference between two of FairCollective's namespaces points down the layer order docs/architecture.md
/// writes (<see cref="LayerOrder"/>), in the compiled code and in the source alike.
/// </summary>
[Trait(TestKind.Name, TestKind.Unit)]
public class LayerOrderTests
{
    private static readonly Lazy<Dictionary<string, int>> Order = new(() => LayerOrder.Read(LayerOrder.DocumentPath()));

    /// <summary>"A -> B (example)" for each reference from a namespace to one on a higher line of the order.</summary>
    public static string[] Upward(Dictionary<string, Dictionary<string, string>> graph, Dictionary<string,
        int> order) =>
        graph.SelectMany(from => from.Value.Where(to => order.GetValueOrDefault(to.Key,
            -1) > order.GetValueOrDefault(from.Key, int.MaxValue))
                .Select(to => $"{from.Key} -> {to.Key} ({to.Value})"))
            .Order(StringComparer.Ordinal).ToArray();

    private static string[] Unlisted(Dictionary<string, Dictionary<string, string>> graph, Dictionary<string,
        int> order) =>
        graph.Keys.Concat(graph.Values.SelectMany(e => e.Keys)).Distinct().Where(ns
            => !order.ContainsKey(ns)).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void EveryNamespaceOfTheProductIsInTheLayerOrder()
    {
        var declared = NamespaceGraph.Product.SelectMany(a => a.GetTypes()).Select(t
            => NamespaceGraph.ProductNamespace(t.Namespace))
            .OfType<string>().Distinct();
        var missing = declared.Where(ns => !Order.Value.ContainsKey(ns)).Concat(Unlisted(NamespaceGraph.Source.Value,
            Order.Value)).Distinct().ToArray();
        Assert.True(missing.Length == 0,
            "namespaces missing from docs/architecture.md's layer order: " + string.Join(", ", missing));
        var stale = Order.Value.Keys.Except(declared).ToArray();
        Assert.True(stale.Length == 0,
            "the layer order names namespaces the product no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public void TheCompiledCodeOnlyPointsDown()
    {
        var upward = Upward(NamespaceGraph.Compiled.Value, Order.Value);
        Assert.True(upward.Length == 0, "compiled references up the layer order:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void TheSourceOnlyPointsDown()
    {
        var upward = Upward(NamespaceGraph.Source.Value, Order.Value);
        Assert.True(upward.Length == 0, "source references up the layer order:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void TheSourceAnalysisSeesUsingsConstantsAndEnumValuesTheCompiledCodeDoesNot()
    {
        // A file low in the order that names a higher namespace in an unused using, and copies a constant and an
        // enum value from above: nothing of either reaches the IL, each is an upward reference all the same.
        var tree = SourceReferences.Parse("""
            using FairCollective.Reporting;
            namespace FairCollective.Common;
            internal static class Probe
            {
                public const string Key = FairCollective.Fairness.MetricKeys.EqOd;
                public const int Metric = (int)FairCollective.Fairness.FairnessMetric.EqOd;
            }
            """, "Probe.cs");
        var graph = SourceReferences.Of([.. SourceReferences.ProductTrees(), tree], scan: [tree]);
        var fromCommon = graph["FairCollective.Common"];
        Assert.StartsWith("Probe.cs:1:", fromCommon["FairCollective.Reporting"]);
        Assert.StartsWith("Probe.cs:", fromCommon["FairCollective.Fairness"]);
        Assert.Contains(Upward(graph, Order.Value), s
            => s.StartsWith("FairCollective.Common -> FairCollective.Fairness (Probe.cs:", StringComparison.Ordinal));
    }
}
