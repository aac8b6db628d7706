namespace FairCollective.Mitigation.PostProcessing;

/// <summary>One group's side of a fitted <see cref="CalibratedEqOddsModel"/>.</summary>
public sealed record CalibratedGroupSummary
{
    /// <summary>Rows in the group at fit time.</summary>
    public required int Count { get; init; }

    /// <summary>Mean of the true labels in the group.</summary>
    public required double BaseRate { get; init; }

    /// <summary>AIF360's fitted mix rate, unclipped: above 1 when even the trivial classifier cannot reach the other
    /// group's cost.</summary>
    public required double MixRate { get; init; }

    /// <summary>clip(multiplier · <see cref="MixRate"/>, 0, 1): the probability a member's score is replaced by the
    /// base rate.</summary>
    public required double MixProbability { get; init; }

    /// <summary>Generalized rates of the unmixed scores.</summary>
    public required GeneralizedRates RatesBefore { get; init; }

    /// <summary>Rates of the trivial classifier (every score = base rate): GFPR = base rate, GFNR = 1 − base
    /// rate.</summary>
    public required GeneralizedRates RatesTrivial { get; init; }

    /// <summary>Expected rates after mixing with <see cref="MixProbability"/>.</summary>
    public required GeneralizedRates RatesAfterExpected { get; init; }

    /// <summary>Group cost of the unmixed scores, under the fitted <see cref="CostConstraint"/>.</summary>
    public required double CostBefore { get; init; }
    /// <summary>Group cost of the trivial classifier (every score = base rate).</summary>
    public required double CostTrivial { get; init; }
    /// <summary>Expected group cost after mixing with <see cref="MixProbability"/>.</summary>
    public required double CostAfterExpected { get; init; }
}
