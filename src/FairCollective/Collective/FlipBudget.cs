using FairCollective.Common;

namespace FairCollective.Collective;

/// <summary>The number M of pool members that relabel: a count, or a share of the pool (rounded half up).</summary>
public readonly record struct FlipBudget
{
    private FlipBudget(double? fraction, int? count)
    {
        Fraction = fraction;
        Count = count;
    }

    /// <summary>M as a share of the pool in [0, 1], when the budget was given as a share.</summary>
    public double? Fraction { get; }
    /// <summary>M as a number of flips, when the budget was given as a count.</summary>
    public int? Count { get; }

    /// <summary>A budget of a share <paramref name="fraction"/> in [0, 1] of the pool.</summary>
    /// <exception cref="UserInputException">fraction is outside [0, 1] or NaN.</exception>
    public static FlipBudget ShareOfPool(double fraction)
    {
        if (!(fraction >= 0 && fraction <= 1)) throw new UserInputException($"a flip budget given as a share of the pool must lie in [0, 1]; got {fraction}");
        return new(fraction, null);
    }

    /// <summary>A budget of <paramref name="count"/> flips (at least 0; capped at the pool size when applied).</summary>
    /// <exception cref="UserInputException">count is negative.</exception>
    public static FlipBudget Flips(int count)
    {
        if (count < 0) throw new UserInputException($"a flip budget must be >= 0 flips; got {count}");
        return new(null, count);
    }

    /// <summary>M for a pool of <paramref name="poolSize"/>; a count larger than the pool flips the whole pool.</summary>
    public int FlipCount(int poolSize) => Count is { } c ? Math.Min(c, poolSize) : (int)Math.Floor(Fraction!.Value * poolSize + 0.5);

    /// <summary>Exact text ("0.0125 of pool", "40 flips"): budgets that differ must never read alike.</summary>
    public override string ToString() => Fraction is { } f ? $"{f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} of pool" : $"{Count} flips";
}
