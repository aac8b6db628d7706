using FairCollective.Mitigation.Fare;

namespace FairCollective.Experiments.Summaries;

/// <summary>
/// A share of successes among trials with its exact (Clopper-Pearson) interval: a reading such as "coverage 88.9%, the
/// target of 80% met" holds only where the interval says so (40 of 45 gives [75.9%, 96.3%], which contains 80%).
/// </summary>
/// <param name="Successes">Trials that succeeded.</param>
/// <param name="Trials">Trials in all.</param>
public readonly record struct Proportion(int Successes, int Trials)
{
    /// <summary>The default confidence level of <see cref="Interval"/>.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>Successes over trials; NaN without trials.</summary>
    public double Share => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>The exact two-sided interval at <paramref name="level"/>; NaN ends without trials.</summary>
    public (double Low, double High) Interval(double level = DefaultLevel) =>
        Trials == 0 ? (double.NaN, double.NaN) : BinomialInterval.Compute(Successes, Trials, 1 - level,
            IntervalMethod.ClopperPearson);

    /// <summary>How the share stands against <paramref name="target"/> (at least that share wanted), by the interval:
    /// met, missed, or not resolved.</summary>
    public string Against(double target)
    {
        var (low, high) = Interval();
        return Trials == 0 ? "no cases" : low >= target ? "met" : high < target ? "missed" : "not resolved";
    }

    /// <summary>The proportion of <paramref name="items"/> that pass <paramref name="test"/>.</summary>
    public static Proportion Of<T>(IReadOnlyCollection<T> items, Func<T, bool> test) => new(items.Count(test),
        items.Count);
}
