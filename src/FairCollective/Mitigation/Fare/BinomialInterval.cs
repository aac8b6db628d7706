using MathNet.Numerics.Distributions;

namespace FairCollective.Mitigation.Fare;

/// <summary>Which two-sided confidence interval bounds a binomial proportion.</summary>
public enum IntervalMethod
{
    /// <summary>Exact Clopper-Pearson (beta quantiles); FARE's default ('cp').</summary>
    ClopperPearson,

    /// <summary>Hoeffding: p^ +- sqrt(ln(2/err) / (2N)), clipped to [0, 1].</summary>
    Hoeffding,
}

/// <summary>Two-sided confidence intervals for a binomial proportion that fail with probability at most err.</summary>
public static class BinomialInterval
{
    /// <summary>
    /// Interval for p from <paramref name="successes"/> out of <paramref name="trials"/>. With no trials the interval
    /// is [0, 1]. Clopper-Pearson: lower = BetaInv(err/2; x, N-x+1), upper = BetaInv(1-err/2; x+1, N-x), the same as
    /// statsmodels' proportion_confint(method='beta').
    /// </summary>
    public static (double Lower, double Upper) Compute(int successes, int trials, double err, IntervalMethod method)
    {
        if (trials < 0 || successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes));
        if (!(err > 0 && err < 1)) throw new ArgumentOutOfRangeException(nameof(err),
            "Error probability must be in (0, 1).");
        if (trials == 0) return (0, 1);
        if (method == IntervalMethod.Hoeffding)
        {
            double p = (double)successes / trials, half = Math.Sqrt(Math.Log(2 / err) / (2.0 * trials));
            return (Math.Max(0, p - half), Math.Min(1, p + half));
        }
        double lower = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, err / 2);
        double upper = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - err / 2);
        return (lower, upper);
    }
}
