using FairCollective.Common;

namespace FairCollective.Collective.Strategies;

/// <summary>Which features the nearest-neighbour strategies measure distance on.</summary>
public enum NeighbourScaling
{
    /// <summary>The firm's encoded design matrix: numeric columns z-scored on the training split, categoricals one-hot
    /// (method.md's default).</summary>
    [SpecName("encoded"), System.Text.Json.Serialization.JsonStringEnumMemberName("encoded")]
    EncodedStandardised,

    /// <summary>The encoded matrix re-standardised column by column over the rows the collective knows (pool and known
    /// majority), so one-hot columns weigh like numeric ones.</summary>
    [SpecName("all-columns"), System.Text.Json.Serialization.JsonStringEnumMemberName("all-columns")]
    AllColumnsStandardised,
}
