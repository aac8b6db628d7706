using FairCollective.Common;

namespace FairCollective.Collective;

/// <summary>
/// The number M of pool members that relabel: a count, a share of the pool (rounded by its <see cref="Rounding"/>, half
/// up unless a spec says otherwise), or the ideal's own count M* (the pool members whose counterfactual label is 1,
/// known only on data with a causal model; <see cref="IdealRelabelling"/>).
/// </summary>
public readonly record struct FlipBudget
{
    private FlipBudget(double? fraction, int? count, bool ideal = false)
    {
        Fraction = fraction;
        Count = count;
        IsIdeal = ideal;
    }

    /// <summary>
    /// The ideal's count M*: as many flips as the pool has members with P0(y = 1 | g(x)) >= 1/2. Every strategy at this
    /// budget is compared with the ideal at the same number of flips (method.md section 2).
    /// </summary>
    public static FlipBudget Ideal { get; } = new(null, null, ideal: true);

    /// <summary>Whether this is <see cref="Ideal"/>.</summary>
    public bool IsIdeal { get; }

    /// <summary>M as a share of the pool in [0, 1], when the budget was given as a share.</summary>
    public double? Fraction { get; }
    /// <summary>M as a number of flips, when the budget was given as a count.</summary>
    public int? Count { get; }

    /// <summary>How a share of the pool is rounded to flips (a count is exact).</summary>
    public Rounding Rounding { get; init; }

    /// <summary>A budget of a share <paramref name="fraction"/> in [0, 1] of the pool.</summary>
    /// <exception cref="UserInputException">fraction is outside [0, 1] or NaN.</exception>
    public static FlipBudget ShareOfPool(double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1))
            throw new UserInputException($"a flip budget given as a share of the pool must lie in [0, 1]; got " +
                $"{fraction}");
        return new(fraction, null);
    }

    /// <summary>A budget of <paramref name="count"/> flips (at least 0; capped at the pool size when
    /// applied).</summary>
    /// <exception cref="UserInputException">count is negative.</exception>
    public static FlipBudget Flips(int count)
    {
        if (count < 0) throw new UserInputException($"a flip budget must be >= 0 flips; got {count}");
        return new(null, count);
    }

    /// <summary>
    /// M for a pool of <paramref name="poolSize"/>; a count larger than the pool flips the whole pool;
    /// <see cref="Ideal"/> takes <paramref name="idealCount"/>, the pool's M*.
    /// </summary>
    /// <exception cref="UserInputException">The budget is <see cref="Ideal"/> and no M* is known (no causal
    /// model).</exception>
    public int FlipCount(int poolSize, int? idealCount = null)
    {
        if (IsIdeal)
            return idealCount is { } m ? Math.Min(m, poolSize)
                : throw new UserInputException("the 'ideal' flip budget needs synthetic data with a known causal " +
                    "model (P0(y | g(x))) to count M*");
        return Count is { } c ? Math.Min(c, poolSize) : Rounding.Count(Fraction!.Value, poolSize);
    }

    /// <summary>Exact text ("0.0125 of pool", "40 flips", "1 flip", "ideal M*"): budgets that differ must never read
    /// alike.</summary>
    public override string ToString() => IsIdeal ? IdealText
        : Fraction is { } f ? $"{f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} of pool" : Count ==
            1 ? "1 flip" : $"{Count} flips";

    /// <summary>The text of <see cref="Ideal"/> in tables and stored labels.</summary>
    public const string IdealText = "ideal M*";
}
