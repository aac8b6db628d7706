using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>A fitted <see cref="CalibratedEqOdds"/>: per-group base rates and mix probabilities, plus fit-time
/// diagnostics.</summary>
public sealed class CalibratedEqOddsModel
{
    private const string RandomPurpose = "calibrated-eq-odds";

    internal CalibratedEqOddsModel(CalibratedEqOddsOptions options, CalibratedGroupSummary majority,
        CalibratedGroupSummary minority)
    {
        Options = options;
        Majority = majority;
        Minority = minority;
    }

    /// <summary>The options the model was fitted with.</summary>
    public CalibratedEqOddsOptions Options { get; }
    /// <summary>Fit of the majority (AIF360's privileged group, g = 1).</summary>
    public CalibratedGroupSummary Majority { get; }
    /// <summary>Fit of the minority (AIF360's unprivileged group, g = 0).</summary>
    public CalibratedGroupSummary Minority { get; }

    /// <summary>
    /// True when both AIF360 mix rates lie in [0,1], so full mixing (multiplier 1) equalises the expected costs. A rate
    /// above 1 means even the trivial classifier cannot reach the other group's cost (AIF360 then replaces every
    /// score); a negative rate, possible only for uncalibrated scores whose trivial classifier costs less than the
    /// scores themselves, mixes nothing (AIF360's random() &lt;= rate never holds); NaN (0/0) mixes nothing either.
    /// </summary>
    public bool EqualisedCostsReachable => InUnitInterval(Majority.MixRate) && InUnitInterval(Minority.MixRate);

    private static bool InUnitInterval(double rate) => rate >= 0 && rate <= 1;

    /// <summary>
    /// One random draw (seeded through <see cref="Seeds"/>): a uniform u in [0,1) per row, in row order; a row of group
    /// g takes g's base rate as its score when u &lt; g's mix probability. Labels are score ≥ threshold.
    /// </summary>
    public (double[] Scores, int[] Labels) Predict(ReadOnlySpan<double> scores, GroupMembership groups, int seed)
    {
        Check(scores, groups);
        var rng = Seeds.Create(seed, RandomPurpose);
        var newScores = new double[scores.Length];
        var labels = new int[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            var g = groups[i] ? Minority : Majority;
            double u = rng.NextDouble();
            newScores[i] = u < g.MixProbability ? g.BaseRate : scores[i];
            labels[i] = newScores[i] >= Options.Threshold ? 1 : 0;
        }
        return (newScores, labels);
    }

    /// <summary>The expected mixed score of every row: (1 − q)·s + q·base rate of its group.</summary>
    public double[] ExpectedScores(ReadOnlySpan<double> scores, GroupMembership groups)
    {
        Check(scores, groups);
        var result = new double[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            var g = groups[i] ? Minority : Majority;
            result[i] = (1 - g.MixProbability) * scores[i] + g.MixProbability * g.BaseRate;
        }
        return result;
    }

    /// <summary>P(label = 1) of every row over the randomisation: (1 − q)·[s ≥ t] + q·[base rate ≥ t].</summary>
    public double[] PositiveProbability(ReadOnlySpan<double> scores, GroupMembership groups)
    {
        Check(scores, groups);
        var result = new double[scores.Length];
        double t = Options.Threshold;
        for (int i = 0; i < scores.Length; i++)
        {
            var g = groups[i] ? Minority : Majority;
            double keep = scores[i] >= t ? 1.0 : 0.0, trivial = g.BaseRate >= t ? 1.0 : 0.0;
            result[i] = (1 - g.MixProbability) * keep + g.MixProbability * trivial;
        }
        return result;
    }

    private static void Check(ReadOnlySpan<double> scores, GroupMembership groups)
    {
        MitigationInput.SameLength(CalibratedEqOdds.Name, scores.Length, groups.Count, "groups");
        MitigationInput.Probabilities(CalibratedEqOdds.Name, scores, "scores");
    }
}
