using FairCollective.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace FairCollective.Learning.Boosting;

/// <summary>
/// A fitted FastTree ensemble. PredictProba is ML.NET's calibrated probability: FastTree's raw score passed through
/// the Platt sigmoid that ML.NET fits on the training data. (The raw score is a boosted margin on FastTree's own
/// scale, not a log-odds, so a plain sigmoid of it would not be a probability.)
/// </summary>
public sealed class GradientBoostingModel : IClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    internal GradientBoostingModel(MLContext ml, ITransformer model, int featureCount)
    {
        _ml = ml;
        _model = model;
        FeatureCount = featureCount;
    }

    /// <inheritdoc/>
    public int FeatureCount { get; }

    /// <summary>ML.NET's Platt-calibrated P(y = 1 | x) for every row of <paramref name="x"/>, in [0, 1].</summary>
    public double[] PredictProba(DesignMatrix x)
    {
        TrainingInput.ValidateForPrediction("gbt model", x, FeatureCount);
        var scored = _model.Transform(FastTreeData.Load(_ml, x, default, default));
        var p = new double[x.Rows];
        int i = 0;
        foreach (float v in scored.GetColumn<float>(FastTreeData.Probability)) p[i++] = v;
        return p;
    }
}
