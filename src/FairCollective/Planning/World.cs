using System.Globalization;
using FairCollective.Common;
using FairCollective.Learning.Logistic;

namespace FairCollective.Planning;

/// <summary>
/// Where the planner's picture of the majority comes from (docs/planner.md): the collective's majority sample and the
/// fallback majority, mixed. The fallback is the members' own feature rows, labelled at random with the majority's base
/// rate through the members' label model shifted on the logit scale, P(y = 1 | x) = σ(logit p(x) + δ), δ set so the
/// mean is the rate: it knows nothing of how the majority's features differ. With a sample of m rows the fallback gets
/// the weight of <see cref="PlannerOptions.SamplePriorRows"/> = m₀ rows, the sample m/(m + m₀) of the majority, so a
/// small sample moves the picture only as far as it can be trusted; without a sample the fallback is all of it.
/// Majority source rows are numbered sample rows first, then fallback rows.
/// </summary>
internal sealed class World
{
    private readonly PlannerInput _input;
    private readonly double[]? _fallbackProbability; // per member row, when the fallback takes part

    private World(PlannerInput input, double[]? fallbackProbability, double sampleShare, double fallbackRate)
    {
        _input = input;
        _fallbackProbability = fallbackProbability;
        SampleShare = sampleShare;
        FallbackRate = fallbackRate;
    }

    /// <summary>Rows of the majority sample.</summary>
    public int SampleRows => _input.MajorityCount;

    /// <summary>Rows of the fallback majority (the members' rows), 0 when it takes no part.</summary>
    public int FallbackRows => _fallbackProbability is null ? 0 : _input.MemberCount;

    /// <summary>The sample's share of the majority picture (1: the sample alone; 0: the fallback alone).</summary>
    public double SampleShare { get; }

    /// <summary>The fallback's base rate (NaN when it takes no part).</summary>
    public double FallbackRate { get; }

    /// <summary>Rows the majority is resampled from: the sample's, then the fallback's.</summary>
    public int MajoritySourceCount => SampleRows + FallbackRows;

    /// <summary>The input row of majority source row <paramref name="j"/>.</summary>
    public int MajoritySourceRow(int j) => j < SampleRows ? _input.MemberCount + j : j - SampleRows;

    /// <summary>The world of <paramref name="input"/>: its sample, the fallback, or both mixed
    /// (<paramref name="priorRows"/> = m₀).</summary>
    public static World Of(PlannerInput input, PublicNumbers numbers, int priorRows)
    {
        int m = input.MajorityCount;
        if (m > 0)
        {
            var labels = input.Y.AsSpan(input.MemberCount);
            if (!labels.Contains(0) || !labels.Contains(1))
                throw new UserInputException($"the majority sample's {m} rows all have label {labels[0]}: the firm's " +
                    "picture of the majority needs both labels (add rows of the other label, or plan without a " +
                    "sample and give --majority-base-rate)");
            if (priorRows == 0) return new World(input, null, 1, double.NaN);
            int positives = 0;
            foreach (int y in labels) positives += y;
            // The published rate when given; else the sample's, smoothed (add one of each label) so a few rows cannot
            // give 0 or 1.
            double rate = numbers.MajorityBaseRate ?? (positives + 1.0) / (m + 2.0);
            return new World(input, FallbackProbabilities(input, rate), (double)m / (m + priorRows), rate);
        }
        if (numbers.MajorityBaseRate is not { } published)
            throw new UserInputException("without a majority sample (--majority) the planner needs the majority's " +
                "base rate: give --majority-base-rate (the share of the majority with the favourable label)");
        return new World(input, FallbackProbabilities(input, published), 0, published);
    }

    /// <summary>One replicate's bootstrap of the majority sources: the sample's rows drawn first, then the
    /// fallback's.</summary>
    public int[] Draw(Random rng)
    {
        var draws = new int[MajoritySourceCount];
        for (int i = 0; i < SampleRows; i++) draws[i] = rng.Next(SampleRows);
        for (int i = 0; i < FallbackRows; i++) draws[SampleRows + i] = SampleRows + rng.Next(FallbackRows);
        return draws;
    }

    /// <summary>How many majority users source row <paramref name="j"/> stands for, drawn <paramref name="count"/>
    /// times.</summary>
    public double Weight(int j, int count, int majorityUsers) => j < SampleRows
        ? majorityUsers * SampleShare * count / SampleRows
        : majorityUsers * (1 - SampleShare) * count / FallbackRows;

    /// <summary>The source row of one of <paramref name="testUsers"/> majority test users (user <paramref name="t"/>),
    /// split between sample and fallback by their shares.</summary>
    public int TestSource(int[] draws, int t, int testUsers, Random rng)
    {
        int fromSample = FallbackRows == 0 ? testUsers : SampleRows == 0 ? 0 : (int)Math.Round(testUsers * SampleShare);
        return t < fromSample ? draws[rng.Next(SampleRows)] : draws[SampleRows + rng.Next(FallbackRows)];
    }

    /// <summary>Labels of the majority source rows for one replicate's training users.</summary>
    public int[] MajorityLabels(Random rng)
    {
        var labels = new int[MajoritySourceCount];
        for (int j = 0; j < labels.Length; j++) labels[j] = Label(j, rng);
        return labels;
    }

    /// <summary>The label of one user drawn from majority source row <paramref name="j"/>.</summary>
    public int Label(int j, Random rng) =>
        j < SampleRows ? _input.Y[_input.MemberCount + j] : (rng.NextDouble() < _fallbackProbability![j - SampleRows] ?
            1 : 0);

    /// <summary>The majority picture in words, for the plan's assumptions.</summary>
    public string Describe(int majorityUsers, int priorRows)
    {
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        const string Fallback = "the members' own feature rows, labelled at random with the majority's base rate " +
            "through the members' label model shifted on the logit scale";
        if (FallbackRows == 0) return $"The majority ({majorityUsers} users) looks like a bootstrap resample of the " +
            $"{SampleRows}-row majority sample.";
        if (SampleRows == 0)
            return $"No majority sample was given: the majority ({majorityUsers} users) is pictured as {Fallback} " +
                $"(published rate {F(FallbackRate)}); the plan then knows nothing of how the majority's features " +
                "differ, and its forecasts are the least certain.";
        return $"The majority ({majorityUsers} users) is pictured as a mixture: a bootstrap resample of the " +
            $"{SampleRows}-row majority sample (share {F(SampleShare)}) and, with the weight of {priorRows} rows, " +
            $"{Fallback} (rate {F(FallbackRate)}); a small sample so moves the picture only as far as it can be " +
            "trusted.";
    }

    private static double[] FallbackProbabilities(PlannerInput input, double rate)
    {
        int nc = input.MemberCount;
        var memberRows = Enumerable.Range(0, nc).ToArray();
        var y = input.Y[..nc];
        var logits = new double[nc];
        if (y.Contains(0) && y.Contains(1))
        {
            var model = new LogisticRegressionTrainer(new LogisticRegressionOptions
            {
                MaxDegreeOfParallelism = 1
            }).FitModel(input.X.SelectRows(memberRows), y);
            var p = model.PredictProba(input.X.SelectRows(memberRows));
            // Clamped: a separable member set gives probabilities of exactly 0 or 1.
            for (int i = 0; i < nc; i++)
            {
                double q = Math.Clamp(p[i], 1e-12, 1 - 1e-12);
                logits[i] = Math.Log(q / (1 - q));
            }
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
