using FairCollective.Common;
using FairCollective.Data;

namespace FairCollective.Mitigation.PostProcessing;

/// <summary>
/// Calibrated equalized odds (Pleiss et al. 2017; AIF360 <c>CalibratedEqOddsPostprocessing</c>). Only the group with
/// the lower cost is mixed: each of its members, with probability equal to the mix rate, has its score replaced by the
/// group's base rate (the trivial, still calibrated classifier), which raises that group's cost to the other's.
/// Mix rate of the lower-cost group g = (cost_other − cost_g) / (trivial_cost_g − cost_g), unclipped as in AIF360;
/// the majority is mixed only when the minority's cost is strictly higher. The majority plays AIF360's privileged
/// group (g = 1) and the minority the unprivileged one; <see cref="Fit"/> translates on entry, so ties break as in
/// AIF360.
/// </summary>
public static class CalibratedEqOdds
{
    internal const string Name = "calibrated equalized odds";

    /// <summary>Fits each group's base rate and mix rate on calibrated scores with known labels.</summary>
    /// <param name="scores">calibrated P(y = 1) per row, in [0,1].</param>
    /// <param name="yTrue">true labels in {0,1}.</param>
    /// <param name="groups">minority or majority of each row.</param>
    /// <param name="options">cost constraint, mix-rate multiplier and threshold; defaults when null.</param>
    public static CalibratedEqOddsModel Fit(ReadOnlySpan<double> scores, ReadOnlySpan<int> yTrue,
        GroupMembership groups,
        CalibratedEqOddsOptions? options = null)
    {
        options ??= new CalibratedEqOddsOptions();
        MitigationInput.UnitInterval(Name, options.MixRateMultiplier,
            nameof(CalibratedEqOddsOptions.MixRateMultiplier));
        if (options.MixProbability is { } p) MitigationInput.UnitInterval(Name, p,
            nameof(CalibratedEqOddsOptions.MixProbability));
        MitigationInput.Rows(Name, yTrue, "yTrue", groups, scores);
        MitigationInput.Probabilities(Name, scores, "scores");
        var privileged = MitigationInput.Privileged(groups); // AIF360's orientation from here on: privileged = majority

        var priv = GroupStatistics.Of(scores, yTrue, privileged, wantPrivileged: true);
        var unpriv = GroupStatistics.Of(scores, yTrue, privileged, wantPrivileged: false);
        var c = options.CostConstraint;
        double privCost = priv.Rates.Cost(c, priv.BaseRate), unprivCost = unpriv.Rates.Cost(c, unpriv.BaseRate);
        double privTrivialCost = priv.Trivial.Cost(c, priv.BaseRate), unprivTrivialCost = unpriv.Trivial.Cost(c,
            unpriv.BaseRate);

        bool unprivCostsMore = unprivCost > privCost;
        double privMix = unprivCostsMore ? (unprivCost - privCost) / (privTrivialCost - privCost) : 0.0;
        double unprivMix = unprivCostsMore ? 0.0 : (privCost - unprivCost) / (unprivTrivialCost - unprivCost);

        return new CalibratedEqOddsModel(options,
            majority: Summary(priv, privMix, options.MixRateMultiplier, c,
                unprivCostsMore ? options.MixProbability : null),
            minority: Summary(unpriv, unprivMix, options.MixRateMultiplier, c,
                unprivCostsMore ? null : options.MixProbability));
    }

    private static CalibratedGroupSummary Summary(GroupStatistics g, double mixRate, double multiplier,
        CostConstraint c, double? mixProbability)
    {
        // A NaN rate (0/0 when costs and trivial costs coincide) mixes nothing, as AIF360's random() <= NaN is false.
        double scaled = multiplier * mixRate;
        double q = mixProbability ?? (double.IsNaN(scaled) ? 0.0 : Math.Clamp(scaled, 0.0, 1.0));
        var after = g.Rates.MixedWithTrivial(q, g.BaseRate);
        return new CalibratedGroupSummary
        {
            Count = g.Count,
            BaseRate = g.BaseRate,
            MixRate = mixRate,
            MixProbability = q,
            RatesBefore = g.Rates,
            RatesTrivial = g.Trivial,
            RatesAfterExpected = after,
            CostBefore = g.Rates.Cost(c, g.BaseRate),
            CostTrivial = g.Trivial.Cost(c, g.BaseRate),
            CostAfterExpected = after.Cost(c, g.BaseRate),
        };
    }

    private readonly record struct GroupStatistics(int Count, double BaseRate, GeneralizedRates Rates,
        GeneralizedRates Trivial)
    {
        public static GroupStatistics Of(ReadOnlySpan<double> scores, ReadOnlySpan<int> y,
            ReadOnlySpan<bool> privileged, bool wantPrivileged)
        {
            int n = 0, positives = 0;
            var falsePositiveMass = new NeumaierSum();
            var falseNegativeMass = new NeumaierSum();
            for (int i = 0; i < scores.Length; i++)
            {
                if (privileged[i] != wantPrivileged) continue;
                n++;
                if (y[i] == 1) { positives++; falseNegativeMass.Add(1 - scores[i]); }
                else falsePositiveMass.Add(scores[i]);
            }
            string group = wantPrivileged ? "majority" : "minority";
            if (positives == 0 || positives == n)
                throw new UserInputException($"{Name}: the {group} needs both labels (it has {positives} positives " +
                    $"among {n} rows).");
            double baseRate = (double)positives / n;
            var rates = new GeneralizedRates(falsePositiveMass.Value / (n - positives),
                falseNegativeMass.Value / positives);
            return new GroupStatistics(n, baseRate, rates, new GeneralizedRates(baseRate, 1 - baseRate));
        }
    }
}
