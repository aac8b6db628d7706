using FairCollective.Common;

namespace FairCollective.Fairness;

/// <summary>Options of <see cref="FairnessBootstrap"/> (percentile bootstrap over rows).</summary>
public sealed record BootstrapOptions
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 1000;
    /// <summary>Default confidence level: 95%.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>Purpose string under which resample b draws from <c>Seeds.Create(Seed, SeedPurpose, b)</c>.</summary>
    public const string SeedPurpose = "bootstrap";

    /// <summary>Number of bootstrap resamples.</summary>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>Two-sided confidence level of the percentile interval.</summary>
    public double Level { get; init; } = DefaultLevel;

    /// <summary>
    /// Resample within each group, keeping every group's size fixed (default false: resample all rows). Keeps a
    /// small minority from vanishing in a resample, which would make its metrics undefined.
    /// </summary>
    public bool StratifyByGroup { get; init; }

    /// <summary>Seed of the resampling streams.</summary>
    public int Seed { get; init; }

    /// <summary>Undefined-rate mode used inside every resample.</summary>
    public UndefinedRate UndefinedRate { get; init; } = GroupConfusionOptions.DefaultUndefinedRate;

    /// <summary>Threads to use; -1 = all. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        if (Resamples < 1) throw new UserInputException($"Option 'resamples' is {Resamples}; it must be at least 1.");
        if (!(Level > 0 && Level < 1))
            throw new UserInputException($"Option 'level' is {Level}; it must lie strictly between 0 and 1.");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new UserInputException($"Option 'max-degree-of-parallelism' is {MaxDegreeOfParallelism}; use -1 or " +
                "a positive number.");
    }
}
