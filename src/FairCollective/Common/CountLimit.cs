using System.Globalization;

namespace FairCollective.Common;

/// <summary>
/// Upper limits of whole-number options that set an amount of work or memory (folds, calibration sets, iterations,
/// replicates, threads, shards, ...). Each option's limit is a named constant beside it (<c>&lt;Option&gt;Limit</c>),
/// written in the docs where the option is documented, and checked where its value is validated, before any work or
/// file: a typo such as 10^9 is then one line instead of hours of work or an out-of-memory crash.
/// </summary>
public static class CountLimit
{
    /// <summary>Refuses <paramref name="value"/> above <paramref name="limit"/>: "<paramref name="what"/> must be at
    /// most 100; got 1000000000".</summary>
    /// <exception cref="UserInputException">The value is above the limit.</exception>
    public static void Check(long value, long limit, string what)
    {
        if (value > limit)
            throw new UserInputException($"{what} must be at most " +
                $"{limit.ToString("N0", CultureInfo.InvariantCulture)}; got " +
                $"{value.ToString(CultureInfo.InvariantCulture)}");
    }
}
