using FairCollective.Common;

namespace FairCollective.Collective;

/// <summary>
/// How big the collective is: a share alpha of the minority's training rows, or an absolute count of them.
/// A share is turned into a count by its <see cref="Rounding"/> (half up unless a spec says otherwise), which is
/// monotone in alpha, so nested collectives stay nested whatever the grid.
/// </summary>
public readonly record struct CollectiveSize
{
    private CollectiveSize(double? fraction, int? count)
    {
        Fraction = fraction;
        Count = count;
    }

    /// <summary>alpha in [0, 1], when the size was given as a share.</summary>
    public double? Fraction { get; }

    /// <summary>The number of members, when the size was given as a count.</summary>
    public int? Count { get; }

    /// <summary>How a share is rounded to members (a count is exact).</summary>
    public Rounding Rounding { get; init; }

    /// <summary>A collective of a share <paramref name="alpha"/> in [0, 1] of the minority's training rows.</summary>
    /// <exception cref="UserInputException">alpha is outside [0, 1] or NaN.</exception>
    public static CollectiveSize Share(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1)) throw new UserInputException($"alpha must lie in [0, 1]; got {alpha}");
        return new(alpha, null);
    }

    /// <summary>A collective of exactly <paramref name="count"/> minority training rows (at least 0).</summary>
    /// <exception cref="UserInputException">count is negative.</exception>
    public static CollectiveSize Members(int count)
    {
        if (count < 0) throw new UserInputException($"a collective size given as a count must be >= 0; got {count}");
        return new(null, count);
    }

    /// <summary>The number of members out of <paramref name="minorityCount"/> minority training rows.</summary>
    public int MemberCount(int minorityCount)
    {
        if (Count is { } c)
        {
            if (c > minorityCount) throw new UserInputException($"a collective of {c} members is larger than the " +
                $"minority's {minorityCount} training rows");
            return c;
        }
        return Rounding.Count(Fraction!.Value, minorityCount);
    }

    /// <summary>alpha as a share of <paramref name="minorityCount"/> (exact for shares, count / minority for
    /// counts).</summary>
    public double Alpha(int minorityCount) => Fraction
        ?? (minorityCount == 0 ? 0 : (double)Count!.Value / minorityCount);

    /// <summary>Exact text ("alpha=0.3", "members=40").</summary>
    public override string ToString()
        => Fraction is { } f ? $"alpha={f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}" :
        $"members={Count}";
}
