namespace FairCollective.Experiments.Specs;

/// <summary>The one rule that turns a range {from, to, step} into grid values, for specs and the built-in experiments
/// alike.</summary>
public static class GridAxis
{
    // Tolerance on the step count, so 'to' is included when (to - from) / step is a whole number up to rounding.
    private const double StepTolerance = 1e-9;

    // Decimals kept: values are from + i * step rounded, so 0.1 + 0.2 style drift never reaches a cell's key.
    private const int Decimals = 12;

    /// <summary>How many values the range holds (as a double, so a huge range can be refused before it is
    /// built).</summary>
    public static double Count(double from, double to, double step)
        => Math.Floor((to - from) / step + StepTolerance) + 1;

    /// <summary>from, from + step, ..., up to and including <paramref name="to"/> within rounding.</summary>
    public static double[] Range(double from, double to, double step) =>
        Enumerable.Range(0, (int)Count(from, to, step)).Select(i => Math.Round(from + i * step, Decimals)).ToArray();
}
