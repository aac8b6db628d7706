using FairCollective.Common;

namespace FairCollective.Reporting.Figures;

/// <summary>A linear decision boundary w1 x1 + w2 x2 + b = 0 (the model predicts 1 where the left side is
/// positive).</summary>
/// <param name="W1">Weight of x1.</param>
/// <param name="W2">Weight of x2.</param>
/// <param name="B">Intercept.</param>
public readonly record struct LinearBoundary(double W1, double W2, double B);

/// <summary>One training point of the 2-D toy data.</summary>
/// <param name="X1">First feature.</param>
/// <param name="X2">Second feature.</param>
/// <param name="IsMinority">Whether the point belongs to the minority.</param>
/// <param name="Label">Label the firm trains on, after the collective acted (1 = favourable).</param>
/// <param name="Flipped">Whether the collective relabelled this point 0 -> 1.</param>
public readonly record struct ToyPoint(double X1, double X2, bool IsMinority, int Label, bool Flipped);

/// <summary>
/// What the toy figure draws, filled by the engine (the results store does not hold points): the 2-D data, the logistic
/// regression boundary before and after the collective acts, and error and EqOd before and after. Label is the label
/// the firm sees after the collective acted (flipped points carry 1).
/// </summary>
/// <param name="Points">The training points.</param>
/// <param name="Before">Boundary of the firm's model before the collective acts.</param>
/// <param name="After">Boundary after the collective acts.</param>
/// <param name="ErrorBefore">Test error before, in [0, 1].</param>
/// <param name="ErrorAfter">Test error after, in [0, 1].</param>
/// <param name="EqOdBefore">Test EqOd before, in [0, 1].</param>
/// <param name="EqOdAfter">Test EqOd after, in [0, 1].</param>
public sealed record ToyFigureData(IReadOnlyList<ToyPoint> Points, LinearBoundary Before, LinearBoundary After,
    double ErrorBefore, double ErrorAfter, double EqOdBefore, double EqOdAfter)
{
    /// <summary>The figure's data from the engine's toy run
    /// (<see cref="Experiments.Reproduction.ToyScenario.Run"/>).</summary>
    public static ToyFigureData Of(Experiments.Reproduction.ToyScenario.Result r) => new(
        r.Points.Select(p => new ToyPoint(p.X1, p.X2, p.IsMinority, p.Label, p.Flipped)).ToArray(),
        new LinearBoundary(r.Before.W1, r.Before.W2, r.Before.B), new LinearBoundary(r.After.W1, r.After.W2, r.After.B),
        r.ErrorBefore, r.ErrorAfter, r.EqOdBefore, r.EqOdAfter);

    /// <summary>Refuses data the figure cannot draw, naming the problem.</summary>
    public void Validate()
    {
        if (Points.Count == 0) throw new UserInputException("toy figure: no points");
        if (Points.Any(p => !double.IsFinite(p.X1)
            || !double.IsFinite(p.X2))) throw new UserInputException("toy figure: a point has a non-finite coordinate");
        if (Points.Any(p => p.Label is not (0 or 1))) throw new UserInputException("toy figure: labels must be 0 or 1");
        foreach (var (name, b) in new[] { ("before", Before), ("after", After) })
            if (!double.IsFinite(b.W1) || !double.IsFinite(b.W2) || !double.IsFinite(b.B) || (b.W1 == 0 && b.W2 == 0))
                throw new UserInputException($"toy figure: the boundary {name} is not a line (weights must be finite " +
                    "and not both zero)");
    }
}
