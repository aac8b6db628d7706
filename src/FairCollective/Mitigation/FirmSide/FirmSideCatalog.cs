using FairCollective.Common;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>The registry of firm-side methods: the one place to add one (a spec names them case-insensitively).</summary>
public static class FirmSideCatalog
{
    private static readonly IFirmSideMethod[] Methods =
    [
        new ReweighingMethod(), new MassagingMethod(), new FareMethod(),
        new SteeringMethod(Mitigation.Steering.SteeringMode.Affirmative),
        new SteeringMethod(Mitigation.Steering.SteeringMode.Affirmative, Mitigation.Steering.CovarianceKind.Full),
        new SteeringMethod(Mitigation.Steering.SteeringMode.AllSubgroups),
        new CalibratedEqOddsMethod(PostProcessing.CostConstraint.Weighted), new CalibratedEqOddsMethod(PostProcessing.CostConstraint.FalsePositiveRate),
        new CalibratedEqOddsMethod(PostProcessing.CostConstraint.FalseNegativeRate), new EqOddsPostProcessingMethod(), new ThresholdOptimizerMethod(),
    ];

    /// <summary>Every method's name, in registry order.</summary>
    public static IReadOnlyList<string> Names { get; } = Methods.Select(m => m.Name).ToArray();

    /// <summary>Every method, in registry order.</summary>
    public static IReadOnlyList<IFirmSideMethod> All => Methods;

    /// <summary>The method named <paramref name="name"/> (any case); a user error naming the known ones otherwise.</summary>
    public static IFirmSideMethod Get(string name) =>
        Methods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"unknown firm-side method '{name}' (known: {string.Join(", ", Names)})");
}
