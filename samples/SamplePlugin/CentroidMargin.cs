using FairCollective.Mitigation.Defences;

namespace SamplePlugin;

/// <summary>The centroid-margin defence's one option, with its default.</summary>
public sealed record CentroidMarginOptions
{
    /// <summary>The default <see cref="Margin"/>.</summary>
    public const double DefaultMargin = 1;

    /// <summary>A row is flagged when it lies this much closer (in squared distance) to the other label's centroid than
    /// to its own; at least 0.</summary>
    public double Margin { get; init; } = DefaultMargin;
}

/// <summary>
/// A sample defence: drops the training rows that lie clearly nearer the centroid of the other label's rows than their
/// own label's (a flipped label tends to sit among the other class).
/// </summary>
public sealed class CentroidMargin(CentroidMarginOptions options) : IDefence
{
    /// <summary>The name specs use.</summary>
    public const string DefenceName = "centroid-margin";

    /// <inheritdoc/>
    public string Name => DefenceName;

    /// <inheritdoc/>
    public DefenceOutcome Apply(DefenceInput input)
    {
        if (!(options.Margin >= 0)) throw new
            FairCollective.Common.UserInputException($"{DefenceName}: margin must be at least 0; got {options.Margin}");
        var x = input.X;
        var model = new NearestCentroid(new NearestCentroidOptions()).Fit(x, input.Labels);
        // P(y = 1) = sigmoid(d0^2 - d1^2) at temperature 1: the log-odds are the squared-distance difference.
        var p = model.PredictProba(x);
        var flagged = new bool[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            double logOdds = Math.Log(p[i] / (1 - p[i]));
            flagged[i] = input.Labels[i] == 1 ? logOdds < -options.Margin : logOdds > options.Margin;
        }
        return new DefenceOutcome(flagged, DefenceAction.Drop);
    }
}
