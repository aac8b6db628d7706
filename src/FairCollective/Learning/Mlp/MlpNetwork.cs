using FairCollective.Learning.Optimization;
namespace FairCollective.Learning.Mlp;

/// <summary>
/// Layer shapes and the flat parameter layout of a ReLU network with one sigmoid output: for each layer l,
/// W_l (out × in, row-major) then b_l. One flat vector keeps Adam's state and the best-epoch snapshot trivial.
/// </summary>
internal sealed class MlpNetwork
{
    public MlpNetwork(int inputs, IReadOnlyList<int> hidden)
    {
        Widths = [inputs, .. hidden, 1];
        WeightOffsets = new int[Layers];
        BiasOffsets = new int[Layers];
        int offset = 0;
        for (int l = 0; l < Layers; l++)
        {
            WeightOffsets[l] = offset;
            offset += Widths[l + 1] * Widths[l];
            BiasOffsets[l] = offset;
            offset += Widths[l + 1];
        }
        ParameterCount = offset;
    }

    /// <summary>Widths[0] = inputs, then each hidden layer, then 1.</summary>
    public int[] Widths { get; }

    public int Layers => Widths.Length - 1;
    public int[] WeightOffsets { get; }
    public int[] BiasOffsets { get; }
    public int ParameterCount { get; }

    /// <summary>Max hidden width: the size of the per-row activation buffers.</summary>
    public int MaxWidth => Widths.Max();

    /// <summary>
    /// Forward pass for one row: fills activations[l] (l = 1..Layers-1, post-ReLU) and returns the output logit.
    /// activations[0] is the input row.
    /// </summary>
    public double Forward(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, double[][] activations)
    {
        ReadOnlySpan<double> a = input;
        for (int l = 0; l < Layers - 1; l++)
        {
            int fanIn = Widths[l], fanOut = Widths[l + 1];
            var next = activations[l + 1].AsSpan(0, fanOut);
            for (int j = 0; j < fanOut; j++)
            {
                double z = parameters[BiasOffsets[l] + j] + VectorMath.Dot(parameters.Slice(WeightOffsets[l] + j *
                    fanIn, fanIn), a);
                next[j] = z > 0 ? z : 0;
            }
            a = next;
        }
        int last = Layers - 1;
        return parameters[BiasOffsets[last]] + VectorMath.Dot(parameters.Slice(WeightOffsets[last], Widths[last]), a);
    }

    public double[][] NewActivationBuffers()
    {
        var buffers = new double[Layers][];
        for (int l = 0; l < Layers; l++) buffers[l] = new double[Widths[l]];
        return buffers;
    }
}
