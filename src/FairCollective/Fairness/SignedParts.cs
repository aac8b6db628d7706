namespace FairCollective.Fairness;

/// <summary>
/// Every unsigned gap and min-over-max ratio written through signed parts, so that its interval can be built from
/// intervals of smooth quantities (<see cref="UnsignedInterval"/>): a gap is <c>sum over blocks of w · max_j |c_j|</c>
/// and a ratio is <c>1 - sum over blocks of w · max_j |q_j|</c>, each block weighted 1/blocks, where c_j are signed
/// differences of two rates and q_j signed relative differences, (a - b) / max(a, b), so that min(a, b) / max(a, b) =
/// 1 - |q| (0 when a = b = 0). Near zero |c| has a kink that makes the percentile interval of the gap itself useless
/// (its lower end stays above 0 when the true gap is 0); the parts are smooth there.
/// <list type="bullet">
/// <item>Single gaps (eq_opp, fpr_gap, dem_parity, error_gap): the one signed gap, minority minus majority.</item>
/// <item>EqOd = 1/2 (|dTPR| + |dFPR|) = max(|A|, |B|) with A = 1/2 (dTPR + dFPR) (AIF360's average odds difference) and
/// B = 1/2 (dTPR - dFPR): one block of two parts, whose box bounds EqOd about as tightly as the percentile interval of
/// A or B alone where one dominates (two blocks, |dTPR| and |dFPR| summed, would add the two parts'
/// half-widths).</item>
/// <item>eq_odds_worst = max(|dTPR|, |dFPR|): one block of two parts.</item>
/// <item>dem_parity_ratio = min / max of the two selection rates: one relative part.</item>
/// <item>Between groups over k groups: one part per pair of groups (k (k - 1) / 2; max over groups minus min over
/// groups is the largest pairwise |difference|); the worst cases put the TPR and FPR pairs in one block, the means in
/// two blocks of weight 1/2.</item>
/// </list>
/// Disparate impact (minority / majority) is smooth at parity and keeps its percentile interval, as do rates, signed
/// gaps, error and counts.
/// </summary>
public static class SignedParts
{
    /// <summary>How a metric is made of its parts: ratio or gap, blocks, parts per block.</summary>
    /// <param name="IsRatio">True for 1 - sum of blocks (min-over-max ratios); false for sum of blocks (gaps).</param>
    /// <param name="Blocks">Blocks, each weighted 1 / Blocks.</param>
    /// <param name="PartsPerBlock">Parts in each block (the largest |part| of a block counts).</param>
    public readonly record struct Layout(bool IsRatio, int Blocks, int PartsPerBlock)
    {
        /// <summary>Parts in all, block after block.</summary>
        public int Count => Blocks * PartsPerBlock;
    }

    /// <summary>Whether <paramref name="metric"/> is bounded through its signed parts (every unsigned gap and
    /// min-over-max ratio).</summary>
    public static bool Applies(FairnessMetric metric) => LayoutOf(metric, 2) is not null;

    /// <summary>The layout of <paramref name="metric"/> over <paramref name="groups"/> groups, read from its
    /// definition's rule (<see cref="LayoutOf(MetricRule?, int)"/>); null for metrics bounded by their own percentile
    /// interval.</summary>
    public static Layout? LayoutOf(FairnessMetric metric, int groups) => LayoutOf(MetricCatalog.Get(metric).Rule,
        groups);

    /// <summary>
    /// The layout a metric computed by <paramref name="rule"/> has over <paramref name="groups"/> groups: an unsigned
    /// gap or min-over-max ratio of the pooled groups is one part, an equalized-odds combination two, a between-groups
    /// metric one part per pair of groups and rate (two blocks for the means); null for rates, signed gaps and
    /// minority-over-majority ratios, which are smooth and keep their percentile interval.
    /// </summary>
    public static Layout? LayoutOf(MetricRule? rule, int groups)
    {
        int pairs = groups * (groups - 1) / 2;
        return rule?.Kind switch
        {
            Aggregation.Unsigned => new Layout(false, 1, 1),
            Aggregation.MeanOfUnsigned or Aggregation.WorstOfUnsigned => new Layout(false, 1, 2),
            Aggregation.MinOverMax => new Layout(true, 1, 1),
            Aggregation.BetweenDifference => new Layout(false, 1, pairs),
            Aggregation.BetweenRatio => new Layout(true, 1, pairs),
            Aggregation.BetweenWorstDifference => new Layout(false, 1, 2 * pairs),
            Aggregation.BetweenMeanDifference => new Layout(false, 2, pairs),
            Aggregation.BetweenWorstRatio => new Layout(true, 1, 2 * pairs),
            Aggregation.BetweenMeanRatio => new Layout(true, 2, pairs),
            _ => null,
        };
    }

    /// <summary>
    /// A minority-vs-majority unsigned gap or ratio written through the signed gaps every cell stores with their
    /// intervals (for combining the intervals of several test splits, where no joint resamples exist), read from its
    /// definition's rule: one block of parts, each part a weighted sum of signed gaps, as in <see cref="Fill"/>. A
    /// single gap's part is its signed gap; the equalized-odds mean of rates A and B (EqOd) has 1/2 gap(B) + 1/2 gap(A)
    /// and 1/2 gap(B) - 1/2 gap(A); the worst case has gap(A) and gap(B); a min-over-max ratio has its rate's signed
    /// gap, taken relative to the larger of the two rates in <c>RelativeTo</c>. Null for every other metric
    /// (between-groups metrics are over all groups, not two).
    /// </summary>
    /// <exception cref="InvalidOperationException">The catalog lacks a signed gap or rate the parts are made
    /// of.</exception>
    public static (bool IsRatio, (FairnessMetric Gap, double Weight)[][] Parts, (FairnessMetric Minority,
        FairnessMetric Majority) RelativeTo)? OfSignedGaps(FairnessMetric metric)
    {
        if (MetricCatalog.Get(metric).Rule is not { } rule) return null;
        return rule.Kind switch
        {
            Aggregation.Unsigned => (false, [[(Counterpart(Aggregation.Signed, rule.A), 1)]], default),
            Aggregation.MeanOfUnsigned => (false,
                [[(Counterpart(Aggregation.Signed, rule.B), 0.5), (Counterpart(Aggregation.Signed, rule.A), 0.5)],
                 [(Counterpart(Aggregation.Signed, rule.B), 0.5), (Counterpart(Aggregation.Signed, rule.A),
                     -0.5)]], default),
            Aggregation.WorstOfUnsigned => (false, [[(Counterpart(Aggregation.Signed, rule.A), 1)],
                [(Counterpart(Aggregation.Signed, rule.B), 1)]], default),
            Aggregation.MinOverMax => (true, [[(Counterpart(Aggregation.Signed, rule.A), 1)]],
                (Counterpart(Aggregation.Minority, rule.A), Counterpart(Aggregation.Majority, rule.A))),
            _ => null,
        };
    }

    /// <summary>
    /// The parts of <paramref name="metric"/> (layout <see cref="LayoutOf(FairnessMetric, int)"/>) into
    /// <paramref name="parts"/>, from the values <see cref="FairnessEvaluator"/> wrote for the same counts (the signed
    /// gaps and pooled rates its rule's parts are made of) and each group's rates (between-groups metrics only).
    /// </summary>
    /// <param name="metric">A metric with a layout.</param>
    /// <param name="values">Every metric's value, indexed by <see cref="FairnessMetric"/>.</param>
    /// <param name="groups">Each group's rates; read only for between-groups metrics.</param>
    /// <param name="parts">Room for the layout's <see cref="Layout.Count"/> parts.</param>
    public static void Fill(FairnessMetric metric, ReadOnlySpan<double> values, ReadOnlySpan<GroupRates> groups,
        Span<double> parts)
    {
        var rule = MetricCatalog.Get(metric).Rule ?? throw new ArgumentException($"{metric} has no rule",
            nameof(metric));
        var (signedA, signedB, minorityA, majorityA) = Operands.Value[(int)metric];
        switch (rule.Kind)
        {
            case Aggregation.Unsigned: parts[0] = values[signedA]; break;
            case Aggregation.MeanOfUnsigned:
                parts[0] = 0.5 * (values[signedB] + values[signedA]);
                parts[1] = 0.5 * (values[signedB] - values[signedA]);
                break;
            case Aggregation.WorstOfUnsigned:
                parts[0] = values[signedA];
                parts[1] = values[signedB];
                break;
            case Aggregation.MinOverMax: parts[0] = Relative(values[minorityA], values[majorityA]); break;
            case Aggregation.BetweenDifference or Aggregation.BetweenRatio:
                Pairs(groups, rule.A,
                rule.Kind == Aggregation.BetweenRatio, parts); break;
            case Aggregation.BetweenWorstDifference or Aggregation.BetweenMeanDifference or
                Aggregation.BetweenWorstRatio or Aggregation.BetweenMeanRatio:
                bool ratio = rule.Kind is Aggregation.BetweenWorstRatio or Aggregation.BetweenMeanRatio;
                int half = parts.Length / 2;
                Pairs(groups, rule.A, ratio, parts[..half]);
                Pairs(groups, rule.B, ratio, parts[half..]);
                break;
            default: throw new ArgumentException($"{metric} is not bounded through signed parts", nameof(metric));
        }
    }

    /// <summary>The metric whose rule is <paramref name="kind"/> of <paramref name="rate"/> (the signed gap, minority
    /// rate or majority rate a part is made of).</summary>
    /// <exception cref="InvalidOperationException">The catalog has none.</exception>
    private static FairnessMetric Counterpart(Aggregation kind, GroupRate rate) => Counterpart(kind, rate,
        MetricCatalog.All)
        ?? throw new InvalidOperationException($"the metric catalog has no {kind} metric of {rate}, which a metric's " +
            "signed parts are made of");

    private static FairnessMetric? Counterpart(Aggregation kind, GroupRate rate,
        IReadOnlyList<MetricDefinition> among) =>
        among.FirstOrDefault(d => d.Rule == new MetricRule(kind, rate))?.Metric;

    /// <summary>The first metric the signed parts of a metric computed by <paramref name="rule"/> are made of that
    /// <paramref name="among"/> lacks, in words ("a Signed metric of FalseNegativeRate"); null when none is
    /// missing.</summary>
    public static string? MissingPart(MetricRule rule, IReadOnlyList<MetricDefinition> among)
    {
        (Aggregation Kind, GroupRate Rate)[] needs = rule.Kind switch
        {
            Aggregation.Unsigned => [(Aggregation.Signed, rule.A)],
            Aggregation.MeanOfUnsigned or Aggregation.WorstOfUnsigned => [(Aggregation.Signed, rule.A),
                (Aggregation.Signed, rule.B)],
            Aggregation.MinOverMax => [(Aggregation.Minority, rule.A), (Aggregation.Majority, rule.A)],
            _ => [],
        };
        return needs.Where(n => Counterpart(n.Kind, n.Rate, among) is null).Select(n
            => $"a {n.Kind} metric of {n.Rate} (MetricRules.{n.Kind}(GroupRate.{n.Rate}))")
            .FirstOrDefault();
    }

    // Per metric, the value slots Fill reads (-1 where unused): looked up once per set of definitions, as Fill runs for
    // every resample.
    private static readonly DefinitionsDerived<(int SignedA, int SignedB, int MinorityA, int MajorityA)[]> Operands =
        new(all => all.Select(d => d.Rule switch
        {
            { Kind: Aggregation.Unsigned } r => ((int)Counterpart(Aggregation.Signed, r.A), -1, -1, -1),
            { Kind: Aggregation.MeanOfUnsigned or Aggregation.WorstOfUnsigned } r =>
                ((int)Counterpart(Aggregation.Signed, r.A), (int)Counterpart(Aggregation.Signed, r.B), -1, -1),
            { Kind: Aggregation.MinOverMax } r => (-1, -1, (int)Counterpart(Aggregation.Minority, r.A),
                (int)Counterpart(Aggregation.Majority, r.A)),
            _ => (-1, -1, -1, -1),
        }).ToArray());

    /// <summary>One part per pair of groups g &lt; h of <paramref name="rate"/>: the difference, or the relative
    /// difference.</summary>
    public static void Pairs(ReadOnlySpan<GroupRates> groups, GroupRate rate, bool relative, Span<double> parts)
    {
        Span<double> perGroup = groups.Length <= 128 ? stackalloc double[groups.Length] : new double[groups.Length];
        for (int g = 0; g < groups.Length; g++) perGroup[g] = groups[g].Get(rate);
        Pairs(perGroup, relative, parts);
    }

    /// <summary>One part per pair of <paramref name="perGroup"/> values (a <see cref="MetricFrame"/> column): the
    /// difference, or the relative difference.</summary>
    public static void Pairs(ReadOnlySpan<double> perGroup, bool relative, Span<double> parts)
    {
        int p = 0;
        for (int g = 0; g < perGroup.Length; g++)
            for (int h = g + 1; h < perGroup.Length; h++)
                parts[p++] = relative ? Relative(perGroup[g], perGroup[h]) : perGroup[g] - perGroup[h];
    }

    /// <summary>(a - b) / max(a, b) for non-negative rates: min(a, b) / max(a, b) = 1 - |result|; 0 when a = b
    /// (including 0 and 0).</summary>
    public static double Relative(double a, double b) => a == b ? 0 : (a - b) / Math.Max(a, b);
}
