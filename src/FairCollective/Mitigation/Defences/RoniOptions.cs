using FairCollective.Common;

namespace FairCollective.Mitigation.Defences;

/// <summary>Options of <see cref="Roni"/>.</summary>
public sealed record RoniOptions
{
    /// <summary>Default <see cref="QuizRows"/>: enough rows that one row's effect on the mean loss is measured, few
    /// enough to evaluate thousands of times.</summary>
    public const int DefaultQuizRows = 500;

    /// <summary>Default <see cref="CalibrationRows"/>: small training sets, on which one row's effect is visible
    /// (Nelson et al. train on small samples for the same reason).</summary>
    public const int DefaultCalibrationRows = 100;

    /// <summary>Default <see cref="CalibrationSets"/>: impacts are averaged over this many calibration sets.</summary>
    public const int DefaultCalibrationSets = 3;

    /// <summary>Default <see cref="Z"/>: a row is rejected when its impact is a clear outlier.</summary>
    public const double DefaultZ = 3;

    /// <summary>Most <see cref="QuizRows"/> (the quiz's loss is evaluated after every small fit).</summary>
    public const int QuizRowsLimit = 100_000;

    /// <summary>Most <see cref="CalibrationRows"/> (every screened row costs one fit on this many rows, per calibration
    /// set).</summary>
    public const int CalibrationRowsLimit = 10_000;

    /// <summary>Most <see cref="CalibrationSets"/> (each costs one small fit per screened row).</summary>
    public const int CalibrationSetsLimit = 100;

    /// <summary>The held-out slice of the firm's own rows on which impact is measured (at most half the rows); trusted,
    /// never screened.</summary>
    public int QuizRows { get; init; } = DefaultQuizRows;

    /// <summary>Rows in each calibration training set, drawn from the screened rows (label shares kept, both labels
    /// present).</summary>
    public int CalibrationRows { get; init; } = DefaultCalibrationRows;

    /// <summary>Calibration sets the impact is averaged over.</summary>
    public int CalibrationSets { get; init; } = DefaultCalibrationSets;

    /// <summary>A row is rejected when its impact exceeds the median impact by more than Z robust standard deviations
    /// (1.4826 x the median absolute deviation) and is harmful (above 0).</summary>
    public double Z { get; init; } = DefaultZ;

    internal void Validate()
    {
        string name = DefenceCatalog.Roni;
        if (QuizRows < 10) throw new
            UserInputException($"{name}: option 'quiz_rows' must be at least 10; got {QuizRows}");
        if (CalibrationRows < 4) throw new
            UserInputException($"{name}: option 'calibration_rows' must be at least 4; got {CalibrationRows}");
        if (CalibrationSets < 1) throw new
            UserInputException($"{name}: option 'calibration_sets' must be at least 1; got {CalibrationSets}");
        CountLimit.Check(QuizRows, QuizRowsLimit, $"{name}: option 'quiz_rows'");
        CountLimit.Check(CalibrationRows, CalibrationRowsLimit, $"{name}: option 'calibration_rows'");
        CountLimit.Check(CalibrationSets, CalibrationSetsLimit, $"{name}: option 'calibration_sets'");
        if (!(Z >= 0)
            || double.IsInfinity(Z)) throw new
            UserInputException($"{name}: option 'z' must be a finite number >= 0; got {Z}");
    }
}
