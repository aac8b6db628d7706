using FairCollective.Learning.Catalog;

namespace FairCollective.Collective.Strategies;

/// <summary>RB-prob's own options (spec <c>strategy.options.RB-prob</c>); the plausible-flips restriction reads the
/// same model, since it keeps the members whose RB-prob score reaches its threshold.</summary>
public sealed record RbProbOptions
{
    /// <summary>The learner (by catalog name) of the majority model f; the paper leaves it open, logistic regression is
    /// our default.</summary>
    public string Model { get; init; } = LearnerCatalog.Logistic;

    /// <summary>Refuses a learner no catalog entry has.</summary>
    /// <exception cref="Common.UserInputException">The model is not a known learner (the message lists
    /// them).</exception>
    public void Validate()
    {
        var learners = LearnerCatalog.Names;
        if (!learners.Contains(Model, StringComparer.OrdinalIgnoreCase))
            throw new Common.UserInputException($"unknown model '{Model}' (known: {string.Join(", ", learners)})");
    }
}
