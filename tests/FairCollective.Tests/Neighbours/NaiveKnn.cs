using FairCollective.Data;
using FairCollective.Neighbours;

namespace FairCollective.Tests.Neighbours;

/// <summary>The O(n q) definition: every distance, sorted by (distance, index), first k.</summary>
public static class NaiveKnn
{
    public static (int[] Indices, double[] Distances) Query(DesignMatrix reference, DesignMatrix queries, int k)
    {
        var indices = new int[queries.Rows * k];
        var distances = new double[queries.Rows * k];
        for (int q = 0; q < queries.Rows; q++)
        {
            var order = Enumerable.Range(0, reference.Rows)
                .Select(r => (Dist: SquaredDistance.Compute(queries.Row(q), reference.Row(r)), Index: r))
                .OrderBy(t => t.Dist).ThenBy(t => t.Index).Take(k).ToArray();
            for (int j = 0; j < k; j++)
            {
                indices[q * k + j] = order[j].Index;
                distances[q * k + j] = Math.Sqrt(order[j].Dist);
            }
        }
        return (indices, distances);
    }
}
