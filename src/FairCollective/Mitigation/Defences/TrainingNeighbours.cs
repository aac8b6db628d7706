using FairCollective.Data;
using FairCollective.Neighbours;

namespace FairCollective.Mitigation.Defences;

/// <summary>
/// The k nearest other training rows of every training row (exact, Euclidean on the encoded rows, ties to the lower
/// row), computed once per k and shared: they depend on the rows only, never on the labels.
/// </summary>
/// <param name="x">The training rows.</param>
/// <param name="threads">Threads of the search (-1 = all); the neighbours are the same for any.</param>
public sealed class TrainingNeighbours(DesignMatrix x, int threads = -1)
{
    private readonly Dictionary<int, Lazy<int[]>> _byK = [];

    /// <summary>The rows these neighbours are of.</summary>
    public DesignMatrix X { get; } = x;

    /// <summary>Row-major n x k indices: row i's k nearest other rows, nearest first.</summary>
    public int[] Of(int k)
    {
        if (k < 1
            || k >= X.Rows) throw new
            Common.UserInputException($"k-NN: k = {k} needs between 1 and {X.Rows - 1} (the other training rows)");
        Lazy<int[]> lazy;
        lock (_byK)
            if (!_byK.TryGetValue(k, out lazy!)) _byK[k] = lazy = new Lazy<int[]>(() => Compute(k));
        return lazy.Value;
    }

    private int[] Compute(int k)
    {
        // One more than asked: a row is its own nearest neighbour unless an exact duplicate with a lower index comes
        // first; either way the row itself is removed, and the last found fills the gap when it was not among them.
        var found = new ExactKnn(X, new KnnOptions { MaxDegreeOfParallelism = threads }).Query(X, k + 1);
        var result = new int[X.Rows * k];
        for (int i = 0; i < X.Rows; i++)
        {
            var row = found.IndicesOf(i);
            int w = 0;
            for (int j = 0; j < row.Length && w < k; j++)
                if (row[j] != i) result[i * k + w++] = row[j];
        }
        return result;
    }
}
