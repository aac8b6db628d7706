using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.Fare;

/// <summary>
/// A fitted FARE encoder: a binary tree whose leaves are the cells of the representation. A row goes left when
/// x[feature] &lt;= threshold. Leaves are numbered 0..k-1 from left to right, so the numbering is a property of the
/// tree, not of the order in which it was grown. Immutable and safe to share between threads.
/// </summary>
public sealed class FareTree
{
    private readonly int[] _feature, _left, _right, _leaf;
    private readonly double[] _threshold;

    internal FareTree(int featureCount, int[] feature, double[] threshold, int[] left, int[] right, int[] leaf,
                      LeafStatistics[] leaves, FareEncoding encoding)
    {
        FeatureCount = featureCount;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leaf = leaf;
        Leaves = leaves;
        Encoding = encoding;
    }

    /// <summary>Number of columns of the design matrix the tree was fitted on (and must be applied to).</summary>
    public int FeatureCount { get; }

    /// <summary>k, the number of cells.</summary>
    public int LeafCount => Leaves.Count;

    /// <summary>Training-set counts per leaf, indexed by leaf id.</summary>
    public IReadOnlyList<LeafStatistics> Leaves { get; }

    /// <summary>How encoded rows present their cell to the firm.</summary>
    public FareEncoding Encoding { get; }

    /// <summary>Internal nodes as (feature, threshold) in the order they appear in a pre-order walk (root
    /// first).</summary>
    public IReadOnlyList<(int Feature, double Threshold)> Splits
    {
        get
        {
            var splits = new List<(int, double)>();
            var stack = new Stack<int>();
            stack.Push(0);
            while (stack.Count > 0)
            {
                int node = stack.Pop();
                if (_leaf[node] >= 0) continue;
                splits.Add((_feature[node], _threshold[node]));
                stack.Push(_right[node]);
                stack.Push(_left[node]);
            }
            return splits;
        }
    }

    /// <summary>Leaf id of one row.</summary>
    public int LeafOf(ReadOnlySpan<double> row)
    {
        int node = 0;
        while (_leaf[node] < 0) node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        return _leaf[node];
    }

    /// <summary>Leaf id of every row of <paramref name="x"/>.</summary>
    public int[] LeafIds(DesignMatrix x)
    {
        CheckWidth(x);
        var ids = new int[x.Rows];
        Parallel.For(0, x.Rows, i => ids[i] = LeafOf(x.Row(i)));
        return ids;
    }

    /// <summary>The representation the firm trains on, in the configured <see cref="Encoding"/>.</summary>
    public DesignMatrix Encode(DesignMatrix x)
    {
        var ids = LeafIds(x);
        if (Encoding == FareEncoding.LeafIndex)
            return new DesignMatrix(x.Rows, 1, ids.Select(id => (double)id).ToArray(), ["fare_leaf"]);
        int k = LeafCount;
        var data = new double[(long)x.Rows * k];
        for (int i = 0; i < ids.Length; i++) data[(long)i * k + ids[i]] = 1;
        return new DesignMatrix(x.Rows, k, data, Enumerable.Range(0, k).Select(j => $"fare_leaf_{j}").ToArray());
    }

    private void CheckWidth(DesignMatrix x)
    {
        if (x.Cols != FeatureCount)
            throw new UserInputException($"FARE encoder was fitted on {FeatureCount} columns but got a matrix with " +
                $"{x.Cols}.");
    }
}

/// <summary>Training rows in one leaf: count, how many have y = 1, how many have s = 1.</summary>
/// <param name="Count">Training rows in the leaf.</param>
/// <param name="Positives">Of those, rows with y = 1.</param>
/// <param name="Sensitive">Of those, rows with s = 1.</param>
public readonly record struct LeafStatistics(int Count, int Positives, int Sensitive);
