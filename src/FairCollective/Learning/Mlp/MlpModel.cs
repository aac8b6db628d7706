using FairCollective.Data;
using FairCollective.Learning.Optimization;

namespace FairCollective.Learning.Mlp;

/// <summary>A fitted multilayer perceptron: ReLU hidden layers, P(y = 1 | x) = σ(output logit). Immutable.</summary>
public sealed class MlpModel : IClassifier
{
    private readonly MlpNetwork _network;
    private readonly double[] _parameters;

    internal MlpModel(MlpNetwork network, double[] parameters, int epochs, double bestLoss)
    {
        _network = network;
        _parameters = parameters;
        Epochs = epochs;
        BestLoss = bestLoss;
    }

    /// <inheritdoc/>
    public int FeatureCount => _network.Widths[0];

    /// <summary>Epochs run before stopping.</summary>
    public int Epochs { get; }

    /// <summary>Best monitored loss (validation log-loss with early stopping, else training objective).</summary>
    public double BestLoss { get; }

    /// <summary>Units in each hidden layer, input side first.</summary>
    public IReadOnlyList<int> HiddenLayerSizes => _network.Widths[1..^1];

    /// <summary>P(y = 1 | x) = σ(output logit) for every row of <paramref name="x"/>, in [0, 1].</summary>
    public double[] PredictProba(DesignMatrix x)
    {
        TrainingInput.ValidateForPrediction("mlp model", x, FeatureCount);
        var p = new double[x.Rows];
        var activations = _network.NewActivationBuffers();
        for (int i = 0; i < p.Length; i++) p[i] = VectorMath.Sigmoid(_network.Forward(_parameters, x.Row(i),
            activations));
        return p;
    }
}
