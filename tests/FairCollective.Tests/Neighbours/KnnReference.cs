using System.Text.Json.Nodes;
using FairCollective.Data;

namespace FairCollective.Tests.Neighbours;

/// <summary>One case of the reference file knn.json (scikit-learn 1.2.1 NearestNeighbors, brute, euclidean).</summary>
public sealed record KnnReferenceCase(
    string Name, DesignMatrix Reference, DesignMatrix Queries, int K,
    int[][] Indices, double[][] Distances, double[][] DistancesDirect, KnnTieSummary[] Ties);

public sealed record KnnTieSummary(double KthDistance, int[] StrictlyCloser, int[] AtKth, int TakenFromKth);

public static class KnnReference
{
    public static readonly string FilePath = ReferenceData.PathOf("knn.json");

    private static readonly Lazy<IReadOnlyList<KnnReferenceCase>> Loaded = new(Load);

    public static KnnReferenceCase Case(string name) => Loaded.Value.Single(c => c.Name == name);

    private static IReadOnlyList<KnnReferenceCase> Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))!;
        return root["cases"]!.AsArray().Select(c =>
        {
            var o = c!["outputs"]!;
            return new KnnReferenceCase(
                c["name"]!.GetValue<string>(),
                Matrix(c["inputs"]!["reference"]!),
                Matrix(c["inputs"]!["queries"]!),
                c["params"]!["n_neighbors"]!.GetValue<int>(),
                Rows<int>(o["indices"]!),
                Rows<double>(o["distances"]!),
                Rows<double>(o["distances_direct"]!),
                o["tie_summary"]!.AsArray().Select(t => new KnnTieSummary(
                    t!["kth_distance"]!.GetValue<double>(),
                    t["indices_strictly_closer_than_kth"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray(),
                    t["indices_at_kth_distance"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray(),
                    t["n_taken_from_kth_distance"]!.GetValue<int>())).ToArray());
        }).ToList();
    }

    private static T[][] Rows<T>(JsonNode node) =>
        node.AsArray().Select(r => r!.AsArray().Select(v => v!.GetValue<T>()).ToArray()).ToArray();

    private static DesignMatrix Matrix(JsonNode node) => DesignMatrix.FromRows(Rows<double>(node));
}
