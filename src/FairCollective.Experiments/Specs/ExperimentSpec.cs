using FairCollective.Collective;
using FairCollective.Learning;
using FairCollective.Collective.Strategies;
using FairCollective.Learning.Catalog;

namespace FairCollective.Experiments.Specs;

/// <summary>
/// A validated experiment: which datasets, learners, strategies, collective sizes, flip budgets, majority knowledge
/// and seeds to run. Every grid cell is one firm fit on relabelled data. Built by <see cref="SpecParser"/> from YAML
/// or JSON (docs/experiment-spec.md documents the format with an example per experiment).
/// </summary>
public sealed record ExperimentSpec
{
    public required string Name { get; init; }

    /// <summary>Where the spec was read from (its file path), for messages; "spec" for specs built in code.</summary>
    public string Source { get; init; } = "spec";
    public required IReadOnlyList<DatasetChoice> Datasets { get; init; }
    public required IReadOnlyList<string> Learners { get; init; }
    public required IReadOnlyList<string> Strategies { get; init; }
    public required IReadOnlyList<Collective.CollectiveSize> Sizes { get; init; }
    public required IReadOnlyList<Collective.FlipBudget> Budgets { get; init; }

    /// <summary>m: how many labelled majority rows the collective knows; null = all of them (the default).</summary>
    public required IReadOnlyList<int?> MajorityRows { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }
    public double TestFraction { get; init; } = SpecDefaults.TestFraction;
    public StrategySettings Strategy { get; init; } = new();

    /// <summary>Firm-side methods to compare with, each with its knob values (empty: none).</summary>
    public IReadOnlyList<FirmSideChoice> FirmSide { get; init; } = [];
    public LearnerSettings Learner { get; init; } = new();
}

/// <summary>A firm-side method and the knob values to sweep.</summary>
public sealed record FirmSideChoice(string Method, IReadOnlyList<double> Knobs);

/// <summary>A dataset by catalog name or path, with an optional CSV spec file for user data.</summary>
public sealed record DatasetChoice(string NameOrPath, string? SpecPath = null);

/// <summary>Defaults of spec keys that have no home in the library's own options.</summary>
public static class SpecDefaults
{
    /// <summary>Share of rows in the test split (stratified by label x group).</summary>
    public const double TestFraction = 0.3;

    /// <summary>The firm's learner when a spec names none.</summary>
    public const string Learner = FairCollective.Learning.Catalog.LearnerCatalog.Logistic;
}
