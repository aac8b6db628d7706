using FairCollective.Data;

namespace FairCollective.Neighbours;

/// <summary>
/// A k-d tree over the reference rows with exact float64 distances throughout (no screening). Each node splits
/// its rows at the median of its widest coordinate; nodes keep tight bounding boxes, and a query descends the
/// nearer child first and skips a node whose box is farther than its current k-th distance. Written by hand
/// because no .NET library offers an exact k-d tree with a deterministic tie rule.
/// </summary>
internal sealed class KdTree
{
    private readonly int _d;
    private readonly double[] _points;   // reference rows in tree order, row-major
    private readonly int[] _original;    // tree position -> reference row index
    private readonly List<Node> _nodes = [];
    private readonly List<double> _bounds = []; // per node: d lows then d highs (while building)
    private readonly Node[] _nodeArray;
    private readonly double[] _boundsArray;

    private readonly record struct Node(int Start, int End, int Left, int Right);

    public KdTree(DesignMatrix reference, int leafSize)
    {
        _d = reference.Cols;
        int n = reference.Rows;
        _original = new int[n];
        for (int i = 0; i < n; i++) _original[i] = i;
        Build(reference.Data, 0, n, Math.Max(1, leafSize));
        _nodeArray = [.. _nodes];
        _boundsArray = [.. _bounds];
        _points = new double[(long)n * _d];
        for (int i = 0; i < n; i++) Array.Copy(reference.Data, (long)_original[i] * _d, _points, (long)i * _d, _d);
    }

    private int Build(double[] data, int start, int end, int leafSize)
    {
        int id = _nodes.Count;
        _nodes.Add(default);
        int b = _bounds.Count;
        for (int j = 0; j < 2 * _d; j++) _bounds.Add(j < _d ? double.PositiveInfinity : double.NegativeInfinity);
        for (int i = start; i < end; i++)
        {
            int row = _original[i] * _d;
            for (int j = 0; j < _d; j++)
            {
                double v = data[row + j];
                if (v < _bounds[b + j]) _bounds[b + j] = v;
                if (v > _bounds[b + _d + j]) _bounds[b + _d + j] = v;
            }
        }
        int split = 0;
        double widest = -1;
        for (int j = 0; j < _d; j++)
        {
            double w = _bounds[b + _d + j] - _bounds[b + j];
            if (w > widest) { widest = w; split = j; }
        }
        if (end - start <= leafSize || widest <= 0)
        {
            _nodes[id] = new Node(start, end, -1, -1);
            return id;
        }
        int mid = start + (end - start) / 2;
        Select(data, start, end - 1, mid, split);
        int left = Build(data, start, mid, leafSize);
        int right = Build(data, mid, end, leafSize);
        _nodes[id] = new Node(start, end, left, right);
        return id;
    }

    /// <summary>Hoare quickselect on _original[lo..hi] by coordinate <paramref name="col"/>; deterministic (middle
    /// pivot).</summary>
    private void Select(double[] data, int lo, int hi, int nth, int col)
    {
        while (lo < hi)
        {
            double pivot = data[_original[lo + (hi - lo) / 2] * _d + col];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (data[_original[i] * _d + col] < pivot) i++;
                while (data[_original[j] * _d + col] > pivot) j--;
                if (i <= j)
                {
                    (_original[i], _original[j]) = (_original[j], _original[i]);
                    i++;
                    j--;
                }
            }
            if (nth <= j) hi = j;
            else if (nth >= i) lo = i;
            else return;
        }
    }

    /// <summary>The exact k nearest of <paramref name="query"/> by (squared distance, index), into
    /// <paramref name="top"/>.</summary>
    public void Search(ReadOnlySpan<double> query, TopK top, Stack<(int Node, double Bound)> stack)
    {
        // Pruning compares a box distance with a point distance, both rounded sums of non-negative terms whose
        // exact values satisfy box <= point; each sum has relative error below (d+1)u, so a node is skipped only
        // when its box distance exceeds the k-th distance by more than that factor (ties at the k-th distance
        // must still be visited: a lower index may be waiting there).
        double slack = 1 + 4.0 * (_d + 2) * Math.ScaleB(1, -53);
        top.Clear();
        stack.Clear();
        stack.Push((0, 0));
        while (stack.Count > 0)
        {
            var (id, bound) = stack.Pop();
            if (bound > top.Worst * slack) continue;
            var node = _nodeArray[id];
            if (node.Left < 0)
            {
                for (int i = node.Start; i < node.End; i++)
                    top.Offer(SquaredDistance.Compute(query, new ReadOnlySpan<double>(_points, i * _d, _d)),
                        _original[i]);
                continue;
            }
            double bl = BoxDistance(query, node.Left), br = BoxDistance(query, node.Right);
            // Push the farther child first so the nearer one is searched first.
            if (bl <= br)
            {
                stack.Push((node.Right, br));
                stack.Push((node.Left, bl));
            }
            else
            {
                stack.Push((node.Left, bl));
                stack.Push((node.Right, br));
            }
        }
    }

    private double BoxDistance(ReadOnlySpan<double> q, int node)
    {
        int b = node * 2 * _d;
        double sum = 0;
        for (int j = 0; j < q.Length; j++)
        {
            double lo = _boundsArray[b + j], hi = _boundsArray[b + _d + j], x = q[j];
            double diff = x < lo ? lo - x : x > hi ? x - hi : 0;
            sum += diff * diff;
        }
        return sum;
    }
}
