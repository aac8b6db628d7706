using FairCollective.Common;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>The firm-side methods a spec may name (case-insensitive).</summary>
public static class FirmSideCatalog
{
    private static readonly IFirmSideMethod[] Methods =
    [
        new ReweighingMethod(), new MassagingMethod(), new FareMethod(),
        new SteeringMethod(Mitigation.Steering.SteeringMode.Affirmative), new SteeringMethod(Mitigation.Steering.SteeringMode.AllSubgroups),
        new CalibratedEqOddsMethod(), new EqOddsPostProcessingMethod(), new ThresholdOptimizerMethod(),
    ];

    public static IReadOnlyList<string> Names { get; } = Methods.Select(m => m.Name).ToArray();

    public static IReadOnlyList<IFirmSideMethod> All => Methods;

    public static IFirmSideMethod Get(string name) =>
        Methods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException($"unknown firm-side method '{name}' (known: {string.Join(", ", Names)})");
}
