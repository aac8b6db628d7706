using FairCollective.Mitigation.PreProcessing;

namespace FairCollective.Mitigation.FirmSide;

/// <summary>Reweighing (Kamiran and Calders): knob = strength lambda, weights (1 - lambda) + lambda * w(a,
/// y).</summary>
public sealed class ReweighingMethod : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => "Reweighing";
    /// <inheritdoc/>
    public string KnobDescription => "strength lambda: 0 = unweighted, 1 = full reweighing";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.25, 0.5, 0.75, 1.0];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var weights = Reweighing.FitTransform(c.Split.TrainY, c.Split.TrainGroups, default,
            new ReweighingOptions { Strength = knob });
        return FirmSideOutcome.Of(c.RefitAndPredict(c.Split.TrainY, weights));
    }
}

/// <summary>Massaging (Kamiran and Calders): the base model ranks; knob = fraction of the prescribed
/// relabels.</summary>
public sealed class MassagingMethod : IFirmSideMethod
{
    /// <inheritdoc/>
    public string Name => "Massaging";
    /// <inheritdoc/>
    public string KnobDescription => "fraction of the prescribed promotions and demotions";
    /// <inheritdoc/>
    public IReadOnlyList<double> DefaultKnobs { get; } = [0.25, 0.5, 0.75, 1.0];

    /// <inheritdoc/>
    public FirmSideOutcome Run(FirmSideContext c, double knob)
    {
        var massaged = Massaging.Apply(c.Split.TrainY, c.Split.TrainGroups, c.TrainScores,
            new MassagingOptions { Fraction = knob });
        return FirmSideOutcome.Of(c.RefitAndPredict(massaged.Labels));
    }
}
