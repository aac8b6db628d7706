using FairCollective.Common;
using FairCollective.Data;
using FairCollective.Learning.Logistic;

namespace FairCollective.Planning;

/// <summary>
/// Where the planner's picture of the majority comes from: the collective's majority sample, or, without one, the
/// fallback majority (docs/planner.md): the members' own feature rows, labelled at random with the public majority base
/// rate through the members' label model shifted on the logit scale, P(y = 1 | x) = σ(logit p(x) + δ), δ set so the
/// mean is the published rate. The fallback knows nothing of how the majority's features differ; the plan says so.
/// </summary>
internal sealed class World
{
    private readonly PlannerInput _input;
    private readonly double[]? _fallbackProbability; // per member row, when the fallback is used

    private World(PlannerInput input, double[]? fallbackProbability)
    {
        _input = input;
        _fallbackProbability = fallbackProbability;
    }

    /// <summary>Whether the fallback majority stands in for a missing sample.</summary>
    public bool IsFallback => _fallbackProbability is not null;

    /// <summary>Rows the majority is resampled from.</summary>
    public int MajoritySourceCount => IsFallback ? _input.MemberCount : _input.MajorityCount;

    /// <summary>The input row of majority source row <paramref name="j"/>.</summary>
    public int MajoritySourceRow(int j) => IsFallback ? j : _input.MemberCount + j;

    /// <summary>The world of <paramref name="input"/>: its sample, or the fallback when it has none.</summary>
    public static World Of(PlannerInput input, PublicNumbers numbers)
    {
        if (input.MajorityCount > 0)
        {
            var labels = input.Y.AsSpan(input.MemberCount);
            if (!labels.Contains(0) || !labels.Contains(1))
                throw new UserInputException($"the majority sample's {input.MajorityCount} rows all have label {labels[0]}: the firm's picture of the majority needs both labels (add rows of the other label, or plan without a sample and give --majority-base-rate)");
            return new World(input, null);
        }
        if (numbers.MajorityBaseRate is not { } rate)
            throw new UserInputException("without a majority sample (--majority) the planner needs the majority's base rate: give --majority-base-rate (the share of the majority with the favourable label)");
        return new World(input, FallbackProbabilities(input, rate));
    }

    /// <summary>Labels of the majority source rows for one replicate's training users.</summary>
    public int[] MajorityLabels(Random rng)
    {
        var labels = new int[MajoritySourceCount];
        for (int j = 0; j < labels.Length; j++)
            labels[j] = _fallbackProbability is { } p ? (rng.NextDouble() < p[j] ? 1 : 0) : _input.Y[_input.MemberCount + j];
        return labels;
    }

    /// <summary>The label of one test user drawn from majority source row <paramref name="j"/>.</summary>
    public int TestLabel(int j, Random rng) =>
        _fallbackProbability is { } p ? (rng.NextDouble() < p[j] ? 1 : 0) : _input.Y[_input.MemberCount + j];

    private static double[] FallbackProbabilities(PlannerInput input, double rate)
    {
        int nc = input.MemberCount;
        var memberRows = Enumerable.Range(0, nc).ToArray();
        var y = input.Y[..nc];
        var logits = new double[nc];
        if (y.Contains(0) && y.Contains(1))
        {
            var model = new LogisticRegressionTrainer(new LogisticRegressionOptions { MaxDegreeOfParallelism = 1 }).FitModel(input.X.SelectRows(memberRows), y);
            var p = model.PredictProba(input.X.SelectRows(memberRows));
            // Clamped: a separable member set gives probabilities of exactly 0 or 1.
            for (int i = 0; i < nc; i++) logits[i] = Math.Log(Math.Clamp(p[i], 1e-12, 1 - 1e-12) / (1 - Math.Clamp(p[i], 1e-12, 1 - 1e-12)));
        }
        // δ by bisection: the mean of σ(logit + δ) rises with δ.
        double lo = -40, hi = 40;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double mid = (lo + hi) / 2;
            if (logits.Average(l => Sigmoid(l + mid)) < rate) lo = mid;
            else hi = mid;
        }
        double delta = (lo + hi) / 2;
        return logits.Select(l => Sigmoid(l + delta)).ToArray();
    }

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
