namespace FairCollective.Collective;

/// <summary>
/// How a share becomes a count: a collective's members from alpha and the minority's training rows, a budget's flips
/// from its share of the pool. Both rules are monotone in the share, so nested collectives and budgets stay nested.
/// </summary>
public enum Rounding
{
    /// <summary>Half up (floor(share x n + 1/2)): the default, as every stored result so far was computed.</summary>
    HalfUp,

    /// <summary>Half to even (banker's rounding, what NumPy's and Python's <c>round</c> do): to match a grid
    /// another implementation computed that way.</summary>
    HalfEven,
}

/// <summary>The one place a share is rounded to a count.</summary>
public static class RoundingRules
{
    /// <summary>The spec's word for <paramref name="rounding"/> (<c>half-up</c>, <c>half-even</c>).</summary>
    public static string SpecName(this Rounding rounding) => rounding == Rounding.HalfEven ? "half-even" : "half-up";

    /// <summary>The rounding named <paramref name="name"/> in a spec; null when it names none.</summary>
    public static Rounding? FromSpecName(string name) => name switch
    {
        "half-up" => Rounding.HalfUp,
        "half-even" => Rounding.HalfEven,
        _ => null,
    };

    /// <summary><paramref name="share"/> x <paramref name="of"/> rounded by <paramref name="rounding"/> (the product
    /// as a double, as NumPy rounds it).</summary>
    public static int Count(this Rounding rounding, double share, int of) => rounding == Rounding.HalfEven
        ? (int)Math.Round(share * of, MidpointRounding.ToEven)
        : (int)Math.Floor(share * of + 0.5);
}
