using FairCollective.Neighbours;

namespace FairCollective.Tests.Neighbours;

[Trait(TestKind.Name, TestKind.Unit)]
public class KnnGoldenTests
{
    public static TheoryData<KnnAlgorithm> Algorithms => [KnnAlgorithm.BruteForce, KnnAlgorithm.KdTree,
        KnnAlgorithm.Auto];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void GaussianCaseMatchesScikitLearnExactly(KnnAlgorithm algorithm)
    {
        var c = KnnReference.Case("gaussian_2000x8_50q_k10");
        var result = new ExactKnn(c.Reference, new KnnOptions { Algorithm = algorithm }).Query(c.Queries, c.K);
        Assert.Equal(c.Queries.Rows, result.QueryCount);
        for (int q = 0; q < result.QueryCount; q++)
        {
            Assert.Equal(c.Indices[q], result.IndicesOf(q).ToArray());
            for (int j = 0; j < c.K; j++)
            {
                Assert.Equal(c.DistancesDirect[q][j], result.DistancesOf(q)[j], 1e-12);
                Assert.Equal(c.Distances[q][j], result.DistancesOf(q)[j], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void TieCaseAgreesWithScikitLearnUpToTieOrderAndKeepsLowestTiedIndices(KnnAlgorithm algorithm)
    {
        var c = KnnReference.Case("integer_grid_duplicates_k10");
        var result = new ExactKnn(c.Reference, new KnnOptions { Algorithm = algorithm }).Query(c.Queries, c.K);
        for (int q = 0; q < result.QueryCount; q++)
        {
            var tie = c.Ties[q];
            var idx = result.IndicesOf(q).ToArray();
            var dist = result.DistancesOf(q).ToArray();
            // Integer squared distances: sqrt is correctly rounded, so sorted distances agree bit for bit.
            Assert.Equal(c.Distances[q].Order().ToArray(), dist);
            Assert.Equal(tie.KthDistance, dist[^1]);
            Assert.Equal(tie.StrictlyCloser.Order(), idx.Where((_, j) => dist[j] < tie.KthDistance).Order());
            var fromKth = idx.Where((_, j) => dist[j] == tie.KthDistance).ToArray();
            Assert.Equal(tie.TakenFromKth, fromKth.Length);
            Assert.Equal(tie.AtKth.Order().Take(tie.TakenFromKth), fromKth);
        }
    }
}
