namespace FairCollective.Mitigation.FirmSide;

/// <summary>
/// A firm-side fairness method with one trade-off knob: run at a knob value on one prepared split, it yields the
/// firm's test predictions. Sweeping the knob traces a front of EqOd against error.
/// </summary>
public interface IFirmSideMethod
{
    /// <summary>Name in specs, tables and figures.</summary>
    string Name { get; }

    /// <summary>What the knob means, for tables and the report.</summary>
    string KnobDescription { get; }

    /// <summary>The knob values of the firm-side experiment.</summary>
    IReadOnlyList<double> DefaultKnobs { get; }

    /// <summary>The method at <paramref name="knob"/> (in [0, 1]; a value outside is a user error) on the context's split: the firm's test predictions.</summary>
    FirmSideOutcome Run(FirmSideContext context, double knob);
}

/// <summary>
/// Test predictions of a firm-side method: a sampled (seeded) hard prediction per row, and for randomised
/// post-processors also the probability of predicting 1, from which expected rates follow.
/// </summary>
/// <param name="Predicted">The sampled prediction per test row, in {0, 1}.</param>
/// <param name="PositiveProbability">Randomised post-processors: P(prediction = 1) per test row; null for deterministic methods.</param>
/// <param name="Measures">What the method reports of itself beside its predictions (FARE's certificate), keyed by the metric registry's keys; null when nothing.</param>
public sealed record FirmSideOutcome(int[] Predicted, double[]? PositiveProbability = null, IReadOnlyDictionary<string, double>? Measures = null);
