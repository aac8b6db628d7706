using FairCollective.Common;

namespace FairCollective.Mitigation.Fare;

/// <summary>Settings of FARE's finite-sample certificate (defaults are those of FARE's published code).</summary>
public sealed record FareCertificateOptions
{
    /// <summary>Default total error probability: the bound holds with 95% confidence.</summary>
    public const double DefaultErrorBudget = 0.05;
    /// <summary>Default share of the error budget for the P(s = 0) interval (FARE's code).</summary>
    public const double DefaultPriorBudget = 0.005;
    /// <summary>Default share of the error budget for the final Hoeffding step (FARE's code).</summary>
    public const double DefaultGlobalBudget = 0.005;

    /// <summary>Total probability that the certificate is wrong (0.05: the bound holds with 95% confidence).</summary>
    public double ErrorBudget { get; init; } = DefaultErrorBudget;

    /// <summary>Part of the budget spent bounding P(s = 0) (stage 1).</summary>
    public double PriorBudget { get; init; } = DefaultPriorBudget;

    /// <summary>Part of the budget spent on the final Hoeffding step over the cell weights (stage 3).</summary>
    public double GlobalBudget { get; init; } = DefaultGlobalBudget;

    /// <summary>How the binomial intervals of stages 1 and 2 are built; default Clopper-Pearson, as FARE.</summary>
    public IntervalMethod Interval { get; init; } = IntervalMethod.ClopperPearson;

    internal void Validate()
    {
        if (!(PriorBudget > 0 && GlobalBudget > 0 && ErrorBudget > PriorBudget + GlobalBudget && ErrorBudget < 1))
            throw new UserInputException(
                $"FARE certificate budgets must satisfy 0 < prior ({PriorBudget}) , 0 < global ({GlobalBudget}), " +
                    $"prior + global < total ({ErrorBudget}) < 1.");
    }
}

/// <summary>Leaf ids and sensitive values of one sample of rows (s in {0, 1}).</summary>
/// <param name="Leaves">Leaf id (cell) of every row, in 0..k-1.</param>
/// <param name="Sensitive">Sensitive value s of every row, in {0, 1}.</param>
public sealed record LeafSample(int[] Leaves, int[] Sensitive)
{
    /// <summary>Number of rows in the sample.</summary>
    public int Count => Leaves.Length;
}

/// <summary>The certificate and the quantities it was built from.</summary>
/// <param name="DemographicParityBound">Upper bound, holding with probability 1 - ErrorBudget, on the population
/// demographic-parity gap |P(g=1|s=0) - P(g=1|s=1)| of every classifier g that sees only the leaf id.</param>
/// <param name="BalancedAccuracyBound">The bound T on the balanced accuracy of the best adversary predicting s from the
/// leaf; DemographicParityBound = min(1, 2T - 1).</param>
/// <param name="CellBounds">t_i per leaf (stage 2).</param>
/// <param name="AlphaUpper">alpha_ub = 1 / (2 p_lb), the stage-1 upper bound on alpha = 1 / (2 P(s=0)); infinite when
/// p_lb = 0.</param>
/// <param name="BetaUpper">beta_ub = 1 / (2 (1 - p_ub)), the stage-1 upper bound on beta = 1 / (2 P(s=1)).</param>
/// <param name="HoeffdingSlack">The Hoeffding term added to the weighted t_i in stage 3 (0 when the certificate is
/// trivial).</param>
public sealed record FareCertificateResult(double DemographicParityBound, double BalancedAccuracyBound,
                                           double AlphaUpper, double BetaUpper, IReadOnlyList<double> CellBounds,
                                           double HoeffdingSlack);

/// <summary>
/// FARE's certificate (Jovanović et al. 2023). On a representation with k discrete cells the demographic-parity gap of
/// ANY downstream classifier g is at most 2 A* - 1, where A* = sum_i P(z_i) max(alpha p_i, beta q_i) is the accuracy of
/// the optimal balanced adversary, p_i = P(s=0 | z_i), q_i = 1 - p_i, alpha = 1 / (2 P(s=0)), beta = 1 / (2 P(s=1)).
/// Algebra shows 2 A* - 1 = sum_i max(P(z_i|s=0), P(z_i|s=1)) - 1 = TV(Z|s=0, Z|s=1), the total-variation distance
/// between the groups' cell distributions (<see cref="EmpiricalTotalVariation"/>); the bound is attained by the g that
/// predicts 1 exactly on the cells where P(z|s=0) &gt; P(z|s=1).
///
/// Finite-sample version (FARE's code, three independent samples, union bound over the error budget):
/// 1. prior sample: a two-sided interval [p_lb, p_ub] for P(s=0) at error PriorBudget; alpha_ub = 1/(2 p_lb),
///    beta_ub = 1/(2 (1 - p_ub)).
/// 2. cell sample: for each of the k cells a two-sided interval for p_i at error (ErrorBudget - PriorBudget -
///    GlobalBudget) / k; t_i = max(alpha_ub p_i_ub, beta_ub q_i_ub), clipped at max(alpha_ub, beta_ub) (a cell with
///    no rows gets that clip value).
/// 3. global sample with N rows, N_i in cell i: T = sum_i (N_i / N) t_i + sqrt(ln(1/GlobalBudget) (b - a)^2 / (2N)),
///    a = min t_i, b = max t_i (Hoeffding, since each row contributes a value in [a, b]).
/// The certificate is min(1, 2T - 1) (clipping at 1 is ours: a DP gap never exceeds 1).
/// </summary>
public static class FareCertificate
{
    /// <summary>
    /// TV distance between the cell distributions of the two groups on <paramref name="sample"/>:
    /// 1/2 sum_i |P^(i | s=0) - P^(i | s=1)|. This is the exact largest empirical DP gap over all classifiers on the
    /// cells.
    /// </summary>
    public static double EmpiricalTotalVariation(int leafCount, LeafSample sample)
    {
        var (c0, c1, n0, n1) = Count(leafCount, sample);
        if (n0 == 0
            || n1 == 0) throw new
            UserInputException("FARE certificate sample must contain both groups (s = 0 and s = 1).");
        double tv = 0;
        for (int i = 0; i < leafCount; i++) tv += Math.Abs((double)c0[i] / n0 - (double)c1[i] / n1);
        return tv / 2;
    }

    /// <summary>The high-probability certificate from three independent samples (see the class summary).</summary>
    public static FareCertificateResult Compute(int leafCount, LeafSample priorSample, LeafSample cellSample,
                                                LeafSample globalSample, FareCertificateOptions? options = null)
    {
        options ??= new FareCertificateOptions();
        options.Validate();
        if (leafCount < 1) throw new UserInputException("FARE certificate needs at least one cell.");
        foreach (var sample in new[] { priorSample, cellSample, globalSample })
            if (sample.Count == 0) throw new UserInputException("FARE certificate samples must not be empty.");

        // Stage 1: P(s = 0).
        var (_, _, p0, p1) = Count(leafCount, priorSample);
        var (pLb, pUb) = BinomialInterval.Compute(p0, p0 + p1, options.PriorBudget, options.Interval);
        double alphaUb = pLb > 0 ? 1 / (2 * pLb) : double.PositiveInfinity;
        double betaUb = pUb < 1 ? 1 / (2 * (1 - pUb)) : double.PositiveInfinity;
        double clip = Math.Max(alphaUb, betaUb);
        if (double.IsInfinity(clip))
            return new FareCertificateResult(1, double.PositiveInfinity, alphaUb, betaUb, Enumerable.Repeat(clip,
                leafCount).ToArray(), 0);

        // Stage 2: per-cell bounds t_i.
        var (c0, c1, _, _) = Count(leafCount, cellSample);
        double cellBudget = (options.ErrorBudget - options.PriorBudget - options.GlobalBudget) / leafCount;
        var t = new double[leafCount];
        for (int i = 0; i < leafCount; i++)
        {
            var (lo, hi) = BinomialInterval.Compute(c0[i], c0[i] + c1[i], cellBudget, options.Interval);
            t[i] = Math.Min(clip, Math.Max(alphaUb * hi, betaUb * (1 - lo)));
        }

        // Stage 3: weight the t_i by the cell frequencies of the global sample, plus Hoeffding slack.
        var (g0, g1, _, _) = Count(leafCount, globalSample);
        double n = globalSample.Count, T = 0;
        for (int i = 0; i < leafCount; i++) T += (g0[i] + g1[i]) / n * t[i];
        double range = t.Max() - t.Min();
        double slack = Math.Sqrt(Math.Log(1 / options.GlobalBudget) * range * range / (2 * n));
        T += slack;
        return new FareCertificateResult(Math.Min(1, 2 * T - 1), T, alphaUb, betaUb, t, slack);
    }

    /// <summary>
    /// FARE's usual arrangement: stage 1 (P(s = 0)) on the training rows, and the held-out rows split at random
    /// (seeded, purpose "fare-certificate-split") into two halves for stage 2 (cell bounds) and stage 3 (global step).
    /// </summary>
    public static FareCertificateResult Compute(int leafCount, LeafSample training, LeafSample heldOut, int seed,
                                                FareCertificateOptions? options = null)
    {
        if (heldOut.Count < 2) throw new UserInputException("FARE certificate needs at least two held-out rows.");
        var order = Seeds.Permutation(heldOut.Count, Seeds.Create(seed, "fare-certificate-split"));
        int half = heldOut.Count / 2;
        LeafSample Take(IEnumerable<int> rows)
        {
            var r = rows.ToArray();
            return new LeafSample(r.Select(i => heldOut.Leaves[i]).ToArray(), r.Select(i
                => heldOut.Sensitive[i]).ToArray());
        }
        return Compute(leafCount, training, Take(order.Take(half)), Take(order.Skip(half)), options);
    }

    private static (int[] C0, int[] C1, int N0, int N1) Count(int leafCount, LeafSample sample)
    {
        if (sample.Leaves.Length != sample.Sensitive.Length)
            throw new UserInputException($"FARE certificate sample has {sample.Leaves.Length} leaf ids but " +
                $"{sample.Sensitive.Length} sensitive values.");
        var c0 = new int[leafCount];
        var c1 = new int[leafCount];
        int n0 = 0, n1 = 0;
        for (int r = 0; r < sample.Leaves.Length; r++)
        {
            int leaf = sample.Leaves[r];
            if ((uint)leaf >= (uint)leafCount) throw new
                UserInputException($"FARE certificate sample row {r} has leaf id {leaf}, outside 0..{leafCount - 1}.");
            switch (sample.Sensitive[r])
            {
                case 0: c0[leaf]++; n0++; break;
                case 1: c1[leaf]++; n1++; break;
                default:
                    throw new UserInputException($"FARE certificate sample row {r} has sensitive value " +
                    $"{sample.Sensitive[r]}; it must be 0 or 1.");
            }
        }
        return (c0, c1, n0, n1);
    }
}
