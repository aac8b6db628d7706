using FairCollective.Common;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>The registry of firm-side methods (the registry shape of every component kind): the built-in ones, then any
/// a plug-in registers; a spec names them case-insensitively.</summary>
public static class FirmSideCatalog
{
    private static readonly Registry<FirmSideEntry> Registry = new("firm-side method", new IFirmSideMethod[]
    {
        new ReweighingMethod(), new MassagingMethod(), new FareMethod(),
        new SteeringMethod(Mitigation.Steering.SteeringMode.Affirmative),
        new SteeringMethod(Mitigation.Steering.SteeringMode.Affirmative, Mitigation.Steering.CovarianceKind.Full),
        new SteeringMethod(Mitigation.Steering.SteeringMode.AllSubgroups),
        new CalibratedEqOddsMethod(PostProcessing.CostConstraint.Weighted), new CalibratedEqOddsMethod(PostProcessing.CostConstraint.FalsePositiveRate),
        new CalibratedEqOddsMethod(PostProcessing.CostConstraint.FalseNegativeRate), new EqOddsPostProcessingMethod(), new ThresholdOptimizerMethod(),
    }.Select(m => new FirmSideEntry(m)));

    /// <summary>Every method's name, in registry order.</summary>
    public static IReadOnlyList<string> Names => Registry.Names;

    /// <summary>Every method, in registry order.</summary>
    public static IReadOnlyList<IFirmSideMethod> All => Registry.Entries.Select(e => e.Method).ToArray();

    /// <summary>The method named <paramref name="name"/> (any case); a user error naming the known ones
    /// otherwise.</summary>
    public static IFirmSideMethod Get(string name) => Registry.Get(name).Method;

    /// <summary>The entry of a method name given in any case (its origin says whether a plug-in added it).</summary>
    /// <exception cref="UserInputException">No method has the name.</exception>
    public static FirmSideEntry Entry(string name) => Registry.Get(name);

    /// <summary>Adds a firm-side method (a plug-in's, or a library user's at start-up); its name must be new, ignoring
    /// case.</summary>
    /// <exception cref="UserInputException">Another method has the name, or the name is empty or padded.</exception>
    public static void Register(FirmSideEntry entry) => Registry.Register(entry);
}
