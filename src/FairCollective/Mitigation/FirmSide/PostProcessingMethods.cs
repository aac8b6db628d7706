using FairCollective.Mitigation.PostProcessing;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// Calibrated equalized odds (Pleiss et al.; AIF360) with one of its three cost constraints. The knob traces the whole
/// trade-off of the mixed (lower-cost) group: 0 is the base model, 0.5 the fitted solution (its mix rate, which
/// equalises the two groups' costs when reachable), 1 full mixing (every member of that group gets its base rate);
/// linear in the mixing probability between those points. Fitted on the context's fitting rows
/// (<see cref="FirmSideContext.FitScores"/>).
/// </summary>
/// <param name="options">The group cost to equalise (it names the variant) and the label threshold; the knob sets the
/// mixing.</param>
public sealed class CalibratedEqOddsMethod(CalibratedEqOddsOptions options) : IFirmSideMethod
{
    private readonly CalibratedEqOddsOptions _options = options with { MixProbability = null };

    /// <summary>The cost constraint this method equalises.</summary>
    public CostConstraint Cost => _options.CostConstraint;

    /// <inheritdoc/>
    public string Name => Cost switch
    {
        CostConstraint.Weighted => "CalibratedEqOdds",
        CostConstraint.FalsePositiveRate => "CalibratedEqOdds-FPR",
        _ => "CalibratedEqOdds-FNR",
    };

    /// <inheritdoc/>
    public string KnobDescription
        => "mixing of the lower-cost group: 0 base model, 0.5 the fitted (cost-equalising) mix rate, 1 full mixing";

    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.25, 0.5, 0.625, 0.75, 0.875, 1.0];

    /// <summary>The mixing probability of knob <paramref name="knob"/> given the fitted mix rate (clipped to [0,
    /// 1]).</summary>
    public static double MixProbability(double knob, double fittedMixRate)
    {
        double m = double.IsNaN(fittedMixRate) ? 0 : Math.Clamp(fittedMixRate, 0, 1);
        return knob <= 0.5 ? 2 * knob * m : m + (2 * knob - 1) * (1 - m);
    }

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        MitigationInput.UnitInterval(Name, knob, "knob");
        var fitted = CalibratedEqOdds.Fit(c.FitScores, c.FitLabels, c.FitGroups, _options);
        double mix = Math.Max(NaNToZero(fitted.Majority.MixRate),
            NaNToZero(fitted.Minority.MixRate)); // only the lower-cost group mixes
        var model = CalibratedEqOdds.Fit(c.FitScores, c.FitLabels, c.FitGroups,
            _options with { MixProbability = MixProbability(knob, mix) });
        var (_, labels) = model.Predict(c.TestScores, c.Split.TestGroups, c.Seed);
        return new FirmSideOutcome(labels, model.PositiveProbability(c.TestScores, c.Split.TestGroups),
            ValidationPredicted: c.ValidationScores is { } v ? model.Predict(v, c.Split.ValidationGroups!,
                c.Seed).Labels : null);
    }

    private static double NaNToZero(double v) => double.IsNaN(v) ? 0 : v;
}

/// <summary>Equalized-odds post-processing (Hardt, Price, Srebro); knob = strength towards the LP solution.</summary>
/// <param name="options">How the mixing rates become predictions; the knob sets the strength.</param>
public sealed class EqOddsPostProcessingMethod(EqOddsPostProcessingOptions options) : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => "EqOddsPostProcessing";
    /// <inheritdoc/>
    public string KnobDescription => "strength lambda between the base predictions (0) and the LP solution (1)";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.25, 0.5, 0.75, 1.0];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var fitPred = c.FitPredictions;
        var testPred = c.BaseModel.Predict(c.Split.TestX);
        var model = EqOddsPostProcessing.Fit(c.FitLabels, fitPred, c.FitGroups, options with { Strength = knob });
        return new FirmSideOutcome(model.Predict(testPred, c.Split.TestGroups, c.Seed),
            model.PositiveProbability(testPred, c.Split.TestGroups),
            ValidationPredicted: c.ValidationPredictions is { } v ? model.Predict(v, c.Split.ValidationGroups!,
                c.Seed) : null);
    }
}

/// <summary>Threshold optimizer with equalized-odds constraints (fairlearn's construction); knob = TPR
/// tolerance.</summary>
/// <param name="options">The FPR grid; the knob sets the tolerance.</param>
public sealed class ThresholdOptimizerMethod(ThresholdOptimizerOptions options) : IFirmSideMethod
{
    private readonly ThresholdOptimizerOptions _options = Checked(options);

    /// <inheritdoc/>
    public string Name => "ThresholdOptimizer";
    /// <inheritdoc/>
    public string KnobDescription => "tolerance on the groups' TPR gap (0 = exact equalized odds on the fit data)";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.0, 0.02, 0.05, 0.1, 0.2];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var model = ThresholdOptimizer.Fit(c.FitScores, c.FitLabels, c.FitGroups, _options with { Tolerance = knob });
        return new FirmSideOutcome(model.Predict(c.TestScores, c.Split.TestGroups, c.Seed),
            model.PositiveProbability(c.TestScores, c.Split.TestGroups),
            ValidationPredicted: c.ValidationScores is { } v ? model.Predict(v, c.Split.ValidationGroups!,
                c.Seed) : null);
    }

    private static ThresholdOptimizerOptions Checked(ThresholdOptimizerOptions options)
    {
        if (options.GridSize < 1) throw new
            Common.UserInputException($"option grid_size must be at least 1; got {options.GridSize}");
        Common.CountLimit.Check(options.GridSize, ThresholdOptimizerOptions.GridSizeLimit, "option grid_size");
        return options;
    }
}
