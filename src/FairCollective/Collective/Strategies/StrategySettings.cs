namespace FairCollective.Collective.Strategies;

/// <summary>
/// Options of the collective's strategies that can change a ranking (method.md section 3 leaves them open; these
/// are our defaults). One record serves the strategies, the experiment spec and every stored cell's configuration:
/// spec parsing and writing, the cell key and the stored settings all read its properties through one codec
/// (<c>SettingsCodec</c> in the experiments assembly), so a property added here is in all of them with no other code.
/// </summary>
public sealed record StrategySettings
{
    /// <summary>Neighbours of RB-label and RB-dist.</summary>
    public int K { get; init; } = NeighbourStrategyOptions.DefaultK;

    /// <summary>How equal scores are ordered.</summary>
    public TieRule TieRule { get; init; } = TieRule.SeededRandom;

    /// <summary>Which features the neighbour strategies measure distances on.</summary>
    public NeighbourScaling Scaling { get; init; } = NeighbourScaling.EncodedStandardised;

    /// <summary>Which features the strategies score on; default the counterfactual features (method.md section
    /// 3).</summary>
    public ScoringSpace ScoringSpace { get; init; } = ScoringSpace.Counterfactual;

    /// <summary>The learner (by catalog name) of RB-prob's majority model.</summary>
    public string RbProbModel { get; init; } = FairCollective.Learning.Catalog.LearnerCatalog.Logistic;

    /// <summary>Refuses a setting no strategy can run with, naming it as a spec writes it ("strategy.k").</summary>
    /// <exception cref="Common.UserInputException">k below 1 or above <see cref="NeighbourStrategyOptions.KLimit"/>, or
    /// an unknown learner.</exception>
    public void Validate()
    {
        if (K < 1) throw new Common.UserInputException("strategy.k must be at least 1");
        Common.CountLimit.Check(K, NeighbourStrategyOptions.KLimit, "strategy.k");
        var learners = FairCollective.Learning.Catalog.LearnerCatalog.Names;
        if (!learners.Contains(RbProbModel, StringComparer.OrdinalIgnoreCase))
            throw new Common.UserInputException($"unknown strategy.rb_prob_model '{RbProbModel}' (known: {string.Join(", ", learners)})");
    }
}
