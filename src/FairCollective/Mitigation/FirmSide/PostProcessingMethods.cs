using FairCollective.Mitigation.PostProcessing;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>Calibrated equalized odds (Pleiss et al.), weighted cost; knob = multiplier on the mix rate.</summary>
public sealed class CalibratedEqOddsMethod : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => "CalibratedEqOdds";
    /// <inheritdoc/>
    public string KnobDescription => "multiplier on the fitted mix rate";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.25, 0.5, 0.75, 1.0];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var model = CalibratedEqOdds.Fit(c.TrainScores, c.Split.TrainY, c.Split.TrainGroups, new CalibratedEqOddsOptions { MixRateMultiplier = knob });
        var (_, labels) = model.Predict(c.TestScores, c.Split.TestGroups, c.Seed);
        return new FirmSideOutcome(labels, model.PositiveProbability(c.TestScores, c.Split.TestGroups));
    }
}

/// <summary>Equalized-odds post-processing (Hardt, Price, Srebro); knob = strength towards the LP solution.</summary>
public sealed class EqOddsPostProcessingMethod : IFirmSideMethod
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
        var trainPred = c.BaseModel.Predict(c.Split.TrainX);
        var testPred = c.BaseModel.Predict(c.Split.TestX);
        var model = EqOddsPostProcessing.Fit(c.Split.TrainY, trainPred, c.Split.TrainGroups, new EqOddsPostProcessingOptions { Strength = knob });
        return new FirmSideOutcome(model.Predict(testPred, c.Split.TestGroups, c.Seed), model.PositiveProbability(testPred, c.Split.TestGroups));
    }
}

/// <summary>Threshold optimizer with equalized-odds constraints (fairlearn's construction); knob = TPR tolerance.</summary>
public sealed class ThresholdOptimizerMethod : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => "ThresholdOptimizer";
    /// <inheritdoc/>
    public string KnobDescription => "tolerance on the groups' TPR gap (0 = exact equalized odds on the fit data)";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.0, 0.02, 0.05, 0.1, 0.2];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var model = ThresholdOptimizer.Fit(c.TrainScores, c.Split.TrainY, c.Split.TrainGroups, new ThresholdOptimizerOptions { Tolerance = knob });
        return new FirmSideOutcome(model.Predict(c.TestScores, c.Split.TestGroups, c.Seed), model.PositiveProbability(c.TestScores, c.Split.TestGroups));
    }
}
