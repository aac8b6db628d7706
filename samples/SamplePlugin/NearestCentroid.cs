using FairCollective.Data;
using FairCollective.Learning;

namespace SamplePlugin;

/// <summary>The nearest-centroid learner's one option, with its default.</summary>
public sealed record NearestCentroidOptions
{
    /// <summary>The default <see cref="Temperature"/>.</summary>
    public const double DefaultTemperature = 1;

    /// <summary>How soft P(y = 1) is: sigmoid((d0^2 - d1^2) / temperature), d the distances to the class centroids;
    /// positive.</summary>
    public double Temperature { get; init; } = DefaultTemperature;
}

/// <summary>
/// A sample learner: the centroid of each class's training rows (weighted), and P(y = 1 | x) from the squared distances
/// to the two centroids. Deterministic, with no seed to use.
/// </summary>
public sealed class NearestCentroid(NearestCentroidOptions options) : ITrainer
{
    /// <summary>The name specs use.</summary>
    public const string LearnerName = "nearest-centroid";

    /// <inheritdoc/>
    public string Name => LearnerName;

    /// <inheritdoc/>
    public IClassifier Fit(DesignMatrix x, ReadOnlySpan<int> y, ReadOnlySpan<double> sampleWeights = default)
    {
        if (!(options.Temperature > 0)) throw new FairCollective.Common.UserInputException($"{LearnerName}: " +
            $"temperature must be positive; got {options.Temperature}");
        var centroids = new double[2][] { new double[x.Cols], new double[x.Cols] };
        var weight = new double[2];
        for (int i = 0; i < x.Rows; i++)
        {
            double w = sampleWeights.IsEmpty ? 1 : sampleWeights[i];
            weight[y[i]] += w;
            for (int j = 0; j < x.Cols; j++) centroids[y[i]][j] += w * x[i, j];
        }
        for (int c = 0; c < 2; c++)
            for (int j = 0; j < x.Cols; j++) centroids[c][j] = weight[c] > 0 ? centroids[c][j] / weight[c] : 0;
        return new Model(centroids, options.Temperature);
    }

    private sealed class Model(double[][] centroids, double temperature) : IClassifier
    {
        public int FeatureCount => centroids[0].Length;

        public double[] PredictProba(DesignMatrix x)
        {
            var p = new double[x.Rows];
            for (int i = 0; i < x.Rows; i++)
            {
                double d0 = 0, d1 = 0;
                for (int j = 0; j < x.Cols; j++)
                {
                    d0 += (x[i, j] - centroids[0][j]) * (x[i, j] - centroids[0][j]);
                    d1 += (x[i, j] - centroids[1][j]) * (x[i, j] - centroids[1][j]);
                }
                p[i] = 1 / (1 + Math.Exp(-(d0 - d1) / temperature));
            }
            return p;
        }
    }
}
