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

    /// <summary>The method at <paramref name="knob"/> (in [0, 1]; a value outside is a user error) on the context's
    /// split: the firm's test predictions.</summary>
    FirmSideOutcome Run(FirmSideContext context, double knob);
}

/// <summary>
/// Test predictions of a firm-side method: a sampled (seeded) hard prediction per row, and for randomised
/// post-processors also the probability of predicting 1, from which expected rates follow; and, where the split has a
/// validation part, the same model's predictions there, so its knob can be chosen without looking at the test rows.
/// </summary>
/// <param name="Predicted">The sampled prediction per test row, in {0, 1}.</param>
/// <param name="PositiveProbability">Randomised post-processors: P(prediction = 1) per test row; null for deterministic
/// methods.</param>
/// <param name="Measures">What the method reports of itself beside its predictions (FARE's certificate), keyed by the
/// metric registry's keys; null when nothing.</param>
/// <param name="ValidationPredicted">The prediction per validation row, in {0, 1}; null when the split has no
/// validation part.</param>
public sealed record FirmSideOutcome(int[] Predicted, double[]? PositiveProbability = null, IReadOnlyDictionary<string,
    double>? Measures = null,
    int[]? ValidationPredicted = null)
{
    /// <summary>The outcome of a model's predictions on both parts (<see cref="SplitPredictions"/>).</summary>
    public static FirmSideOutcome Of(SplitPredictions predictions, IReadOnlyDictionary<string,
        double>? measures = null) =>
        new(predictions.Test, Measures: measures, ValidationPredicted: predictions.Validation);
}

/// <summary>One fitted model's predictions on the test split and, where there is one, on the validation
/// split.</summary>
/// <param name="Test">Prediction per test row.</param>
/// <param name="Validation">Prediction per validation row; null without a validation split.</param>
public sealed record SplitPredictions(int[] Test, int[]? Validation);
