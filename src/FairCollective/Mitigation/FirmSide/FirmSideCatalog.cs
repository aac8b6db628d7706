using System.Text.Json.Nodes;
using FairCollective.Common;
using FairCollective.Mitigation.Fare;
using FairCollective.Mitigation.PostProcessing;
using FairCollective.Mitigation.Steering;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>The registry of firm-side methods (the registry shape of every component kind): the built-in ones, then any
/// a plug-in registers; a spec names them case-insensitively and sets their options by name.</summary>
public static class FirmSideCatalog
{
    // What each variant's name fixes, and the knob each cell sets: never spec options.
    private static readonly string[] SteeringFixed =
        [nameof(SteeringOptions.Mode), nameof(SteeringOptions.Covariance), nameof(SteeringOptions.Interpolation),
            nameof(SteeringOptions.LogColumns)];
    private static readonly string[] CalibratedFixed =
        [nameof(CalibratedEqOddsOptions.CostConstraint), nameof(CalibratedEqOddsOptions.MixProbability),
            nameof(CalibratedEqOddsOptions.MixRateMultiplier)];

    private static readonly Registry<FirmSideEntry> Registry = new("firm-side method",
    [
        new FirmSideEntry(new ReweighingMethod()), new FirmSideEntry(new MassagingMethod()),
        FirmSideEntry.Of(new FareOptions(), [nameof(FareOptions.FairnessWeight)], o => new FareMethod(o)),
        Steering(SteeringMode.Affirmative, CovarianceKind.Diagonal), Steering(SteeringMode.Affirmative,
            CovarianceKind.Full),
        Steering(SteeringMode.AllSubgroups, CovarianceKind.Diagonal),
        Calibrated(CostConstraint.Weighted), Calibrated(CostConstraint.FalsePositiveRate),
            Calibrated(CostConstraint.FalseNegativeRate),
        FirmSideEntry.Of(new EqOddsPostProcessingOptions(), [nameof(EqOddsPostProcessingOptions.Strength)], o
            => new EqOddsPostProcessingMethod(o)),
        FirmSideEntry.Of(new ThresholdOptimizerOptions(), [nameof(ThresholdOptimizerOptions.Tolerance)], o
            => new ThresholdOptimizerMethod(o)),
    ]);

    private static FirmSideEntry Steering(SteeringMode mode, CovarianceKind covariance) =>
        FirmSideEntry.Of(new SteeringOptions { Mode = mode, Covariance = covariance }, SteeringFixed, o
            => new SteeringMethod(o));

    private static FirmSideEntry Calibrated(CostConstraint cost) =>
        FirmSideEntry.Of(new CalibratedEqOddsOptions { CostConstraint = cost }, CalibratedFixed, o
            => new CalibratedEqOddsMethod(o));

    /// <summary>Every method's name, in registry order.</summary>
    public static IReadOnlyList<string> Names => Registry.Names;

    /// <summary>Every method with its default options, in registry order.</summary>
    public static IReadOnlyList<IFirmSideMethod> All => Registry.Entries.Select(e => e.Method).ToArray();

    /// <summary>Every entry, in registry order.</summary>
    public static IReadOnlyList<FirmSideEntry> Entries => Registry.Entries;

    /// <summary>The method named <paramref name="name"/> (any case) with its default options; a user error naming the
    /// known ones otherwise.</summary>
    public static IFirmSideMethod Get(string name) => Registry.Get(name).Method;

    /// <summary>The entry of a method name given in any case (its origin says whether a plug-in added it).</summary>
    /// <exception cref="UserInputException">No method has the name.</exception>
    public static FirmSideEntry Entry(string name) => Registry.Get(name);

    /// <summary>Adds a firm-side method (a plug-in's, or a library user's at start-up); its name must be new, ignoring
    /// case.</summary>
    /// <exception cref="UserInputException">Another method has the name, or the name is empty or padded.</exception>
    public static void Register(FirmSideEntry entry) => Registry.Register(entry);

    /// <summary>The method built with <paramref name="optionsJson"/> (<see cref="OptionsJson"/>'s form); its defaults
    /// when null.</summary>
    public static IFirmSideMethod Create(string name, string? optionsJson)
    {
        var entry = Registry.Get(name);
        if (optionsJson is null || entry.Defaults is null) return entry.Method;
        // Recorded JSON holds the settable options only: the knob and the variant come from the defaults.
        var given = JsonNode.Parse(optionsJson)!.AsObject().Select(kv => (kv.Key, kv.Value));
        return entry.Create!(OptionOverrides.Apply(entry.Defaults, given, $"firm-side method '{entry.Name}'",
            entry.SetByTheMethod, OptionOverrides.EnumsAsText));
    }

    /// <summary>
    /// A method's options as canonical JSON (keys sorted, defaults included, the knob and variant left out) with
    /// <paramref name="overrides"/> applied by option name; null for a method without options (then no override may be
    /// given). Each value is checked by building the method.
    /// </summary>
    /// <exception cref="UserInputException">An unknown option, a wrong type, or a value the method refuses.</exception>
    public static string? OptionsJson(string name, IEnumerable<(string Option, JsonNode? Value)> overrides)
    {
        var entry = Registry.Get(name);
        var given = overrides.ToArray();
        if (entry.Defaults is null)
            return given.Length == 0 ? null : throw new
                UserInputException($"firm-side method '{entry.Name}' has no options beyond its knob");
        var options = OptionOverrides.Apply(entry.Defaults, given, $"firm-side method '{entry.Name}'",
            entry.SetByTheMethod, OptionOverrides.EnumsAsText);
        try
        {
            entry.Create!(options);
        }
        catch (UserInputException e) when (!e.Message.StartsWith("firm-side method '", StringComparison.Ordinal))
        {
            throw new UserInputException($"firm-side method '{entry.Name}': {e.Message}");
        }
        return OptionOverrides.Canonical(options, entry.SetByTheMethod, OptionOverrides.EnumsAsText);
    }

    /// <summary>The options a spec can set for <paramref name="name"/>, with their defaults (JSON values), in name
    /// order; empty for a method whose knob is its one setting.</summary>
    public static IReadOnlyList<(string Option, string Default)> SettableOptions(string name) =>
        Registry.Get(name) is { Defaults: { } defaults } entry ? OptionOverrides.Settable(defaults,
            entry.SetByTheMethod, OptionOverrides.EnumsAsText) : [];
}
