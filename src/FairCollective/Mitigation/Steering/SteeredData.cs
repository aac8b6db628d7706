using FairCollective.Data;

namespace FairCollective.Mitigation.Steering;

/// <summary>Training rows after steering and the per-row weights that equalise base rates.</summary>
/// <param name="X">The steered training rows (test rows are never moved).</param>
/// <param name="Weights">Per-row sample weights for the firm's fit.</param>
/// <param name="Solution">The steering that produced them.</param>
public sealed record SteeredData(DesignMatrix X, double[] Weights, SteeringSolution Solution);
