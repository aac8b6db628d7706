using System.Globalization;
using System.Text.RegularExpressions;
using FairCollective.Common;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// Limits on what one experiment may ask for, checked before anything is computed (docs/experiment-spec.md,
/// "Limits"). They exist so that a typo (a step of 1e-12, a seed count of 10^9) is a one-line error instead of
/// hours of work or an out-of-memory crash; a real sweep larger than this is split into several experiments.
/// </summary>
public static partial class SpecLimits
{
    /// <summary>Values one grid axis (alphas, members, budgets, seeds, majority_rows, knobs) may hold.</summary>
    public const int MaxAxisValues = 10_000;

    /// <summary>Cells one experiment may have (the largest paper experiment has 8,520).</summary>
    public const long MaxCells = 2_000_000;

    /// <summary>Most bootstrap resamples per cell (<c>bootstrap.resamples</c>): beyond this the intervals barely move
    /// and runs slow down.</summary>
    public const int MaxBootstrapResamples = 10_000;

    /// <summary>
    /// An experiment name becomes a file name (&lt;name&gt;.sqlite beside the spec): letters, digits, '.', '_' and
    /// '-', starting with a letter or digit, at most 100 characters, so it can never point outside the spec's folder.
    /// </summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    public static partial Regex NamePattern();

    /// <summary>The number of cells <paramref name="spec"/> enumerates (computed without enumerating them).</summary>
    public static long CellCount(ExperimentSpec spec)
    {
        // Firm-side methods run once, without a defence; the base and the collective once per defence.
        double perSplit = spec.FirmSide.Sum(f => (double)f.Knobs.Count)
                          + (double)spec.Defences.Count * (1 + (double)spec.MajorityRows.Count * spec.Sizes.Count *
                              spec.Strategies.Count * spec.Plausibility.Count * spec.Budgets.Count);
        double total = (double)spec.Datasets.Count * spec.Seeds.Count * spec.Learners.Count * perSplit;
        return total > long.MaxValue ? long.MaxValue : (long)total;
    }

    /// <summary>Refuses a spec with more than <see cref="MaxCells"/> cells.</summary>
    public static void CheckGridSize(ExperimentSpec spec)
    {
        long cells = CellCount(spec);
        if (cells > MaxCells)
            throw new UserInputException($"{spec.Source}: the grid has " +
                $"{cells.ToString("N0", CultureInfo.InvariantCulture)} cells, more than the limit of " +
                $"{MaxCells.ToString("N0", CultureInfo.InvariantCulture)} for one experiment; split it into several " +
                "experiments");
    }
}
