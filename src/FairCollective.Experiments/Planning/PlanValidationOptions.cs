using FairCollective.Common;
using FairCollective.Experiments.Specs;
using FairCollective.Planning;

namespace FairCollective.Experiments.Planning;

/// <summary>
/// Settings of the planner's validation (<see cref="PlanValidation"/>): on which data sets, seeds, collective sizes and
/// majority samples the planner is given only what the collective knows and then checked against the real firm.
/// </summary>
public sealed record PlanValidationOptions
{
    /// <summary>Default data sets: the bundled ones.</summary>
    public static IReadOnlyList<string> DefaultDatasets { get; } = ["compas", "acs-az", "adult"];

    /// <summary>Default collective sizes (shares of the minority's training rows).</summary>
    public static IReadOnlyList<double> DefaultAlphas { get; } = [0.1, 0.2, 0.3];

    /// <summary>Default majority samples: 10 and 100 rows, all of them, and none (the fallback majority).</summary>
    public static IReadOnlyList<int?> DefaultMajorityRows { get; } = [10, 100, null, 0];

    /// <summary>Default replicates per plan (fewer than a user's default: the validation makes hundreds of
    /// plans).</summary>
    public const int DefaultReplicates = 100;

    /// <summary>Default target: halve the predicted unfairness of no action.</summary>
    public const double DefaultTargetReduction = 0.5;

    /// <summary>Usefulness tolerance: the planner's budget is useful when its achieved EqOd is within this of the best
    /// budget in hindsight.</summary>
    public const double UsefulWithin = 0.02;

    /// <summary>Data sets (catalog names or dataset files).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = DefaultDatasets;

    /// <summary>Seeds: each is one split and one collective order.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2, 3, 4];

    /// <summary>Collective sizes, shares of the minority's training rows.</summary>
    public IReadOnlyList<double> Alphas { get; init; } = DefaultAlphas;

    /// <summary>Majority rows the collective knows: a number, null = all, 0 = none (the planner's fallback
    /// majority).</summary>
    public IReadOnlyList<int?> MajorityRows { get; init; } = DefaultMajorityRows;

    /// <summary>Replicates per plan.</summary>
    public int Replicates { get; init; } = DefaultReplicates;

    /// <summary>The target each plan is asked about: a relative reduction of its predicted unfairness without
    /// action.</summary>
    public double TargetReduction { get; init; } = DefaultTargetReduction;

    /// <summary>The planner's <see cref="PlannerOptions.SamplePriorRows"/>.</summary>
    public int SamplePriorRows { get; init; } = PlannerOptions.DefaultSamplePriorRows;

    /// <summary>Share of rows in each test split.</summary>
    public double TestFraction { get; init; } = SpecDefaults.TestFraction;

    /// <summary>Plans computed at once (-1: all cores); results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The quick version: COMPAS and ACS AZ, seeds 0 and 1, alphas 0.1 and 0.3, 50 replicates.</summary>
    public static PlanValidationOptions Quick { get; } = new()
    {
        Datasets = ["compas", "acs-az"], Seeds = [0, 1], Alphas = [0.1, 0.3], Replicates = 50,
    };

    internal void Validate()
    {
        if (Datasets.Count == 0 || Seeds.Count == 0 || Alphas.Count == 0 || MajorityRows.Count == 0)
            throw new UserInputException("plan-validation: every list (datasets, seeds, alphas, majority rows) needs " +
                "at least one entry");
        foreach (var a in Alphas)
            if (!(a > 0 && a <= 1)) throw new UserInputException($"plan-validation: alpha must lie in (0, 1]; got {a}");
        foreach (var m in MajorityRows)
            if (m < 0) throw new UserInputException($"plan-validation: majority rows must be >= 0; got {m}");
        if (Replicates < 10) throw new
            UserInputException($"plan-validation: replicates must be at least 10; got {Replicates}");
        if (!(TargetReduction > 0 && TargetReduction <= 1))
            throw new UserInputException($"plan-validation: target reduction must lie in (0, 1]; got " +
                $"{TargetReduction}");
    }
}
