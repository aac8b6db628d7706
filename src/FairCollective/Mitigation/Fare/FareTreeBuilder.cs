using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.Fare;

/// <summary>
/// Grows a FARE tree best-first (the frontier leaf whose best split improves the size-weighted criterion most is
/// split next, as scikit-learn does with max_leaf_nodes) until k leaves exist or no admissible split remains.
/// Candidate thresholds are midpoints between consecutive distinct sorted values of a feature.
/// Written by hand because no .NET tree library accepts a criterion that depends on a second variable (s).
/// </summary>
public static class FareTreeBuilder
{
    /// <summary>Rounding slack when deciding that a split does not worsen the criterion.</summary>
    public const double ImprovementTolerance = 1e-12;

    /// <summary>Grows the FARE tree on training rows with the sensitive variable s = the group code (1 = minority, 0 =
    /// majority).</summary>
    /// <param name="x">Training features, n x d.</param>
    /// <param name="y">Labels in {0, 1}.</param>
    /// <param name="groups">Minority or majority of each row.</param>
    /// <param name="options">The fairness weight, k, leaf size, encoding; defaults when null.</param>
    /// <exception cref="UserInputException">As
    /// <see cref="Fit(DesignMatrix, ReadOnlySpan{int}, ReadOnlySpan{int}, FareOptions?)"/>.</exception>
    public static FareTree Fit(DesignMatrix x, ReadOnlySpan<int> y, GroupMembership groups,
        FareOptions? options = null) =>
        Fit(x, y, groups.Codes, options);

    /// <summary>Grows the FARE tree on training rows.</summary>
    /// <param name="x">Training features, n x d.</param>
    /// <param name="y">Labels in {0, 1}.</param>
    /// <param name="s">Sensitive values in {0, 1}.</param>
    /// <param name="options">The fairness weight, k, leaf size, encoding; defaults when null.</param>
    /// <exception cref="UserInputException">An option is out of range, no rows or columns, lengths disagree, a label or
    /// s outside {0, 1}, or a non-finite feature.</exception>
    public static FareTree Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> s, FareOptions? options = null)
    {
        options ??= new FareOptions();
        options.Validate();
        Validate(x, y, s);
        int n = x.Rows;
        var yArr = y.ToArray();
        var sArr = s.ToArray();

        // Each node keeps its rows sorted by every feature: the root sorts once, children inherit by a stable
        // partition, so a split search is a linear scan per feature instead of a sort.
        var rootSorted = new int[x.Cols][];
        Parallel.For(0, x.Cols, j =>
        {
            var keys = new double[n];
            var rows = new int[n];
            for (int r = 0; r < n; r++) { rows[r] = r; keys[r] = x.Data[(long)r * x.Cols + j]; }
            Array.Sort(keys, rows);
            rootSorted[j] = rows;
        });
        var goesLeft = new bool[n];
        var nodes = new List<BuildNode> { MakeNode(rootSorted, yArr, sArr, options.FairnessWeight) };
        var frontier = new List<int> { 0 };
        FindBestSplit(nodes[0], x, yArr, sArr, options, n);
        int leaves = 1;
        while (leaves < options.MaxLeaves)
        {
            int pick = -1;
            foreach (int id in frontier)
            {
                var node = nodes[id];
                if (node.SplitFeature < 0) continue;
                if (!options.AllowWorseningSplits && node.Improvement + ImprovementTolerance < 0) continue;
                // Ties go to the node created first, so growth order is deterministic.
                if (pick < 0 || node.Improvement > nodes[pick].Improvement) pick = id;
            }
            if (pick < 0) break;
            var parent = nodes[pick];
            var (leftRows, rightRows) = Partition(parent, x, goesLeft);
            parent.Left = nodes.Count;
            nodes.Add(MakeNode(leftRows, yArr, sArr, options.FairnessWeight));
            parent.Right = nodes.Count;
            nodes.Add(MakeNode(rightRows, yArr, sArr, options.FairnessWeight));
            frontier.Remove(pick);
            frontier.Add(parent.Left);
            frontier.Add(parent.Right);
            FindBestSplit(nodes[parent.Left], x, yArr, sArr, options, n);
            FindBestSplit(nodes[parent.Right], x, yArr, sArr, options, n);
            leaves++;
        }
        return Freeze(nodes, x.Cols, options.Encoding);
    }

    private static void Validate(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<int> s)
    {
        if (x.Rows == 0
            || x.Cols == 0) throw new
            UserInputException("FARE needs at least one training row and one feature column.");
        if (y.Length != x.Rows) throw new UserInputException($"FARE got {y.Length} labels for {x.Rows} rows.");
        if (s.Length != x.Rows) throw new
            UserInputException($"FARE got {s.Length} sensitive values for {x.Rows} rows.");
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] is not (0 or 1)) throw new
                UserInputException($"FARE label at row {i} is {y[i]}; labels must be 0 or 1.");
            if (s[i] is not (0 or 1)) throw new
                UserInputException($"FARE sensitive value at row {i} is {s[i]}; it must be 0 or 1.");
        }
        foreach (double v in x.Data)
            if (!double.IsFinite(v)) throw new UserInputException("FARE design matrix holds a non-finite value.");
    }

    private static BuildNode MakeNode(int[][] sorted, int[] y, int[] s, double weight)
    {
        int y1 = 0, s1 = 0;
        foreach (int r in sorted[0]) { y1 += y[r]; s1 += s[r]; }
        return new BuildNode(sorted, y1, s1, FairGiniCriterion.Node(sorted[0].Length, y1, s1, weight));
    }

    /// <summary>Best split of one node over all features; features are searched in parallel, then reduced in feature
    /// order.</summary>
    private static void FindBestSplit(BuildNode node, DesignMatrix x, int[] y, int[] s, FareOptions options, int total)
    {
        int m = node.Count;
        if (m < 2 * options.MinLeafSize) return;
        var best = new (double Value, double Threshold)[x.Cols];
        Parallel.For(0, x.Cols, j => best[j] = BestThreshold(node, x, y, s, j, options));
        for (int j = 0; j < x.Cols; j++)
        {
            if (double.IsNaN(best[j].Value)) continue;
            if (node.SplitFeature < 0 || best[j].Value < node.SplitValue)
            {
                node.SplitFeature = j;
                node.SplitValue = best[j].Value;
                node.Threshold = best[j].Threshold;
            }
        }
        if (node.SplitFeature >= 0) node.Improvement = (double)m / total * (node.Impurity - node.SplitValue);
    }

    private static (double Value, double Threshold) BestThreshold(BuildNode node, DesignMatrix x, int[] y, int[] s,
        int j,
                                                                  FareOptions options)
    {
        int m = node.Count, d = x.Cols;
        var rows = node.Sorted[j];
        double[] data = x.Data;
        double bestValue = double.NaN, bestThreshold = 0;
        int yL = 0, sL = 0;
        double prev = data[(long)rows[0] * d + j];
        for (int p = 1; p < m; p++)
        {
            yL += y[rows[p - 1]];
            sL += s[rows[p - 1]];
            double cur = data[(long)rows[p] * d + j];
            double left = prev;
            prev = cur;
            if (left >= cur || p < options.MinLeafSize || m - p < options.MinLeafSize) continue;
            double value = FairGiniCriterion.Split(p, yL, sL, m - p, node.Positives - yL, node.Sensitive - sL,
                options.FairnessWeight);
            if (double.IsNaN(bestValue) || value < bestValue)
            {
                bestValue = value;
                double mid = left + (cur - left) / 2;
                // Adjacent doubles can round the midpoint up to the right value; fall back to the left one.
                bestThreshold = mid >= cur ? left : mid;
            }
        }
        return (bestValue, bestThreshold);
    }

    /// <summary>Stable partition of every per-feature sorted list; the parent's lists are released
    /// afterwards.</summary>
    private static (int[][] Left, int[][] Right) Partition(BuildNode node, DesignMatrix x, bool[] goesLeft)
    {
        int nLeft = 0;
        foreach (int r in node.Sorted[0])
        {
            goesLeft[r] = x[r, node.SplitFeature] <= node.Threshold;
            if (goesLeft[r]) nLeft++;
        }
        int cols = node.Sorted.Length, nRight = node.Count - nLeft;
        var left = new int[cols][];
        var right = new int[cols][];
        Parallel.For(0, cols, j =>
        {
            var l = new int[nLeft];
            var rr = new int[nRight];
            int a = 0, b = 0;
            foreach (int r in node.Sorted[j])
                if (goesLeft[r]) l[a++] = r; else rr[b++] = r;
            left[j] = l;
            right[j] = rr;
        });
        node.Sorted = [];
        return (left, right);
    }

    private static FareTree Freeze(List<BuildNode> nodes, int cols, FareEncoding encoding)
    {
        int count = nodes.Count;
        var feature = new int[count];
        var threshold = new double[count];
        var left = new int[count];
        var right = new int[count];
        var leaf = new int[count];
        var stats = new List<LeafStatistics>();
        // In-order numbering of leaves: left to right.
        void Walk(int id)
        {
            var node = nodes[id];
            if (node.Left < 0)
            {
                leaf[id] = stats.Count;
                feature[id] = -1;
                stats.Add(new LeafStatistics(node.Count, node.Positives, node.Sensitive));
                return;
            }
            leaf[id] = -1;
            feature[id] = node.SplitFeature;
            threshold[id] = node.Threshold;
            left[id] = node.Left;
            right[id] = node.Right;
            Walk(node.Left);
            Walk(node.Right);
        }
        Walk(0);
        return new FareTree(cols, feature, threshold, left, right, leaf, stats.ToArray(), encoding);
    }

    private sealed class BuildNode(int[][] sorted, int positives, int sensitive, double impurity)
    {
        /// <summary>The node's rows sorted by each feature (emptied once the node is split).</summary>
        public int[][] Sorted { get; set; } = sorted;
        public int Count { get; } = sorted[0].Length;
        public int Positives { get; } = positives;
        public int Sensitive { get; } = sensitive;
        public double Impurity { get; } = impurity;
        public int SplitFeature { get; set; } = -1;
        public double SplitValue { get; set; }
        public double Threshold { get; set; }
        public double Improvement { get; set; }
        public int Left { get; set; } = -1;
        public int Right { get; set; } = -1;
    }
}
