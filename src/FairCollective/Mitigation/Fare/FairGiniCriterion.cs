namespace FairCollective.Mitigation.Fare;

/// <summary>
/// FARE's demographic-parity split criterion for one node (smaller is better):
/// (1 - w) * Gini(y) + w * (1/2 - Gini(s)) for the fairness weight w, Gini(p) = 1 - p^2 - (1-p)^2 = 2p(1-p) for a
/// binary variable. The y term rewards label-pure cells; the s term rewards cells that mix the two groups (1/2 is
/// Gini's maximum). A split is scored by the children's values weighted by child size, as in scikit-learn's trees.
/// </summary>
public static class FairGiniCriterion
{
    /// <summary>Binary Gini impurity of a node with <paramref name="positives"/> ones among
    /// <paramref name="count"/>.</summary>
    public static double Gini(double positives, double count)
    {
        if (count <= 0) return 0;
        double p = positives / count;
        return 2 * p * (1 - p);
    }

    /// <summary>Criterion value of one node: n rows, of which y1 have y = 1 and s1 have s = 1.</summary>
    public static double Node(double n, double y1, double s1, double weight) =>
        (1 - weight) * Gini(y1, n) + weight * (0.5 - Gini(s1, n));

    /// <summary>Size-weighted criterion of a split: (nL * I(L) + nR * I(R)) / (nL + nR).</summary>
    public static double Split(double nL, double yL, double sL, double nR, double yR, double sR, double weight) =>
        (nL * Node(nL, yL, sL, weight) + nR * Node(nR, yR, sR, weight)) / (nL + nR);
}
