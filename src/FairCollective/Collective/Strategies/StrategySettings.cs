
namespace FairCollective.Collective.Strategies;

/// <summary>
/// Options of the collective's strategies that can change a ranking (method.md section 3 leaves them open; these
/// are our defaults). One record serves the strategies, the experiment spec and every stored cell's configuration,
/// so no option can be set in one place and forgotten in another.
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
}
